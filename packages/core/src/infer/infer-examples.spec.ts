/**
 * Drafts of the repository's example plans (README style: an index list, then
 * `### Achievement x.y` sections with `- **Field**:` lines). Expected values
 * read by hand from the PLAN files.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParallelJson } from '@nx-plan/schema';
import { parsePlanMarkdown } from '../markdown/parse-plan-markdown';
import { inferDependencyTree } from './infer-parallel-json';

const EXAMPLES = path.resolve(__dirname, '../../../..', 'examples/plans');

function draftOf(name: string) {
  const file = path.join(EXAMPLES, name, `PLAN_${name}.md`);
  return inferDependencyTree(parsePlanMarkdown(readFileSync(file, 'utf8'), file), name, { createdDate: '2026-01-01' });
}

describe('discover drafts of the example plans', () => {
  it('RELEASE-PIPELINE states every dependency (None included): the draft equals its hand-written parallel.json', () => {
    const { tree, origins } = draftOf('RELEASE-PIPELINE');
    const written = JSON.parse(readFileSync(path.join(EXAMPLES, 'RELEASE-PIPELINE', 'parallel.json'), 'utf8')) as ParallelJson;
    expect(tree.achievements.map((a) => [a.achievement_id, a.dependencies])).toEqual(written.achievements.map((a) => [a.achievement_id, a.dependencies]));
    expect(origins.every((o) => o.source === 'stated')).toBe(true);
    // "2-3h" in the PLAN stays a range.
    expect(tree.achievements.map((a) => a.estimated_hours)).toEqual(['2-3', '3-4', '3-5', '4-6', '2-3', '2-4', '3-4', '2-3']);
  });

  it('DOCS-SITE: 2.1, 2.2 and 3.1 keep their **Dependencies** lines; 1.1 and 1.2 state nothing and are inferred (first priority: none)', () => {
    const { tree, origins } = draftOf('DOCS-SITE');
    expect(tree.achievements.map((a) => [a.achievement_id, a.dependencies])).toEqual([
      ['1.1', []],
      ['1.2', []],
      ['2.1', ['1.1']],
      ['2.2', ['1.1']],
      ['3.1', ['1.2', '2.1', '2.2']],
    ]);
    expect(origins.map((o) => `${o.id} ${o.source}`)).toEqual(['1.1 inferred', '1.2 inferred', '2.1 stated', '2.2 stated', '3.1 stated']);
    expect(tree.notes).toContain('Stated in the PLAN (kept as written): 2.1 ← 1.1; 2.2 ← 1.1; 3.1 ← 1.2, 2.1, 2.2.');
  });
});
