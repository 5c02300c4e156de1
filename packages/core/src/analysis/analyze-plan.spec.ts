import { planOf, type FixtureAchievement, type FixtureFiles } from '../testing/graph-fixtures';
import { analyzePlan } from './analyze-plan';

// The dependency tree of the corpus plan PARALLEL-EXECUTION-AUTOMATION (a chain
// 1.1 … 2.3, then 3.1, 3.2 and 3.3 each depending on 2.3).
const NAME = 'PARALLEL-EXECUTION-AUTOMATION';
const TREE: FixtureAchievement[] = [
  { id: '1.1', hours: { min: 4, max: 6 } },
  { id: '1.2', deps: ['1.1'], hours: { min: 2, max: 3 } },
  { id: '1.3', deps: ['1.2'], hours: { min: 3, max: 4 } },
  { id: '2.1', deps: ['1.3'], hours: { min: 5, max: 7 } },
  { id: '2.2', deps: ['2.1'], hours: { min: 5, max: 7 } },
  { id: '2.3', deps: ['2.2'], hours: { min: 5, max: 7 } },
  { id: '3.1', deps: ['2.3'], hours: { min: 2, max: 3 } },
  { id: '3.2', deps: ['2.3'], hours: { min: 3, max: 5 } },
  { id: '3.3', deps: ['2.3'], hours: { min: 2, max: 3 } },
];
const FIRST_SIX_APPROVED: FixtureFiles = Object.fromEntries(
  ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3'].map((id) => [id, { subplan: true, executions: 1, approved: true }]),
);
const analyze = (files: FixtureFiles = {}, tree = TREE, name = NAME) => analyzePlan(planOf(tree, { name, files }), { diagnostics: [] });

