/**
 * An iterative JSON walker on top of jsonc-parser's scanner. It checks the
 * text against the strict JSON grammar (no comments, no trailing commas) and
 * reports every value's position to a visitor, with an explicit stack instead
 * of recursion: jsonc-parser's own `parse`/`parseTree` recurse and overflow the
 * call stack on deeply nested input (about 10,000 levels), JSON.parse does not.
 */
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { JSONScanner } from 'jsonc-parser';

/** A position in the text: 0-based offset, 1-based line and column (UTF-16 units). */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** The first grammar error of a text, located, with a one-line message and hint. */
export interface JsonSyntaxProblem extends TextPosition {
  message: string;
  hint: string;
}

/**
 * Called at the start of every value, in document order. `depth` is 0 for the
 * root value; `key` is the property name (object member) or index (array
 * element) of the value in its parent, undefined for the root. The key
 * position is given for object members only (otherwise -1). Returning
 * `true` stops the walk (walkJson then returns undefined).
 */
export type JsonValueVisitor = (
  depth: number,
  key: string | number | undefined,
  valueOffset: number,
  valueLine: number,
  valueColumn: number,
  keyOffset: number,
  keyLine: number,
  keyColumn: number,
) => boolean | void;

const enum State {
  RootValue,
  MemberValue,
  FirstElement,
  NextElement,
  FirstKey,
  NextKey,
  Colon,
  AfterMember,
  AfterElement,
  End,
}

interface Frame {
  isObject: boolean;
  line: number;
  column: number;
  /** Current member name (objects) or element index (arrays). */
  key: string | number;
  keyOffset: number;
  keyLine: number;
  keyColumn: number;
}

/** Walk only the one value that starts at a known position (used to locate inside a large document). */
export interface WalkStart {
  offset: number;
  line: number;
  column: number;
}

/**
 * Walk `text` as strict JSON. Returns the first syntax problem, or undefined
 * when the text is one well-formed JSON value. A leading byte-order mark is
 * not JSON and is reported like any other unexpected character. With `start`,
 * only the value that starts there is walked (depths are relative to it) and
 * nothing after it is checked.
 */
