import * as fc from 'fast-check';
import { joinPointer } from './json-pointer';
import { locateJsonPointers, locatePointer, positionAt } from './json-source-map';

const text = [
  '{', //                                    line 1
  '  "plan_name": "DEMO",', //               line 2
  '  "achievements": [', //                  line 3
  '    {', //                                line 4
  '      "achievement_id": "1.1",', //       line 5
  '      "dependencies": ["0.1", "0.2"]', // line 6
  '    }', //                                line 7
  '  ],', //                                 line 8
  '  "a/b": { "c~d": 7 }', //                line 9: key "c~d" at column 12, value 7 at 19
  '}', //                                    line 10
].join('\n');

describe('locateJsonPointers', () => {
  it('locates values and property names', () => {
    const found = locateJsonPointers(text, ['', '/plan_name', '/achievements/0', '/achievements/0/dependencies/1']);
    expect(found.get('')).toMatchObject({ value: { line: 1, column: 1, offset: 0 }, exact: true });
    expect(found.get('/plan_name')).toMatchObject({ value: { line: 2, column: 16 }, key: { line: 2, column: 3 }, exact: true });
    expect(found.get('/achievements/0')).toMatchObject({ value: { line: 4, column: 5 }, exact: true });
    expect(found.get('/achievements/0')?.key).toBeUndefined();
    expect(found.get('/achievements/0/dependencies/1')).toMatchObject({ value: { line: 6, column: 31 }, exact: true });
  });

  it('unescapes ~1 and ~0 in pointer tokens', () => {
    const found = locateJsonPointers(text, ['/a~1b/c~0d']);
    expect(found.get('/a~1b/c~0d')).toMatchObject({ value: { line: 9, column: 19 }, key: { line: 9, column: 12 } });
  });

  it('falls back to the nearest existing parent for a missing pointer', () => {
    const found = locateJsonPointers(text, ['/achievements/0/estimated_hours', '/achievements/5/title', '/nothing']);
    expect(found.get('/achievements/0/estimated_hours')).toEqual({ value: { offset: expect.any(Number), line: 4, column: 5 }, exact: false });
    expect(found.get('/achievements/5/title')).toMatchObject({ value: { line: 3, column: 19 }, exact: false });
    expect(found.get('/nothing')).toMatchObject({ value: { line: 1, column: 1 }, exact: false });
  });

  it('counts columns after a byte-order mark as editors do (without it)', () => {
    expect(locatePointer('\ufeff{"a": 1}', '/a')).toMatchObject({ line: 1, column: 7 });
  });

  it('locates a duplicated member at its first occurrence', () => {
    expect(locatePointer('{"a": 1, "a": 2}', '/a')).toMatchObject({ line: 1, column: 7 });
  });

  it('locates inside 100,000 levels of nesting', () => {
    const depth = 100_000;
    const nested = '{"x": ' + '['.repeat(depth) + ']'.repeat(depth) + '}';
    const pointer = '/x' + '/0'.repeat(depth - 1);
    expect(locatePointer(nested, pointer)).toMatchObject({ line: 1, column: 6 + depth });
  });

  it('returns line 1, column 1 for text that is not JSON', () => {
    expect(locatePointer('not json', '/a')).toEqual({ offset: 0, line: 1, column: 1 });
  });

  it('property: every path of a pretty-printed document points at its serialised value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const pretty = JSON.stringify(value, null, 2);
        const paths: { pointer: string; value: unknown }[] = [];
        const queue: [unknown, (string | number)[]][] = [[value, []]];
        while (queue.length > 0) {
          const [node, path] = queue.pop()!;
          paths.push({ pointer: joinPointer(path), value: node });
          if (Array.isArray(node)) node.forEach((child, i) => queue.push([child, [...path, i]]));
          else if (node !== null && typeof node === 'object') {
            for (const [key, child] of Object.entries(node)) queue.push([child, [...path, key]]);
          }
        }
        const found = locateJsonPointers(pretty, paths.map((p) => p.pointer));
        for (const { pointer, value: expected } of paths) {
          const location = found.get(pointer)!;
          expect(location.exact).toBe(true);
          const serialised = JSON.stringify(expected, null, 2) ?? 'null';
          const head = serialised.startsWith('{') ? '{' : serialised.startsWith('[') ? '[' : serialised;
          expect(pretty.startsWith(head, location.value.offset)).toBe(true);
          expect(positionAt(pretty, location.value.offset)).toEqual(location.value);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('positionAt', () => {
  it('counts \\n, \\r\\n and \\r as line ends', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ offset: 4, line: 2, column: 2 });
    expect(positionAt('ab\r\ncd', 5)).toEqual({ offset: 5, line: 2, column: 2 });
    expect(positionAt('ab\rcd', 3)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(positionAt('ab', 99)).toEqual({ offset: 2, line: 1, column: 3 });
  });
});
