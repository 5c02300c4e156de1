// STUB (owner: schema helper)
import type { Diagnostic } from './diagnostic';
import type { ParallelJson } from './types';
export interface ValidateParallelJsonOptions {
  /** File name used in diagnostics. */
  file: string;
  /** Published schema exactly; default tolerant. */
  strict?: boolean;
}
export interface ParallelJsonResult {
  /** The parsed document when it parsed and has the required shape to be used (achievements array of objects with ids); undefined otherwise. */
  data?: ParallelJson;
  diagnostics: Diagnostic[];
}
/** Parse + schema-validate parallel.json text; every diagnostic located at line:col via a JSON source map; never throws. */
export function validateParallelJson(text: string, options: ValidateParallelJsonOptions): ParallelJsonResult { throw new Error('not implemented'); }
/** Line/column (1-based) of the value at a JSON pointer in text; the nearest existing parent when missing. */
export function locateJsonPointer(text: string, pointer: string): { line: number; column: number } { throw new Error('not implemented'); }
