/**
 * Corpus conformance: the engine on copies of the real plan folders in
 * `<repo root>/../shared/corpus`. Every expected value below was read off the
 * corpus files by hand (index lines, **Effort** lines, file listings).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkConsistency } from './checks/check-consistency';
import { hasErrors, validatePlan } from './checks/validate-plan';
import { findPlanFolders } from './files/find-plan-folders';
import { loadPlanFolder } from './files/load-plan-folder';
import { inferParallelJson } from './infer/infer-parallel-json';
import { nmOf } from './model/ids';
import type { LoadedPlan } from './model/types';
import { deriveStatus } from './status/derive-status';

const repoRoot = path.resolve(__dirname, '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const PEA = 'PARALLEL-EXECUTION-AUTOMATION';
const LDC = 'LLM-DASHBOARD-CLI';
const present = fs.existsSync(path.join(corpus, PEA)) && fs.existsSync(path.join(corpus, LDC));
const describeCorpus = present ? describe : describe.skip;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-corpus-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function copy(name: string): string {
  const target = path.join(tmp, name);
  fs.cpSync(path.join(corpus, name), target, { recursive: true });
  return target;
}

function statuses(plan: LoadedPlan): Record<string, string> {
  return Object.fromEntries(plan.achievements.map((a) => [a.id, deriveStatus(plan.files.byNm.get(nmOf(a.id)))]));
}

describeCorpus(present ? `corpus ${PEA}` : 'corpus (skipped: ../shared/corpus not found)', () => {
  it('has 9 achievements with the dependency chain of its parallel.json', () => {
    const plan = loadPlanFolder(copy(PEA));
    expect(plan.name).toBe(PEA);
    expect(plan.dependencySource).toBe('parallel.json');
    expect(plan.achievements.map((a) => [a.id, a.dependencies])).toEqual([
      ['1.1', []],
      ['1.2', ['1.1']],
      ['1.3', ['1.2']],
      ['2.1', ['1.3']],
      ['2.2', ['2.1']],
      ['2.3', ['2.2']],
      ['3.1', ['2.3']],
      ['3.2', ['2.3']],
      ['3.3', ['2.3']],
    ]);
    expect(plan.achievements.map((a) => a.estimate)).toEqual([
      { min: 4, max: 6 },
      { min: 2, max: 3 },
      { min: 3, max: 4 },
      { min: 5, max: 7 },
      { min: 5, max: 7 },
      { min: 5, max: 7 },
      { min: 2, max: 3 },
      { min: 3, max: 5 },
      { min: 2, max: 3 },
    ]);
  });

  it('derives 1.1–2.3 complete (APPROVED files) and 3.1–3.3 execution_created', () => {
    const plan = loadPlanFolder(copy(PEA));
    expect(statuses(plan)).toEqual({
      '1.1': 'complete',
      '1.2': 'complete',
      '1.3': 'complete',
      '2.1': 'complete',
      '2.2': 'complete',
      '2.3': 'complete',
      '3.1': 'execution_created',
      '3.2': 'execution_created',
      '3.3': 'execution_created',
    });
    expect(plan.files.unrecognised).toEqual([]);
  });

  it('parses the PLAN: index titles and estimates, detail sections, declared dependencies; only the 9 real achievements', () => {
    const plan = loadPlanFolder(copy(PEA));
    const doc = plan.plan!;
    expect(doc.title).toBe('PLAN: Parallel Execution Automation');
    expect(doc.achievements.map((a) => [a.id, a.title])).toEqual([
      ['1.1', 'Parallel Discovery Prompt Created'],
      ['1.2', 'parallel.json Schema Implemented'],
      ['1.3', 'Validation Script Created'],
      ['2.1', 'generate_prompt.py Enhanced with Parallel Support'],
      ['2.2', 'Batch SUBPLAN Creation Implemented'],
      ['2.3', 'Batch EXECUTION Creation Implemented'],
      ['3.1', 'Interactive Menu Polished'],
      ['3.2', 'Documentation and Examples Created'],
      ['3.3', 'Testing and Validation'],
    ]);
    expect(doc.achievements.map((a) => a.location.line)).toEqual([66, 67, 68, 72, 73, 74, 78, 79, 80]);
    const first = doc.achievements[0];
    expect(first.goal).toBe('Create prompt builder module for analyzing PLANs for parallel opportunities');
    expect(first.deliverables).toHaveLength(5);
    expect(first.successCriteria).toHaveLength(5);
    expect(first.declaredDependencies).toEqual([]);
    // The PLAN text chains 3.1 → 3.2 → 3.3 ("**Dependencies**: 3.1" / "3.2"), unlike parallel.json.
    expect(doc.achievements.map((a) => a.declaredDependencies)).toEqual([[], ['1.1'], ['1.2'], ['1.3'], ['2.1'], ['2.2'], ['2.3'], ['3.1'], ['3.2']]);
    expect(doc.achievements.find((a) => a.id === '1.3')?.tests).toHaveLength(6);
  });

  it('has no errors in tolerant mode and no consistency findings', () => {
    const plan = loadPlanFolder(copy(PEA));
    const diagnostics = validatePlan(plan);
    expect(hasErrors(diagnostics)).toBe(false);
    expect(checkConsistency(plan)).toEqual([]);
  });

  it('has errors in strict mode, located in parallel.json', () => {
    const dir = copy(PEA);
    const plan = loadPlanFolder(dir, { strict: true });
    const errors = validatePlan(plan).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    // Line 10 of parallel.json is `"estimated_hours": "4-6",` of achievement 1.1.
    expect(errors).toContainEqual(expect.objectContaining({ file: path.join(dir, 'parallel.json'), line: 10 }));
  });
});

describeCorpus(present ? `corpus ${LDC}` : 'corpus (skipped: ../shared/corpus not found)', () => {
  const TITLES: [string, string, { min: number; max: number }][] = [
    ['0.1', 'Rich Dashboard Framework Setup', { min: 2, max: 3 }],
    ['0.2', 'Plan Discovery & State Detection', { min: 3, max: 4 }],
    ['0.3', 'Main Dashboard Implementation', { min: 2, max: 3 }],
    ['0.4', 'Library Integration & Production Patterns (NEW - Gap Fix #1)', { min: 3, max: 4 }],
    ['1.1', 'Plan-Specific Dashboard', { min: 3, max: 4 }],
    ['1.2', 'Achievement State Visualization', { min: 3, max: 4 }],
    ['1.3', 'Quick Action Shortcuts', { min: 3, max: 4 }],
    ['2.1', 'Parallel Execution Detection & UI', { min: 4, max: 5 }],
    ['2.2', 'Interactive Workflow Execution', { min: 3, max: 4 }],
    ['2.3', 'Real-Time State Updates', { min: 3, max: 4 }],
    ['3.1', 'Color Themes & Customization', { min: 2, max: 3 }],
    ['3.2', 'Keyboard Shortcuts & Navigation', { min: 3, max: 4 }],
    ['3.3', 'Help System & Documentation', { min: 3, max: 4 }],
  ];

  it('has no parallel.json: PLAN023, dependencies inferred', () => {
    const dir = copy(LDC);
    const plan = loadPlanFolder(dir);
    expect(plan.dependencySource).toBe('inferred');
    expect(plan.parallelFile).toBeUndefined();
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({ code: 'PLAN023', severity: 'info', file: path.join(dir, `PLAN_${LDC}.md`) }),
    ]);
    expect(hasErrors(validatePlan(plan))).toBe(false);
  });

  it('parses exactly the 13 achievements with titles and estimates (prose such as "Achievement 2.5" does not count)', () => {
    const plan = loadPlanFolder(copy(LDC));
    expect(plan.plan!.achievements.map((a) => [a.id, a.title, a.estimate])).toEqual(TITLES);
    expect(plan.achievements.map((a) => [a.id, a.title, a.estimate])).toEqual(TITLES);
    // Counted by hand: the "- " items under each **Deliverables**:.
    expect(plan.plan!.achievements.map((a) => a.deliverables.length)).toEqual([6, 5, 6, 7, 6, 7, 8, 9, 6, 10, 5, 10, 9]);
    const a01 = plan.plan!.achievements[0];
    expect(a01.goal).toBe('Set up Rich library and basic dashboard framework');
    expect(a01.approach).toContain('class BaseDashboard:');
    expect(a01.location.line).toBe(112);
  });

  it('infers priorities in order; prose references to later achievements are dropped', () => {
    const plan = loadPlanFolder(copy(LDC));
    const deps = Object.fromEntries(plan.achievements.map((a) => [a.id, a.dependencies]));
    const p0 = ['0.1', '0.2', '0.3', '0.4'];
    const p1 = ['1.1', '1.2', '1.3'];
    const p2 = ['2.1', '2.2', '2.3'];
    expect(deps).toEqual({
      '0.1': [],
      '0.2': [],
      '0.3': [],
      '0.4': [],
      '1.1': p0,
      '1.2': p0,
      '1.3': p0,
      '2.1': p1,
      '2.2': p1,
      '2.3': p1,
      '3.1': p2,
      '3.2': p2,
      '3.3': p2,
    });
    // 0.4 integrates libraries "from Achievements 3.1-3.3" (of another plan): a reference, never an edge backwards.
    expect(plan.plan!.achievements.find((a) => a.id === '0.4')?.referencedIds).toEqual(['3.1', '3.2', '3.3']);
    const draft = inferParallelJson(plan.plan!, LDC, { createdDate: '2025-11-14' });
    // The draft keeps the PLAN's ranges ("2-3h" → "2-3"), as the tolerant schema allows.
    expect(draft.achievements.map((a) => a.estimated_hours)).toEqual(['2-3', '3-4', '2-3', '3-4', '3-4', '3-4', '3-4', '4-5', '3-4', '3-4', '2-3', '3-4', '3-4']);
  });

  it('derives 1.1/1.2/2.3 failed (FIX files), the APPROVED ones complete, 3.2/3.3 not started', () => {
    const plan = loadPlanFolder(copy(LDC));
    expect(statuses(plan)).toEqual({
      '0.1': 'complete',
      '0.2': 'complete',
      '0.3': 'complete',
      '0.4': 'complete',
      '1.1': 'failed',
      '1.2': 'failed',
      '1.3': 'complete',
      '2.1': 'complete',
      '2.2': 'complete',
      '2.3': 'failed',
      '3.1': 'complete',
      '3.2': 'not_started',
      '3.3': 'not_started',
    });
  });

  it('reports no odd files, as the folder has none (INDEX.md and COMMON_ISSUES_ANALYSIS.md are not life-cycle files)', () => {
    const plan = loadPlanFolder(copy(LDC));
    expect(plan.files.unrecognised).toEqual([]);
    expect(checkConsistency(plan)).toEqual([]);
  });

  it('reports odd files added to a copy of the folder', () => {
    const dir = copy(LDC);
    fs.writeFileSync(path.join(dir, 'execution/feedbacks/FIX_13.md'), 'fix'); // APPROVED_13 exists
    fs.writeFileSync(path.join(dir, `execution/EXECUTION_TASK_${LDC}_11_02.md`), 'retry');
    fs.rmSync(path.join(dir, `execution/EXECUTION_TASK_${LDC}_31_01.md`));
    fs.writeFileSync(path.join(dir, `subplans/SUBPLAN_${LDC}_25.md`), 'from another plan');
    fs.writeFileSync(path.join(dir, `subplans/SUBPLAN_${LDC}_2.5.md`), 'bad name');
    const plan = loadPlanFolder(dir);
    expect(checkConsistency(plan).map((d) => [d.code, path.relative(dir, d.file)])).toEqual([
      ['PLAN032', `execution/EXECUTION_TASK_${LDC}_11_02.md`],
      ['PLAN034', 'execution/feedbacks/FIX_13.md'],
      ['PLAN031', `subplans/SUBPLAN_${LDC}_25.md`],
      ['PLAN030', 'execution/feedbacks/APPROVED_31.md'],
    ]);
    expect(plan.files.unrecognised).toEqual([`subplans/SUBPLAN_${LDC}_2.5.md`]);
    expect(statuses(plan)['1.3']).toBe('complete');
  });
});

describeCorpus(present ? 'corpus folder discovery' : 'corpus folder discovery (skipped: ../shared/corpus not found)', () => {
  it('finds both corpus plan folders', () => {
    copy(PEA);
    copy(LDC);
    expect(findPlanFolders(tmp)).toEqual([path.join(tmp, LDC), path.join(tmp, PEA)]);
  });
});
