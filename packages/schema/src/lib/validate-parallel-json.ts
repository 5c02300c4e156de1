/**
 * Parse and schema-validate the text of a parallel.json file. Every problem is
 * a Diagnostic with the file, line, column, JSON pointer, code, message and
 * hint; the function never throws.
 *
 * Cost: JSON.parse + one compiled ajv validator + one pass over the field
 * names. The source map (an iterative scan of the text) is built only when
 * there is something to locate, once for all the findings.
 */
import type { Diagnostic } from './diagnostic';
import { fieldFindings } from './field-findings';
import { createJsonLocator } from './json-locator';
import type { JsonLocator } from './json-locator';
import { locateJsonPointers } from './json-source-map';
import { isObject, toDiagnostic } from './located-finding';
import type { Finding } from './located-finding';
import { parseJsonText } from './parse-json-text';
import { schemaErrorFindings } from './schema-error-findings';
import { getParallelValidator } from './schema-validators';
import type { ParallelJson } from './types';

export interface ValidateParallelJsonOptions {
  /** File name used in diagnostics, verbatim. */
  file: string;
  /** Published schema exactly; default tolerant. */
  strict?: boolean;
}

export interface ParallelJsonResult {
  /**
   * The parsed document whenever it is an object whose `achievements` is an
   * array, even when diagnostics report schema errors, so that later checks
   * can still run; undefined otherwise. Nothing is dropped (unknown fields are
   * kept). When there are PLAN002 errors, entries may not have the declared
   * types: check them with `isParallelAchievement` before use.
   */
  data?: ParallelJson;
  /** Sorted by line, then column. */
  diagnostics: Diagnostic[];
}

/** Parse + schema-validate parallel.json text; every diagnostic located at line:col via a JSON source map; never throws. */
export function validateParallelJson(text: string, options: ValidateParallelJsonOptions): ParallelJsonResult {
  const file = typeof options?.file === 'string' ? options.file : String(options?.file ?? 'parallel.json');
  const strict = options?.strict === true;
  try {
    const parsed = parseJsonText(typeof text === 'string' ? text : String(text ?? ''), file);
    if (!parsed.ok) return { diagnostics: parsed.diagnostics };

    const value = parsed.value;
    const validate = getParallelValidator(strict ? 'strict' : 'tolerant');
    const findings: Finding[] = validate(value) ? [] : schemaErrorFindings(validate.errors, value, { strict });
    const fields = fieldFindings(value, { strict });
    for (const finding of fields) findings.push(finding);

    const diagnostics = parsed.diagnostics;
    if (findings.length > 0) {
      const locations = locateJsonPointers(parsed.text, findings.map((f) => f.locateAt ?? f.pointer));
      const locate = (pointer: string, atKey: boolean) => {
        const location = locations.get(pointer);
        if (!location) return { line: 1, column: 1 };
        return atKey && location.key ? location.key : location.value;
      };
      for (const finding of findings) diagnostics.push(toDiagnostic(finding, file, locate));
    }
    sortDiagnostics(diagnostics);

    const data = isObject(value) && Array.isArray(value['achievements']) ? (value as unknown as ParallelJson) : undefined;
    return data ? { data, diagnostics } : { diagnostics };
  } catch (error) {
    return {
      diagnostics: [
        {
          code: 'PLAN099',
          severity: 'error',
          message: `internal error while validating: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'please report this with the file that triggers it',
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
}

/** The locator of the last text asked about: repeated calls on one text share one index. */
let lastLocated: { text: string; locator: JsonLocator } | undefined;

/**
 * Line/column (1-based) of the value at a JSON pointer in text; the nearest existing parent when missing.
 * Calls on the same text reuse one index (built in one pass on the first call), so locating every
 * achievement of a large file costs one scan. For a batch of pointers, `locateJsonPointers` is cheaper still.
 */
export function locateJsonPointer(text: string, pointer: string): { line: number; column: number } {
  try {
    const source = typeof text === 'string' ? text : String(text ?? '');
    if (!lastLocated || lastLocated.text !== source) lastLocated = { text: source, locator: createJsonLocator(source) };
    const { line, column } = lastLocated.locator.locate(String(pointer ?? '')).value;
    return { line, column };
  } catch {
    return { line: 1, column: 1 };
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortDiagnostics(diagnostics: Diagnostic[]): void {
  diagnostics.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
