/**
 * Conflict foresight on copies of the real plans of `../shared/corpus`
 * (skipped without it): the numbers docs/status-lifecycle.md reports.
 * "As if nothing were done yet" removes the APPROVED and SKIPPED files of the
 * copy, so every SUBPLAN is read.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validatePlan } from '../checks/validate-plan';
import { loadPlanFolder } from '../files/load-plan-folder';
import { analyzePlan } from '../analysis/analyze-plan';
import { namedPathsById } from './plan-file-overlaps';

const corpus = path.resolve(__dirname, '../../../..', '../shared/corpus');
const PEA = 'PARALLEL-EXECUTION-AUTOMATION';
const LDC = 'LLM-DASHBOARD-CLI';
const present = fs.existsSync(path.join(corpus, PEA)) && fs.existsSync(path.join(corpus, LDC));
const describeCorpus = present ? describe : describe.skip;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-overlaps-corpus-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function copy(name: string, { undone = false } = {}): string {
  const target = path.join(tmp, name);
  fs.cpSync(path.join(corpus, name), target, { recursive: true });
  if (undone) {
    for (const file of fs.readdirSync(target, { recursive: true }) as string[]) {
      if (/(^|[\\/])(APPROVED|SKIPPED)_\d+\.md$/.test(file)) fs.rmSync(path.join(target, file));
    }
  }
  return target;
}

function mentions(dir: string): { naming: number; files: number } {
  const byId = namedPathsById(loadPlanFolder(dir));
  let files = 0;
  for (const paths of byId.values()) files += paths.length;
  return { naming: byId.size, files };
}

describeCorpus('conflict foresight on the corpus', () => {
  it('reports nothing open today: both plans are mostly finished', () => {
    for (const name of [LDC, PEA]) {
      const plan = loadPlanFolder(copy(name));
      const diagnostics = validatePlan(plan);
      expect([name, diagnostics.filter((d) => d.code === 'PLAN036')]).toEqual([name, []]);
      expect([name, analyzePlan(plan, { diagnostics }).fileOverlaps]).toEqual([name, []]);
    }
  });

  it('counts the files each plan names (PLAN text and open SUBPLANs)', () => {
    expect(mentions(copy(LDC))).toEqual({ naming: 12, files: 51 });
    expect(mentions(copy(PEA))).toEqual({ naming: 9, files: 35 });
  });

  it('finds six same-level pairs in LLM-DASHBOARD-CLI as if nothing were done yet, none in PARALLEL-EXECUTION-AUTOMATION', () => {
    const ldc = analyzePlan(loadPlanFolder(copy(LDC, { undone: true })));
    expect(ldc.fileOverlaps).toEqual([
      { level: 0, ids: ['0.1', '0.2'], paths: ['LLM/dashboard/utils.py'] },
      { level: 0, ids: ['0.1', '0.3'], paths: ['LLM/main.py'] },
      { level: 0, ids: ['0.1', '0.4'], paths: ['LLM/docs/ERROR_HANDLING_PATTERNS.md', 'LLM/scripts/generation/LIBRARY_INTEGRATION_GUIDE.md'] },
      { level: 1, ids: ['1.2', '1.3'], paths: ['plan_dashboard.py'] },
      { level: 2, ids: ['2.1', '2.2'], paths: ['LLM/scripts/generation/generate_prompt.py'] },
      { level: 2, ids: ['2.2', '2.3'], paths: ['LLM/dashboard/base_dashboard.py', 'LLM/dashboard/plan_dashboard.py', 'LLM/guides/SUBPLAN-WORKFLOW-GUIDE.md'] },
    ]);
    expect(analyzePlan(loadPlanFolder(copy(PEA, { undone: true }))).fileOverlaps).toEqual([]);
  });
});
