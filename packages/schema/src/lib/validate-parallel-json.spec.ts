import { DIAGNOSTIC_CODES } from './diagnostic';
import type { Diagnostic } from './diagnostic';
import { locateJsonPointer, validateParallelJson } from './validate-parallel-json';

const lines = (...text: string[]) => text.join('\n');
const FILE = 'plans/DEMO/parallel.json';

/** code@line:col pointer — compact form for comparing lists of diagnostics. */
const brief = (d: Diagnostic) => `${d.severity} ${d.code}@${d.line}:${d.column} ${d.pointer ?? ''}`.trimEnd();

const valid = lines(
  '{',
  '  "$schema": "./node_modules/@nx-plan/schema/src/schemas/parallel.schema.json",',
  '  "plan_name": "DEMO",',
  '  "parallelization_level": "level_2",',
  '  "created_date": "2025-11-14",',
  '  "achievements": [',
  '    { "achievement_id": "1.1", "title": "First", "dependencies": [], "estimated_hours": 3 },',
  '    { "achievement_id": "1.2", "dependencies": ["1.1"], "actual_hours": 2.5,',
  '      "started_at": "2025-11-14T09:30:00Z", "completed_at": "2025-11-14T12:00:00+01:00", "executor": "agent-1" }',
  '  ],',
  '  "notes": "all fields"',
  '}',
);

// Line 5 of `mixed`: the value "4-6" starts at column 71, checked by counting:
// 4 spaces, `{ ` (5-6), "achievement_id" (7-22), `: ` , "1.1" (25-29), `, `,
// "dependencies" (32-45), `: `, [] (48-49), `, `, "estimated_hours" (52-68), `: ` → 71.
// Line 6: "priority" at 57 (after `["1.1"]` at 48-54 and `, `), "status" at 72.
const mixed = lines(
  '{',
  '  "plan_name": "DEMO",',
  '  "parallelization_level": "level_2",',
  '  "achievements": [',
  '    { "achievement_id": "1.1", "dependencies": [], "estimated_hours": "4-6" },',
  '    { "achievement_id": "1.2", "dependencies": ["1.1"], "priority": 1, "status": "complete" }',
  '  ]',
  '}',
);