describe('analyzePlan on the corpus dependency tree', () => {
  it('levels, waves, critical path and time savings of a fresh plan', () => {
    const a = analyze();
    expect(a.achievements.map((x) => [x.id, x.level, x.status, x.ready])).toEqual([
      ['1.1', 0, 'not_started', true],
      ['1.2', 1, 'not_started', false],
      ['1.3', 2, 'not_started', false],
      ['2.1', 3, 'not_started', false],
      ['2.2', 4, 'not_started', false],
      ['2.3', 5, 'not_started', false],
      ['3.1', 6, 'not_started', false],
      ['3.2', 6, 'not_started', false],
      ['3.3', 6, 'not_started', false],
    ]);
    expect(a.waves).toEqual([['1.1'], ['1.2'], ['1.3'], ['2.1'], ['2.2'], ['2.3'], ['3.1', '3.2', '3.3']]);
    // 3.2 (3-5h) is the longest of the three last achievements.
    expect(a.criticalPath).toEqual({ ids: ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.2'], hours: { min: 27, max: 39 } });
    // Sequential: 4+2+3+5+5+5+2+3+2 = 31 … 6+3+4+7+7+7+3+5+3 = 45; saves 4-6h = 12.9% … 13.3%.
    expect(a.timeSavings).toEqual({
      sequential: { min: 31, max: 45 },
      parallel: { min: 27, max: 39 },
      saved: { min: 4, max: 6 },
      percent: { min: 12.9, max: 13.3 },
      unestimated: [],
    });
    expect(a.nextAvailable).toEqual(['1.1']);
    expect(a.parallelOpportunities).toEqual([]);
    expect(a.recommendedAction).toEqual({
      kind: 'create-subplans',
      message: 'Create SUBPLANs for 1 ready achievement: 1.1',
      command: `npx nx g @nx-plan/plan:batch-subplan --plan=${NAME}`,
      ids: ['1.1'],
    });
  });

  it('once priorities 1 and 2 are approved, the three priority-3 achievements are ready together', () => {
    const a = analyze(FIRST_SIX_APPROVED);
    expect(a.achievements.filter((x) => x.status === 'complete').map((x) => x.id)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3']);
    expect(a.nextAvailable).toEqual(['3.1', '3.2', '3.3']);
    expect(a.parallelOpportunities).toEqual([{ level: 6, ids: ['3.1', '3.2', '3.3'] }]);
    expect(a.achievements.find((x) => x.id === '2.3')?.attempts).toBe(1);
    // The critical path covers the whole plan, finished work included.
    expect(a.criticalPath.hours).toEqual({ min: 27, max: 39 });
  });

  it('recommends EXECUTION tasks when every ready achievement has a SUBPLAN', () => {
    const a = analyze({ ...FIRST_SIX_APPROVED, '3.1': { subplan: true }, '3.2': { subplan: true }, '3.3': { subplan: true } });
    expect(a.recommendedAction).toMatchObject({ kind: 'create-executions', command: `npx nx g @nx-plan/plan:batch-execution --plan=${NAME}`, ids: ['3.1', '3.2', '3.3'] });
  });

  it('recommends SUBPLANs first while some ready achievement still lacks one', () => {
    const a = analyze({ ...FIRST_SIX_APPROVED, '3.1': { subplan: true } });
    expect(a.recommendedAction).toMatchObject({ kind: 'create-subplans', ids: ['3.2', '3.3'] });
    expect(a.nextAvailable).toEqual(['3.1', '3.2', '3.3']);
  });

  it('recommends executing with Nx once EXECUTION tasks exist, using the default project name', () => {
    const files: FixtureFiles = { ...FIRST_SIX_APPROVED };
    for (const id of ['3.1', '3.2', '3.3']) files[id] = { subplan: true, executions: 1 };
    expect(analyze(files).recommendedAction).toEqual({
      kind: 'execute',
      message: 'Execute 3 ready achievements: 3.1, 3.2, 3.3',
      command: 'npx nx run plan-parallel-execution-automation:execute --parallel=3',
      ids: ['3.1', '3.2', '3.3'],
    });
    const custom = analyzePlan(planOf(TREE, { name: NAME, files }), { diagnostics: [], projectName: 'automation' });
    expect(custom.recommendedAction.command).toBe('npx nx run automation:execute --parallel=3');
  });

  it('recommends retrying failed achievements and leaves them out of next available', () => {
    const a = analyze({ ...FIRST_SIX_APPROVED, '3.2': { subplan: true, executions: 1, fix: true } });
    expect(a.achievements.find((x) => x.id === '3.2')?.status).toBe('failed');
    expect(a.nextAvailable).toEqual(['3.1', '3.3']);
    expect(a.recommendedAction).toEqual({
      kind: 'retry-failed',
      message: 'Retry 1 failed achievement (review asked for fixes): 3.2',
      command: `npx nx g @nx-plan/plan:batch-execution --plan=${NAME} --achievements=3.2`,
      ids: ['3.2'],
    });
  });

  it('retries only failed achievements whose dependencies are done', () => {
    // 2.3 failed earlier but now depends on a failed 2.2; 2.2 is retried first.
    const files: FixtureFiles = { ...FIRST_SIX_APPROVED, '2.2': { subplan: true, executions: 1, fix: true }, '2.3': { subplan: true, executions: 1, fix: true } };
    const a = analyze(files);
    expect(a.recommendedAction).toMatchObject({ kind: 'retry-failed', ids: ['2.2'], command: `npx nx g @nx-plan/plan:batch-execution --plan=${NAME} --achievements=2.2` });
  });

  it('waits while the only unfinished work is in progress', () => {
    const files: FixtureFiles = { ...FIRST_SIX_APPROVED, '3.2': { approved: true }, '3.3': { skipped: true }, '3.1': { subplan: true, executions: 1, inProgress: true } };
    const a = analyze(files);
    expect(a.nextAvailable).toEqual([]);
    expect(a.recommendedAction).toMatchObject({ kind: 'wait', ids: ['3.1'] });
  });

  it('is done when everything is complete or skipped', () => {
    const files: FixtureFiles = { ...FIRST_SIX_APPROVED, '3.1': { approved: true }, '3.2': { approved: true }, '3.3': { skipped: true } };
    const a = analyze(files);
    expect(a.recommendedAction).toEqual({ kind: 'done', message: `All 9 achievements of plan ${NAME} are complete or skipped`, ids: [] });
    expect(a.nextAvailable).toEqual([]);
  });

  it('asks to fix errors first, whatever else is ready', () => {
    const a = analyzePlan(planOf([{ id: '1.1', deps: ['9.9'] }], { name: 'Demo' }));
    expect(a.diagnostics.map((d) => d.code)).toContain('PLAN004');
    expect(a.recommendedAction).toEqual({
      kind: 'fix-errors',
      message: 'Fix the 1 error in plan Demo first; nothing is scheduled until it validates',
      command: 'npx nx run plan-demo:validate',
      ids: [],
    });
  });
});

describe('analyzePlan details', () => {
  it('keeps cycle members and their dependents out of the waves with level -1', () => {
    const a = analyze({}, [{ id: '1.1' }, { id: '2.1', deps: ['1.1', '2.2'] }, { id: '2.2', deps: ['2.1'] }, { id: '3.1', deps: ['2.2'] }, { id: '3.2', deps: ['1.1'] }]);
    expect(a.waves).toEqual([['1.1'], ['3.2']]);
    expect(a.achievements.filter((x) => x.level === -1).map((x) => x.id)).toEqual(['2.1', '2.2', '3.1']);
    // Every estimate is 0h, so the longer of the acyclic paths wins.
    expect(a.criticalPath.ids).toEqual(['1.1', '3.2']);
  });

  it('orders next available by level, then priority, then index numerically', () => {
    const a = analyze({ '1.1': { approved: true } }, [{ id: '2.10' }, { id: '1.1' }, { id: '2.9' }, { id: '1.10', deps: ['1.1'] }, { id: '1.2' }]);
    expect(a.nextAvailable).toEqual(['1.2', '2.9', '2.10', '1.10']);
    expect(a.parallelOpportunities).toEqual([{ level: 0, ids: ['1.2', '2.9', '2.10'] }]);
  });

  it('counts achievements without estimate as 0 hours, lists them, and breaks critical-path ties by id', () => {
    const a = analyze({}, [{ id: '1.1', hours: { min: 1, max: 2 } }, { id: '1.2', hours: { min: 1, max: 2 } }, { id: '2.1', deps: ['1.2', '1.1'] }]);
    expect(a.timeSavings.unestimated).toEqual(['2.1']);
    expect(a.criticalPath).toEqual({ ids: ['1.1', '2.1'], hours: { min: 1, max: 2 } });
    expect(a.timeSavings.sequential).toEqual({ min: 2, max: 4 });
    expect(a.timeSavings.percent).toEqual({ min: 50, max: 50 });
  });

  it('chooses the critical path by maximum hours and reports both sums', () => {
    // 1.1 (1-10h) beats 1.2 (5-6h) on the maximum even though its minimum is lower.
    const a = analyze({}, [{ id: '1.1', hours: { min: 1, max: 10 } }, { id: '1.2', hours: { min: 5, max: 6 } }, { id: '2.1', deps: ['1.1', '1.2'], hours: { min: 1, max: 1 } }]);
    expect(a.criticalPath).toEqual({ ids: ['1.1', '2.1'], hours: { min: 2, max: 11 } });
  });

  it('handles a plan without achievements', () => {
    const a = analyze({}, []);
    expect(a.waves).toEqual([]);
    expect(a.criticalPath).toEqual({ ids: [], hours: { min: 0, max: 0 } });
    expect(a.timeSavings.percent).toEqual({ min: 0, max: 0 });
    expect(a.recommendedAction.kind).toBe('done');
  });

  it('analyses a 100,000-achievement chain', () => {
    const n = 100_000;
    const tree: FixtureAchievement[] = new Array(n);
    for (let i = 0; i < n; i++) tree[i] = { id: `1.${i + 1}`, deps: i === 0 ? [] : [`1.${i}`], hours: { min: 1, max: 2 } };
    const a = analyze({}, tree, 'CHAIN');
    expect(a.achievements[n - 1].level).toBe(n - 1);
    expect(a.criticalPath.ids.length).toBe(n);
    expect(a.criticalPath.hours).toEqual({ min: n, max: 2 * n });
    expect(a.nextAvailable).toEqual(['1.1']);
  });
});