export function walkJson(text: string, visit?: JsonValueVisitor, start?: WalkStart): JsonSyntaxProblem | undefined {
  const scanner = createScanner(text, false);
  const startOffset = start ? start.offset : 0;
  const startLine = start ? start.line : 1;
  const startColumn = start ? start.column : 1;
  if (start) scanner.setPosition(start.offset);
  const stack: Frame[] = [];
  let state: State = State.RootValue;
  // Position of the last comma, to locate trailing-comma errors on the comma itself.
  let commaOffset = 0;
  let commaLine = 1;
  let commaColumn = 1;

  for (;;) {
    if (start && state === State.End) return undefined;
    const token = nextToken(scanner);
    const offset = scanner.getTokenOffset();
    const scannedLine = scanner.getTokenStartLine();
    const line = scannedLine + startLine;
    const column = scannedLine === 0 ? startColumn + offset - startOffset : scanner.getTokenStartCharacter() + 1;

    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) {
      return problem(offset, line, column, 'comments are not allowed in JSON', 'remove the comment: parallel.json is plain JSON');
    }
    const scanProblem = scanErrorProblem(scanner, text, token, offset, line, column);
    if (scanProblem) return scanProblem;

    if (token === SyntaxKind.EOF) {
      if (state === State.End) return undefined;
      return endOfFileProblem(state, stack, offset, line, column);
    }

    switch (state) {
      case State.End:
        return problem(
          offset,
          line,
          column,
          `unexpected ${describeToken(scanner, token)} after the end of the JSON value`,
          'a JSON file holds exactly one value: remove what follows it, or wrap the values in an array',
        );

      case State.Colon:
        if (token === SyntaxKind.ColonToken) {
          state = State.MemberValue;
          continue;
        }
        return problem(
          offset,
          line,
          column,
          `expected ':' after the property name ${quoteForMessage(String(stack[stack.length - 1].key))}, found ${describeToken(scanner, token)}`,
          `write the member as "name": value`,
        );

      case State.FirstKey:
      case State.NextKey: {
        const frame = stack[stack.length - 1];
        if (token === SyntaxKind.CloseBraceToken) {
          if (state === State.NextKey) {
            return problem(commaOffset, commaLine, commaColumn, "trailing comma before '}'", 'remove the comma after the last property');
          }
          stack.pop();
          state = afterValueState(stack);
          continue;
        }
        if (token === SyntaxKind.StringLiteral) {
          frame.key = scanner.getTokenValue();
          frame.keyOffset = offset;
          frame.keyLine = line;
          frame.keyColumn = column;
          state = State.Colon;
          continue;
        }
        return keyProblem(scanner, token, offset, line, column);
      }

      case State.AfterMember:
      case State.AfterElement: {
        const inObject = state === State.AfterMember;
        const close = inObject ? SyntaxKind.CloseBraceToken : SyntaxKind.CloseBracketToken;
        if (token === SyntaxKind.CommaToken) {
          commaOffset = offset;
          commaLine = line;
          commaColumn = column;
          if (inObject) {
            state = State.NextKey;
          } else {
            (stack[stack.length - 1].key as number)++;
            state = State.NextElement;
          }
          continue;
        }
        if (token === close) {
          stack.pop();
          state = afterValueState(stack);
          continue;
        }
        return separatorProblem(scanner, token, stack[stack.length - 1], offset, line, column);
      }

      default: {
        // RootValue, MemberValue, FirstElement, NextElement: a value is expected.
        if (token === SyntaxKind.CloseBracketToken && (state === State.FirstElement || state === State.NextElement)) {
          if (state === State.NextElement) {
            return problem(commaOffset, commaLine, commaColumn, "trailing comma before ']'", 'remove the comma after the last element');
          }
          stack.pop();
          state = afterValueState(stack);
          continue;
        }
        if (!isValueStart(token)) return valueProblem(scanner, token, state, offset, line, column);

        if (visit) {
          const depth = stack.length;
          let stop: boolean | void;
          if (depth === 0) {
            stop = visit(0, undefined, offset, line, column, -1, -1, -1);
          } else {
            const parent = stack[depth - 1];
            if (parent.isObject) {
              stop = visit(depth, parent.key, offset, line, column, parent.keyOffset, parent.keyLine, parent.keyColumn);
            } else {
              stop = visit(depth, parent.key, offset, line, column, -1, -1, -1);
            }
          }
          if (stop === true) return undefined;
        }
        if (token === SyntaxKind.OpenBraceToken) {
          stack.push({ isObject: true, line, column, key: '', keyOffset: -1, keyLine: -1, keyColumn: -1 });
          state = State.FirstKey;
        } else if (token === SyntaxKind.OpenBracketToken) {
          stack.push({ isObject: false, line, column, key: 0, keyOffset: -1, keyLine: -1, keyColumn: -1 });
          state = State.FirstElement;
        } else {
          state = afterValueState(stack);
        }
      }
    }
  }
}

function nextToken(scanner: JSONScanner): SyntaxKind {
  let token = scanner.scan();
  while (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) token = scanner.scan();
  return token;
}

function afterValueState(stack: Frame[]): State {
  if (stack.length === 0) return State.End;
  return stack[stack.length - 1].isObject ? State.AfterMember : State.AfterElement;
}

function isValueStart(token: SyntaxKind): boolean {
  switch (token) {
    case SyntaxKind.OpenBraceToken:
    case SyntaxKind.OpenBracketToken:
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return true;
    default:
      return false;
  }
}

function problem(offset: number, line: number, column: number, message: string, hint: string): JsonSyntaxProblem {
  return { offset, line, column, message, hint };
}