describe('validateParallelJson', () => {
  it('accepts a document that uses every field, in both modes', () => {
    for (const strict of [false, true]) {
      const result = validateParallelJson(valid, { file: FILE, strict });
      expect(result.diagnostics).toEqual([]);
      expect(result.data?.achievements[1].executor).toBe('agent-1');
    }
  });

  describe('tolerant mode (default)', () => {
    it('accepts range strings silently, warns once per unknown field at its name, reports status as info', () => {
      const result = validateParallelJson(mixed, { file: FILE });
      expect(result.diagnostics.map(brief)).toEqual(['warning PLAN011@6:57 /achievements/1/priority', 'info PLAN017@6:72 /achievements/1/status']);
      const [unknown, status] = result.diagnostics;
      expect(unknown.message).toBe('achievement 1.2: unknown field "priority" (kept, not used by nx-plan)');
      expect(unknown.hint).toContain('--strict');
      expect(status.message).toBe(`achievement 1.2: status "complete" is ignored; status is derived from the plan folder's files`);
    });

    it('keeps unknown fields and range strings in the data', () => {
      const data = validateParallelJson(mixed, { file: FILE }).data!;
      expect(data.achievements[0].estimated_hours).toBe('4-6');
      expect(data.achievements[1]['priority']).toBe(1);
    });

    it.each(['4-6', '4 - 6', '4–6', '2.5-3h', '10-12 h'])('accepts the range %p', (range) => {
      const text = `{"plan_name": "D", "parallelization_level": "level_1", "achievements": [{"achievement_id": "1.1", "dependencies": [], "estimated_hours": ${JSON.stringify(range)}}]}`;
      expect(validateParallelJson(text, { file: FILE }).diagnostics).toEqual([]);
    });

    it('reports a string that is not a range as one merged error (no anyOf noise)', () => {
      const text = '{"plan_name": "D", "parallelization_level": "level_1", "achievements": [{"achievement_id": "1.1", "dependencies": [], "estimated_hours": "4 to 6"}]}';
      const { diagnostics } = validateParallelJson(text, { file: FILE });
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        code: 'PLAN002',
        severity: 'error',
        line: 1,
        column: 138,
        pointer: '/achievements/0/estimated_hours',
        message: 'achievement 1.1: estimated_hours must be a number of hours or a range string such as "4-6", found "4 to 6"',
      });
    });

    it('reports one PLAN017 per file, at the first status, when many achievements have one', () => {
      const text = lines(
        '{"plan_name": "D", "parallelization_level": "level_1", "achievements": [',
        '  {"achievement_id": "1.1", "dependencies": [], "status": "complete"},',
        '  {"achievement_id": "1.2", "dependencies": [], "status": "not_started"}',
        ']}',
      );
      const { diagnostics } = validateParallelJson(text, { file: FILE });
      expect(diagnostics.map(brief)).toEqual(['info PLAN017@2:49 /achievements/0/status']);
      expect(diagnostics[0].message).toBe(`status is ignored in 2 achievements (1.1, 1.2); status is derived from the plan folder's files`);
    });

    it('suggests the known field for a misspelt one', () => {
      const text = '{"plan_name": "D", "parallelization_level": "level_1", "achievements": [{"achievement_id": "1.1", "dependancies": []}]}';
      const { diagnostics } = validateParallelJson(text, { file: FILE });
      expect(diagnostics.map(brief)).toEqual([
        'error PLAN002@1:73 /achievements/0/dependencies',
        'warning PLAN011@1:99 /achievements/0/dependancies',
      ]);
      expect(diagnostics[1].hint).toContain('did you mean "dependencies"?');
    });
  });

  describe('strict mode', () => {
    it('rejects range strings and unknown fields as errors', () => {
      const result = validateParallelJson(mixed, { file: FILE, strict: true });
      expect(result.diagnostics.map(brief)).toEqual([
        'error PLAN002@5:71 /achievements/0/estimated_hours',
        'error PLAN011@6:57 /achievements/1/priority',
        'info PLAN017@6:72 /achievements/1/status',
      ]);
      expect(result.diagnostics[0].message).toBe('achievement 1.1: estimated_hours must be a number, found "4-6"');
      expect(result.diagnostics[0].hint).toContain('without --strict');
      expect(result.diagnostics[1].message).toBe('achievement 1.2: unknown field "priority" is not allowed by the strict schema');
      expect(result.data).toBeDefined();
    });
  });

  describe('schema violations (PLAN002)', () => {
    it('missing required fields: pointer to the field, position of the enclosing object', () => {
      const text = lines('{', '  "plan_name": "DEMO",', '  "achievements": [', '    { "achievement_id": "1.1" }', '  ]', '}');
      const { diagnostics, data } = validateParallelJson(text, { file: FILE });
      expect(diagnostics.map(brief)).toEqual(['error PLAN002@1:1 /parallelization_level', 'error PLAN002@4:5 /achievements/0/dependencies']);
      expect(diagnostics[0].message).toBe('missing required field "parallelization_level"');
      expect(diagnostics[1].message).toBe('achievement 1.1: missing required field "dependencies"');
      expect(diagnostics[1].hint).toBe('add "dependencies": [] or the ids this achievement waits for');
      expect(data).toBeDefined();
    });

    it('wrong types, enum, pattern and formats, each with the value found', () => {
      const text = lines(
        '{',
        '  "plan_name": 5,',
        '  "parallelization_level": "level_4",',
        '  "created_date": "2025-02-30",',
        '  "achievements": [',
        '    42,',
        '    { "achievement_id": "1-1", "dependencies": ["1.1", 7, "x"], "started_at": "2025-11-14 10:00" }',
        '  ]',
        '}',
      );
      const { diagnostics } = validateParallelJson(text, { file: FILE });
      expect(diagnostics.map((d) => [brief(d), d.message])).toEqual([
        ['error PLAN002@2:16 /plan_name', 'plan_name must be a string, found 5'],
        ['error PLAN002@3:28 /parallelization_level', 'parallelization_level must be one of "level_1", "level_2", "level_3", found "level_4"'],
        ['error PLAN002@4:19 /created_date', 'created_date must be a date written YYYY-MM-DD, found "2025-02-30"'],
        ['error PLAN002@6:5 /achievements/0', 'achievements[0] must be an object, found 42'],
        [
          'error PLAN002@7:25 /achievements/1/achievement_id',
          'achievement "1-1" (achievements[1]): achievement_id must be an achievement id <priority>.<index> such as "1.2", found "1-1"',
        ],
        ['error PLAN002@7:56 /achievements/1/dependencies/1', 'achievement "1-1" (achievements[1]): dependencies[1] must be a string, found 7'],
        [
          'error PLAN002@7:59 /achievements/1/dependencies/2',
          'achievement "1-1" (achievements[1]): dependencies[2] must be an achievement id <priority>.<index> such as "1.2", found "x"',
        ],
        [
          'error PLAN002@7:79 /achievements/1/started_at',
          'achievement "1-1" (achievements[1]): started_at must be an RFC 3339 date-time with a time zone, found "2025-11-14 10:00"',
        ],
      ]);
      for (const d of diagnostics) expect(d.hint).toMatch(/\S/);
    });

    it('a type error hides the enum error of the same value', () => {
      const text = '{"plan_name": "D", "parallelization_level": 2, "achievements": []}';
      const { diagnostics } = validateParallelJson(text, { file: FILE });
      expect(diagnostics.map(brief)).toEqual(['error PLAN002@1:45 /parallelization_level']);
      expect(diagnostics[0].message).toBe('parallelization_level must be a string, found 2');
    });

    it('negative hours, empty plan_name and a number too large for a double', () => {
      const text = '{"plan_name": "", "parallelization_level": "level_1", "achievements": [{"achievement_id": "1.1", "dependencies": [], "estimated_hours": -1, "actual_hours": 1e400}]}';
      const { diagnostics } = validateParallelJson(text, { file: FILE, strict: true });
      expect(diagnostics.map((d) => d.message)).toEqual([
        'plan_name must not be empty, found ""',
        'achievement 1.1: estimated_hours must not be negative, found -1',
        'achievement 1.1: actual_hours must be a number, found a number too large to represent',
      ]);
    });

    it('a root that is not an object: no data', () => {
      for (const text of ['[]', '"parallel"', '42', 'null']) {
        const result = validateParallelJson(text, { file: FILE });
        expect(result.data).toBeUndefined();
        expect(result.diagnostics.map(brief)).toEqual(['error PLAN002@1:1']);
        expect(result.diagnostics[0].message).toMatch(/^the document must be a JSON object, found /);
      }
    });

    it('achievements that is not an array: errors, no data', () => {
      const result = validateParallelJson('{"plan_name": "D", "parallelization_level": "level_1", "achievements": {}}', { file: FILE });
      expect(result.data).toBeUndefined();
      expect(result.diagnostics.map(brief)).toEqual(['error PLAN002@1:72 /achievements']);
    });

    it('deeply nested values are reported without recursion', () => {
      const depth = 50_000;
      const text = `{"plan_name": "D", "parallelization_level": "level_1", "achievements": [], "notes": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const { diagnostics } = validateParallelJson(text, { file: FILE });
      expect(diagnostics.map(brief)).toEqual(['error PLAN002@1:85 /notes']);
      expect(diagnostics[0].message).toBe('notes must be a string, found an array');
    });
  });

  describe('invalid JSON (PLAN001)', () => {
    it('reports the parser position as line:col, never a stack trace', () => {
      const text = lines('{', '  "plan_name": "DEMO",', '  "achievements": [', '    { "achievement_id": "1.1", },', '  ]', '}');
      const result = validateParallelJson(text, { file: FILE });
      expect(result.data).toBeUndefined();
      expect(result.diagnostics).toEqual([
        {
          code: 'PLAN001',
          severity: 'error',
          message: "invalid JSON: trailing comma before '}'",
          hint: 'remove the comma after the last property',
          file: FILE,
          line: 4,
          column: 30,
        },
      ]);
    });

    it('an empty file', () => {
      expect(validateParallelJson('', { file: FILE }).diagnostics.map((d) => [brief(d), d.message])).toEqual([['error PLAN001@1:1', 'the file is empty']]);
      expect(validateParallelJson(' \n\t', { file: FILE }).diagnostics.map((d) => d.message)).toEqual(['the file holds only white space']);
    });

    it('a byte-order mark: reported, then the rest is validated as usual', () => {
      const result = validateParallelJson('\ufeff' + valid, { file: FILE });
      expect(result.diagnostics.map((d) => [brief(d), d.message])).toEqual([
        ['error PLAN001@1:1', 'the file starts with a byte-order mark (BOM), which JSON does not allow'],
      ]);
      expect(result.data?.plan_name).toBe('DEMO');
    });

    it('a byte-order mark before invalid JSON: both problems, columns counted without the mark', () => {
      const result = validateParallelJson('\ufeff{"a" 1}', { file: FILE });
      expect(result.diagnostics.map(brief)).toEqual(['error PLAN001@1:1', 'error PLAN001@1:6']);
    });
  });

  it('uses the file option verbatim in every diagnostic', () => {
    const file = 'C:\\odd dir\\parallel.json';
    const result = validateParallelJson(mixed, { file, strict: true });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) expect(d.file).toBe(file);
  });

  it('only uses codes of the catalogue, with severities consistent with it', () => {
    const texts = [mixed, valid, '', '{', '[]', '{"plan_name": 1}'];
    for (const text of texts) {
      for (const strict of [false, true]) {
        for (const d of validateParallelJson(text, { file: FILE, strict }).diagnostics) {
          expect(DIAGNOSTIC_CODES[d.code]).toBeDefined();
          if (!strict) expect(d.severity).toBe(DIAGNOSTIC_CODES[d.code].defaultSeverity);
        }
      }
    }
  });
});

describe('locateJsonPointer', () => {
  it('gives the line and column of a value, or of its nearest parent', () => {
    expect(locateJsonPointer(mixed, '/achievements/0/estimated_hours')).toEqual({ line: 5, column: 71 });
    expect(locateJsonPointer(mixed, '/achievements/1/dependencies/0')).toEqual({ line: 6, column: 49 });
    expect(locateJsonPointer(mixed, '/achievements/1/title')).toEqual({ line: 6, column: 5 });
    expect(locateJsonPointer(mixed, '')).toEqual({ line: 1, column: 1 });
  });

  it('never throws', () => {
    expect(locateJsonPointer('{{{', '/a')).toEqual({ line: 1, column: 1 });
    expect(locateJsonPointer('{"a": 1}', '#/a')).toEqual({ line: 1, column: 7 });
  });
});
