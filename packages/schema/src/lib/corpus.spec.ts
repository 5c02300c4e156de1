import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validateParallelJson } from './validate-parallel-json';

const repoRoot = path.resolve(__dirname, '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const describeCorpus = existsSync(corpus) ? describe : describe.skip;
const title = existsSync(corpus) ? 'corpus parallel.json' : 'corpus parallel.json (skipped: ../shared/corpus not found)';

describeCorpus(title, () => {
  let dir: string;
  let text: string;
  const file = 'PARALLEL-EXECUTION-AUTOMATION/parallel.json';

  beforeAll(() => {
    // Work on a copy, as a plan folder in a workspace would hold it.
    dir = mkdtempSync(path.join(tmpdir(), 'nx-plan-schema-corpus-'));
    const copy = path.join(dir, 'parallel.json');
    copyFileSync(path.join(corpus, file), copy);
    text = readFileSync(copy, 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The file has 9 achievements of 7 lines each from line 6; in each, "priority"
  // is the 4th line (9, 16, …, 65) at column 7, "estimated_hours" the 5th, its
  // value at column 26. "priority_groups" is on line 70, "analysis_notes" on 84.
  const priorityLines = [9, 16, 23, 30, 37, 44, 51, 58, 65];

  it('is valid in tolerant mode: range strings accepted, unknown fields kept and warned about', () => {
    const result = validateParallelJson(text, { file });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      ...priorityLines.map((line) => `PLAN011@${line}:7`),
      'PLAN011@70:3',
      'PLAN011@84:3',
    ]);
    expect(result.diagnostics.every((d) => d.severity === 'warning' && d.file === file)).toBe(true);
    expect(result.data?.plan_name).toBe('PARALLEL-EXECUTION-AUTOMATION');
    expect(result.data?.achievements).toHaveLength(9);
    expect(result.data?.achievements[0].estimated_hours).toBe('4-6');
    expect(result.data?.achievements[0]['priority']).toBe(1);
    expect(result.data?.['priority_groups']).toHaveLength(3);
    expect(result.data?.['analysis_notes']).toMatch(/^Level 2 Parallelization/);
  });

  it('fails strict mode: every "a-b" string and every extra field is an error', () => {
    const result = validateParallelJson(text, { file, strict: true });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const hours = errors.filter((d) => d.code === 'PLAN002');
    expect(hours.map((d) => `${d.line}:${d.column} ${d.pointer}`)).toEqual(
      priorityLines.map((line, i) => `${line + 1}:26 /achievements/${i}/estimated_hours`),
    );
    expect(hours[0].message).toBe('achievement 1.1: estimated_hours must be a number, found "4-6"');
    const unknown = errors.filter((d) => d.code === 'PLAN011');
    expect(unknown.map((d) => d.pointer)).toEqual([
      ...priorityLines.map((_, i) => `/achievements/${i}/priority`),
      '/priority_groups',
      '/analysis_notes',
    ]);
    expect(errors).toHaveLength(hours.length + unknown.length);
    expect(result.data).toBeDefined();
  });
});