function endOfFileProblem(state: State, stack: Frame[], offset: number, line: number, column: number): JsonSyntaxProblem {
  if (stack.length === 0) {
    return problem(offset, line, column, 'unexpected end of file: a JSON value is expected', 'write the parallel.json object');
  }
  const frame = stack[stack.length - 1];
  const what = frame.isObject ? 'object' : 'array';
  const close = frame.isObject ? '}' : ']';
  const pending =
    state === State.Colon
      ? "expected ':'"
      : state === State.MemberValue || state === State.NextElement
        ? 'expected a value'
        : `expected '${close}'`;
  return problem(
    offset,
    line,
    column,
    `unexpected end of file (${pending}): the ${what} opened at line ${frame.line}, column ${frame.column} is not closed`,
    `complete the ${what} and close it with '${close}'; check the brackets above`,
  );
}

function separatorProblem(
  scanner: JSONScanner,
  token: SyntaxKind,
  frame: Frame,
  offset: number,
  line: number,
  column: number,
): JsonSyntaxProblem {
  const close = frame.isObject ? '}' : ']';
  const found = describeToken(scanner, token);
  const what = frame.isObject ? 'object' : 'array';
  if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
    return problem(
      offset,
      line,
      column,
      `expected ',' or '${close}', found ${found}: the ${what} opened at line ${frame.line}, column ${frame.column} is not closed`,
      `close the ${what} with '${close}' first`,
    );
  }
  const between = frame.isObject ? 'properties' : 'elements';
  return problem(
    offset,
    line,
    column,
    `expected ',' or '${close}' after the ${frame.isObject ? 'property value' : 'array element'}, found ${found}`,
    `add a comma between the two ${between}`,
  );
}

function keyProblem(scanner: JSONScanner, token: SyntaxKind, offset: number, line: number, column: number): JsonSyntaxProblem {
  const found = describeToken(scanner, token);
  if (token === SyntaxKind.Unknown) {
    const raw = scanner.getTokenValue();
    if (raw.startsWith("'")) {
      return problem(offset, line, column, `property names must use double quotes, found ${found}`, "replace the single quotes with double quotes");
    }
    const name = raw.replace(/:$/, '');
    return problem(
      offset,
      line,
      column,
      `property names must be strings in double quotes, found ${found}`,
      `write ${JSON.stringify(name)} instead of ${name}`,
    );
  }
  return problem(offset, line, column, `expected a property name in double quotes, found ${found}`, 'write the member as "name": value');
}

function valueProblem(
  scanner: JSONScanner,
  token: SyntaxKind,
  state: State,
  offset: number,
  line: number,
  column: number,
): JsonSyntaxProblem {
  const found = describeToken(scanner, token);
  if (token === SyntaxKind.Unknown) {
    const raw = scanner.getTokenValue();
    if (raw.startsWith("'")) {
      return problem(offset, line, column, `strings must use double quotes, found ${found}`, 'replace the single quotes with double quotes');
    }
    if (/^[+-]?(NaN|Infinity|undefined)$/.test(raw)) {
      return problem(offset, line, column, `${raw} is not a JSON value`, 'use a number, a string or null');
    }
    const lower = raw.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null' || raw === 'None') {
      const literal = raw === 'None' ? 'null' : lower;
      return problem(offset, line, column, `${raw} is not a JSON value`, `JSON literals are lower case: write ${literal}`);
    }
    if (/^[+.-]|^\d/.test(raw)) {
      return problem(offset, line, column, `invalid number ${quoteForMessage(raw)}`, 'write numbers as in 5, 2.5, -1 or 1e3 (no leading +, no leading or trailing dot)');
    }
    return problem(offset, line, column, `expected a value, found ${found}`, 'strings must be in double quotes; other values are numbers, true, false, null, objects and arrays');
  }
  if (state === State.MemberValue && (token === SyntaxKind.CommaToken || token === SyntaxKind.CloseBraceToken)) {
    return problem(offset, line, column, `expected a value after ':', found ${found}`, 'write the property value, e.g. "" or [] or null');
  }
  if (state === State.NextElement && token === SyntaxKind.CommaToken) {
    return problem(offset, line, column, 'expected a value between two commas', 'remove the extra comma');
  }
  return problem(offset, line, column, `expected a value, found ${found}`, 'check the punctuation around this position');
}

