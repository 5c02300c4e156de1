import * as fc from 'fast-check';
import { DIAGNOSTIC_CODES } from './diagnostic';
import type { ParallelJsonResult } from './validate-parallel-json';
import { validateParallelJson } from './validate-parallel-json';
import { splitPointer } from './json-pointer';

const FILE = 'prop/parallel.json';

/** The invariants of every result, whatever the input. */
function expectWellFormed(result: ParallelJsonResult, text: string): void {
  expect(Array.isArray(result.diagnostics)).toBe(true);
  expect(result.data !== undefined || result.diagnostics.length > 0).toBe(true);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const d of result.diagnostics) {
    expect(DIAGNOSTIC_CODES[d.code]).toBeDefined();
    expect(d.file).toBe(FILE);
    expect(d.message).toMatch(/\S/);
    expect(d.hint).toMatch(/\S/);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
  }
  if (result.data !== undefined) {
    expect(typeof result.data).toBe('object');
    expect(Array.isArray(result.data.achievements)).toBe(true);
  }
}

/** 0-based offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function valueAt(data: unknown, pointer: string): { found: boolean; value?: unknown } {
  let node: unknown = data;
  for (const token of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return { found: false };
    node = (node as Record<string, unknown>)[token];
  }
  return { found: true, value: node };
}

const run = (text: string, strict: boolean) => {
  const result = validateParallelJson(text, { file: FILE, strict });
  expectWellFormed(result, text);
  return result;
};

describe('validateParallelJson (properties)', () => {
  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, strict) => {
        run(text, strict);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes decoded as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, strict) => {
        run(Buffer.from(bytes).toString('utf8'), strict);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any JSON value, and returns data exactly for objects with an achievements array', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, strict) => {
        const text = JSON.stringify(value, null, 2) ?? 'null';
        const result = run(text, strict);
        const usable = typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as Record<string, unknown>)['achievements']);
        expect(result.data !== undefined).toBe(usable);
        expect(result.diagnostics.some((d) => d.code === 'PLAN001')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('4-6', '1.1', '2025-11-14', 'level_2', 'complete'));
  const achievement = fc.dictionary(
    fc.constantFrom('achievement_id', 'title', 'dependencies', 'status', 'estimated_hours', 'actual_hours', 'started_at', 'completed_at', 'executor', 'priority', 'blocks', '$schema', '~/'),
    anything,
  );
  const document = fc.record(
    {
      plan_name: anything,
      parallelization_level: anything,
      created_date: anything,
      achievements: fc.oneof(fc.array(fc.oneof(achievement, anything), { maxLength: 6 }), anything),
      notes: anything,
      extra: anything,
    },
    { requiredKeys: [] },
  );

  it('locates unknown fields at their name and schema errors at their value (or enclosing object)', () => {
    fc.assert(
      fc.property(document, fc.boolean(), fc.boolean(), (doc, strict, pretty) => {
        const text = pretty ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
        const parsed: unknown = JSON.parse(text);
        const result = run(text, strict);
        for (const d of result.diagnostics) {
          const offset = offsetOf(text, d.line, d.column);
          const tokens = splitPointer(d.pointer ?? '');
          if (d.code === 'PLAN011' || d.code === 'PLAN017') {
            expect(text.startsWith(JSON.stringify(tokens[tokens.length - 1]), offset)).toBe(true);
          } else if (d.code === 'PLAN002') {
            const target = valueAt(parsed, d.pointer ?? '');
            const head = target.found ? (JSON.stringify(target.value) as string).slice(0, 1) : '{';
            expect(text.startsWith(head, offset)).toBe(true);
          }
        }
        if (result.data) expect(result.data).toEqual(parsed);
      }),
      { numRuns: 400 },
    );
  });
});
