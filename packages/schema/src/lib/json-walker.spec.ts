import * as fc from 'fast-check';
import { walkJson } from './json-walker';

/** Lines joined with '\n', so positions can be counted line by line. */
const lines = (...text: string[]) => text.join('\n');

describe('walkJson', () => {
  describe('accepts well-formed JSON', () => {
    it.each([
      ['an object', '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}'],
      ['a scalar root', '42'],
      ['a string root with escapes', '"a\\n\\u00e9\\"\\\\\\/"'],
      ['numbers in every form', '[0, -0, 1.5, -2e10, 3E+2, 4e-3]'],
      ['CRLF line ends and tabs', '{\r\n\t"a": 1\r\n}'],
      ['empty containers', '{"a": {}, "b": []}'],
    ])('%s', (_name, text) => {
      expect(walkJson(text)).toBeUndefined();
    });
  });

  describe('locates the first problem', () => {
    it('trailing comma in an object: at the comma', () => {
      expect(walkJson('{"a":1,}')).toMatchObject({ line: 1, column: 7, message: "trailing comma before '}'" });
    });

    it('trailing comma in an array: at the comma', () => {
      expect(walkJson('[1,]')).toMatchObject({ line: 1, column: 3, message: "trailing comma before ']'" });
    });

    it('missing comma between two properties: at the second property', () => {
      const problem = walkJson(lines('{', '  "a": 1', '  "b": 2', '}'));
      expect(problem).toMatchObject({ line: 3, column: 3, offset: 13 });
      expect(problem?.message).toBe(`expected ',' or '}' after the property value, found the string "b"`);
      expect(problem?.hint).toBe('add a comma between the two properties');
    });

    it('unclosed array at end of file names where it was opened', () => {
      const problem = walkJson('[1,2');
      expect(problem).toMatchObject({ line: 1, column: 5 });
      expect(problem?.message).toContain('the array opened at line 1, column 1 is not closed');
    });

    it('mismatched closing bracket', () => {
      const problem = walkJson('{"a": [1, 2}');
      expect(problem).toMatchObject({ line: 1, column: 12 });
      expect(problem?.message).toContain('the array opened at line 1, column 7 is not closed');
    });

    it('single-quoted property name', () => {
      expect(walkJson("{'a': 1}")).toMatchObject({ line: 1, column: 2, hint: 'replace the single quotes with double quotes' });
    });

    it('unquoted property name', () => {
      expect(walkJson('{a: 1}')).toMatchObject({ line: 1, column: 2, hint: 'write "a" instead of a' });
    });

    it('missing colon', () => {
      expect(walkJson('{"a" 1}')).toMatchObject({ line: 1, column: 6 });
      expect(walkJson('{"a" 1}')?.message).toContain(`expected ':' after the property name "a"`);
    });

    it('missing value after a colon', () => {
      expect(walkJson('{"a": }')).toMatchObject({ line: 1, column: 7 });
    });

    it('two commas in a row', () => {
      expect(walkJson('[1,,2]')).toMatchObject({ line: 1, column: 4, message: 'expected a value between two commas' });
    });

    it('invalid escape: at the backslash', () => {
      expect(walkJson('{"a": "x\\qy"}')).toMatchObject({ line: 1, column: 9, message: 'invalid escape "\\\\q" in a string' });
    });

    it('invalid unicode escape', () => {
      expect(walkJson('["\\u12G4"]')).toMatchObject({ line: 1, column: 3 });
    });

    it('raw tab inside a string: at the tab', () => {
      expect(walkJson('{"a": "x\ty"}')).toMatchObject({ line: 1, column: 9, message: 'control character U+0009 inside a string' });
    });

    it('string broken by a line end: at the string start', () => {
      expect(walkJson('{"a": "abc\n}')).toMatchObject({ line: 1, column: 7, message: 'unterminated string: the line ends before the closing quote' });
    });

    it('string cut by the end of the file', () => {
      expect(walkJson('["abc')).toMatchObject({ line: 1, column: 2, message: 'unterminated string: the file ends before the closing quote' });
    });

    it('line comment', () => {
      expect(walkJson(lines('{', '  // note', '  "a": 1', '}'))).toMatchObject({ line: 2, column: 3, message: 'comments are not allowed in JSON' });
    });

    it('block comment', () => {
      expect(walkJson('[1, /* two */ 2]')).toMatchObject({ line: 1, column: 5, message: 'comments are not allowed in JSON' });
    });

    it('content after the root value', () => {
      expect(walkJson('{"a": 1} x')).toMatchObject({ line: 1, column: 10 });
    });

    it('Python-style literal', () => {
      expect(walkJson('{"a": True}')).toMatchObject({ line: 1, column: 7, hint: 'JSON literals are lower case: write true' });
      expect(walkJson('[None]')).toMatchObject({ line: 1, column: 2, hint: 'JSON literals are lower case: write null' });
    });

    it('NaN', () => {
      expect(walkJson('{"x": NaN}')).toMatchObject({ line: 1, column: 7, message: 'NaN is not a JSON value' });
    });

    it('incomplete and invalid numbers', () => {
      expect(walkJson('{"a": 1.}')).toMatchObject({ line: 1, column: 7, message: 'incomplete number "1."' });
      expect(walkJson('{"a": -}')).toMatchObject({ line: 1, column: 7, message: 'invalid number "-"' });
      expect(walkJson('[.5]')).toMatchObject({ line: 1, column: 2, message: 'invalid number ".5"' });
    });

    it('leading zero', () => {
      // "01" scans as 0 followed by 1: the second number is the problem.
      expect(walkJson('{"a": 01}')).toMatchObject({ line: 1, column: 8 });
    });

    it('CRLF line ends count as one line break', () => {
      expect(walkJson('{\r\n  "a": 1,\r\n}')).toMatchObject({ line: 2, column: 9 });
    });

    it('empty text and white space', () => {
      expect(walkJson('')).toMatchObject({ line: 1, column: 1 });
      expect(walkJson('  \n  ')).toMatchObject({ line: 2, column: 3 });
    });

    it('a byte-order mark is not JSON', () => {
      expect(walkJson('\ufeff{}')).toMatchObject({ line: 1, column: 1 });
    });
  });

  it('handles 200,000 levels of nesting without recursion', () => {
    const depth = 200_000;
    expect(walkJson('['.repeat(depth) + ']'.repeat(depth))).toBeUndefined();
    const problem = walkJson('['.repeat(depth) + ']'.repeat(depth - 1));
    expect(problem).toMatchObject({ line: 1, column: 2 * depth });
  });

  it('visits every value in document order with its key and positions', () => {
    const seen: unknown[] = [];
    walkJson(lines('{', '  "a": [10, {"b": null}]', '}'), (depth, key, offset, line, column, keyOffset, keyLine, keyColumn) => {
      seen.push([depth, key, line, column, keyOffset >= 0 ? [keyLine, keyColumn] : null]);
    });
    expect(seen).toEqual([
      [0, undefined, 1, 1, null],
      [1, 'a', 2, 8, [2, 3]],
      [2, 0, 2, 9, null],
      [2, 1, 2, 13, null],
      [3, 'b', 2, 19, [2, 14]],
    ]);
  });

  it('stops when the visitor returns true', () => {
    let visits = 0;
    expect(walkJson('[1, 2, 3, oops', () => ++visits === 2)).toBeUndefined();
    expect(visits).toBe(2);
  });

  describe('agrees with JSON.parse (property)', () => {
    const accepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const jsonish = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '+', '.', 'e', 'E', 'a', 't', 'r', 'n', 'l', ' ', '\n', '\r', '\t', '/', '*', '\u0001', '\u00a0', '\ufeff'),
      maxLength: 40,
    });

    it('on JSON-like noise', () => {
      fc.assert(
        fc.property(jsonish, (text) => {
          expect(walkJson(text) === undefined).toBe(accepts(text));
        }),
        { numRuns: 3000 },
      );
    });

    it('on valid documents with one character removed or inserted', () => {
      const edited = fc
        .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ':', '\\', 'x', ' '))
        .map(([text, at, insert]) => {
          const i = text.length === 0 ? 0 : at % text.length;
          return text.slice(0, i) + insert + text.slice(insert === '' ? i + 1 : i);
        });
      fc.assert(
        fc.property(edited, (text) => {
          expect(walkJson(text) === undefined).toBe(accepts(text));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
