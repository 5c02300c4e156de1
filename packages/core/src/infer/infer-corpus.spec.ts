/**
 * The draft of the corpus's PARALLEL-EXECUTION-AUTOMATION PLAN (skipped when
 * `<repo root>/../shared/corpus` is absent). Its achievements state their
 * dependencies in `- **Dependencies**:` lines (read by hand: 1.1 None, 1.2 1.1,
 * 1.3 1.2, 2.1 1.3, 2.2 2.1, 2.3 2.2, 3.1 2.3, 3.2 3.1, 3.3 3.2) and estimates
 * as `⏱️ 4-6 hours` ranges; the draft must keep both as written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlanMarkdown } from '../markdown/parse-plan-markdown';
import { inferDependencyTree } from './infer-parallel-json';

const PEA = 'PARALLEL-EXECUTION-AUTOMATION';
const planFile = path.resolve(__dirname, '../../../..', '../shared/corpus', PEA, `PLAN_${PEA}.md`);
const describeCorpus = fs.existsSync(planFile) ? describe : describe.skip;

describeCorpus(`discover draft of the corpus ${PEA} PLAN`, () => {
  it('keeps every stated dependency and every estimate range, and marks all nine as stated', () => {
    const plan = parsePlanMarkdown(fs.readFileSync(planFile, 'utf8'), planFile);
    const { tree, origins } = inferDependencyTree(plan, PEA, { createdDate: '2025-11-14' });
    expect(tree.achievements.map((a) => [a.achievement_id, a.dependencies, a.estimated_hours])).toEqual([
      ['1.1', [], '4-6'],
      ['1.2', ['1.1'], '2-3'],
      ['1.3', ['1.2'], '3-4'],
      ['2.1', ['1.3'], '5-7'],
      ['2.2', ['2.1'], '5-7'],
      ['2.3', ['2.2'], '5-7'],
      ['3.1', ['2.3'], '2-3'],
      ['3.2', ['3.1'], '3-5'],
      ['3.3', ['3.2'], '2-3'],
    ]);
    expect(origins.every((o) => o.source === 'stated')).toBe(true);
    expect(tree.notes).not.toContain('Inferred');
  });
});
