/**
 * Parse the text of a JSON file into a value, or a located PLAN001 diagnostic.
 * The fast path is the built-in JSON.parse; only when it fails is the text
 * walked again to find the exact line and column of the first problem.
 */
import type { Diagnostic } from './diagnostic';
import { positionAt } from './json-source-map';
import { walkJson } from './json-walker';

export type ParsedJsonText =
  | {
      ok: true;
      value: unknown;
      /** The text that was parsed: the input without a leading byte-order mark. */
      text: string;
      /** PLAN001 for a leading byte-order mark (the value is still usable). */
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

export function parseJsonText(input: string, file: string): ParsedJsonText {
  const diagnostics: Diagnostic[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push({
      code: 'PLAN001',
      severity: 'error',
      message: 'the file starts with a byte-order mark (BOM), which JSON does not allow',
      hint: 'save the file as UTF-8 without BOM',
      file,
      line: 1,
      column: 1,
    });
  }
  if (text.trim() === '') {
    diagnostics.push({
      code: 'PLAN001',
      severity: 'error',
      message: text === '' ? 'the file is empty' : 'the file holds only white space',
      hint: 'write the parallel.json object, or delete the file to infer dependencies from the PLAN',
      file,
      line: 1,
      column: 1,
    });
    return { ok: false, diagnostics };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    diagnostics.push(syntaxDiagnostic(text, file, error));
    return { ok: false, diagnostics };
  }
  return { ok: true, value, text, diagnostics };
}

function syntaxDiagnostic(text: string, file: string, error: unknown): Diagnostic {
  const found = walkJson(text);
  if (found) {
    return {
      code: 'PLAN001',
      severity: 'error',
      message: `invalid JSON: ${found.message}`,
      hint: found.hint,
      file,
      line: found.line,
      column: found.column,
    };
  }
  // The walker accepts everything JSON.parse accepts and rejects the rest; this
  // is a safety net that keeps the engine's own message and position.
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const position = at ? positionAt(text, Number(at[1])) : { line: 1, column: 1 };
  return {
    code: 'PLAN001',
    severity: 'error',
    message: `invalid JSON: ${message.split('\n')[0]}`,
    hint: 'fix the JSON syntax at this position',
    file,
    line: position.line,
    column: position.column,
  };
}
