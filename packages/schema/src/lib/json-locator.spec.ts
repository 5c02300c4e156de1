import * as fc from 'fast-check';
import { joinPointer } from './json-pointer';
import { createJsonLocator } from './json-locator';
import { locateJsonPointers } from './json-source-map';

const text = [
  '{', //                                                    line 1
  '  "plan_name": "DEMO",', //                               line 2: value at 16
  '  "achievements": [', //                                  line 3: [ at 19
  '    { "achievement_id": "1.1", "dependencies": [] },', // line 4: { at 5
  '    { "achievement_id": "1.2", "dependencies": ["1.1", "0.9"] }', // line 5: "0.9" at 56
  '  ]', //                                                  line 6
  '}', //                                                    line 7
].join('\n');

describe('createJsonLocator', () => {
  const locator = createJsonLocator(text);

  it('locates depth 0, 1 and 2 from its index', () => {
    expect(locator.locate('')).toMatchObject({ value: { line: 1, column: 1 }, exact: true });
    expect(locator.locate('/plan_name')).toMatchObject({ value: { line: 2, column: 16 }, key: { line: 2, column: 3 }, exact: true });
    expect(locator.locate('/achievements/1')).toMatchObject({ value: { line: 5, column: 5 }, exact: true });
  });

  it('locates deeper pointers by walking only the enclosing value', () => {
    expect(locator.locate('/achievements/1/dependencies/1')).toMatchObject({ value: { line: 5, column: 56 }, exact: true });
    expect(locator.locate('/achievements/0/achievement_id')).toMatchObject({ value: { line: 4, column: 25 }, key: { line: 4, column: 7 } });
  });

  it('falls back to the nearest parent', () => {
    expect(locator.locate('/achievements/1/dependencies/7')).toMatchObject({ value: { line: 5, column: 48 }, exact: false });
    expect(locator.locate('/achievements/9')).toMatchObject({ value: { line: 3, column: 19 }, exact: false });
    expect(locator.locate('/achievements/01')).toMatchObject({ exact: false });
    expect(locator.locate('/missing/x')).toMatchObject({ value: { line: 1, column: 1 }, exact: false });
  });

  it('handles a root array and a byte-order mark', () => {
    expect(createJsonLocator('\ufeff[1, [2, 3]]').locate('/1/1')).toMatchObject({ value: { line: 1, column: 9 }, exact: true });
  });

  it('gives the same answers as the batch locator (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, pretty) => {
        const json = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        const pointers: string[] = [];
        const queue: [unknown, (string | number)[]][] = [[value, []]];
        while (queue.length > 0) {
          const [node, path] = queue.pop()!;
          pointers.push(joinPointer(path), joinPointer([...path, 'absent']));
          if (Array.isArray(node)) node.forEach((child, i) => queue.push([child, [...path, i]]));
          else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) queue.push([child, [...path, k]]);
        }
        const batch = locateJsonPointers(json, pointers);
        const single = createJsonLocator(json);
        for (const pointer of pointers) {
          const expected = batch.get(pointer)!;
          const actual = single.locate(pointer);
          expect({ pointer, value: actual.value, exact: actual.exact }).toEqual({ pointer, value: expected.value, exact: expected.exact });
          if (actual.exact) expect(actual.key).toEqual(expected.key);
        }
      }),
      { numRuns: 300 },
    );
  });
});