/** Problems the scanner flagged inside a token (strings, numbers, comments). */
function scanErrorProblem(
  scanner: JSONScanner,
  text: string,
  token: SyntaxKind,
  offset: number,
  line: number,
  column: number,
): JsonSyntaxProblem | undefined {
  const error = scanner.getTokenError();
  if (error === ScanError.None) return undefined;
  if (token === SyntaxKind.NumericLiteral) {
    const raw = text.substr(offset, scanner.getTokenLength());
    return problem(offset, line, column, `incomplete number ${quoteForMessage(raw)}`, 'write digits after the decimal point and after the exponent, e.g. 2.5 or 1e3');
  }
  if (token !== SyntaxKind.StringLiteral) return undefined; // comments: reported by the caller
  const raw = text.substr(offset, scanner.getTokenLength());
  const inner = findStringProblem(raw);
  if (inner) {
    return problem(offset + inner.index, line, column + inner.index, inner.message, inner.hint);
  }
  const atEnd = offset + raw.length >= text.length;
  return problem(
    offset,
    line,
    column,
    atEnd ? 'unterminated string: the file ends before the closing quote' : 'unterminated string: the line ends before the closing quote',
    'close the string with " on the same line; write line breaks inside strings as \\n',
  );
}

const VALID_ESCAPES = '"\\/bfnrt';

/**
 * The first invalid character or escape inside a raw string token (which starts
 * with its opening quote), in text order; undefined when only the end is missing.
 */
function findStringProblem(raw: string): { index: number; message: string; hint: string } | undefined {
  for (let i = 1; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x22) return undefined;
    if (code === 0x5c) {
      const next = raw.charAt(i + 1);
      if (next === '') return undefined;
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(raw.substr(i + 2, 4))) {
          return {
            index: i,
            message: `invalid unicode escape ${quoteForMessage(raw.substr(i, 6))}`,
            hint: 'write \\u followed by exactly four hexadecimal digits, e.g. \\u00e9',
          };
        }
        i += 5;
        continue;
      }
      if (VALID_ESCAPES.indexOf(next) === -1) {
        return {
          index: i,
          message: `invalid escape ${quoteForMessage('\\' + next)} in a string`,
          hint: 'valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write a backslash as \\\\',
        };
      }
      i++;
      continue;
    }
    if (code < 0x20 && code !== 0x0a && code !== 0x0d) {
      return {
        index: i,
        message: `control character U+${code.toString(16).toUpperCase().padStart(4, '0')} inside a string`,
        hint: 'escape it, e.g. \\t for a tab',
      };
    }
  }
  return undefined;
}

function describeToken(scanner: JSONScanner, token: SyntaxKind): string {
  switch (token) {
    case SyntaxKind.OpenBraceToken:
      return "'{'";
    case SyntaxKind.CloseBraceToken:
      return "'}'";
    case SyntaxKind.OpenBracketToken:
      return "'['";
    case SyntaxKind.CloseBracketToken:
      return "']'";
    case SyntaxKind.CommaToken:
      return "','";
    case SyntaxKind.ColonToken:
      return "':'";
    case SyntaxKind.NullKeyword:
      return 'null';
    case SyntaxKind.TrueKeyword:
      return 'true';
    case SyntaxKind.FalseKeyword:
      return 'false';
    case SyntaxKind.StringLiteral:
      return `the string ${quoteForMessage(scanner.getTokenValue())}`;
    case SyntaxKind.NumericLiteral:
      return `the number ${scanner.getTokenValue()}`;
    case SyntaxKind.EOF:
      return 'the end of the file';
    default:
      return quoteForMessage(scanner.getTokenValue());
  }
}

/** A short, printable, double-quoted form of a piece of text for a one-line message. */
export function quoteForMessage(value: string, max = 40): string {
  const cut = value.length > max ? value.slice(0, max) + '…' : value;
  return JSON.stringify(cut);
}
