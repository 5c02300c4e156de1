/**
 * SPEC §7 for the executors: a plan folder that cannot be read, a parallel.json
 * that is a directory, a PLAN without achievements. Every executor (validate,
 * status, graph, run-achievement) answers with a clear, located message and a
 * non-zero exit, never an exception.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { loadPlanFromSource, validatePlan, type PlanSource } from '@nx-plan/core';
import { graphExecutor } from '../executors/graph/graph';
import { reportUnreadablePlans } from '../executors/lib/unreadable-plans';
import { runAchievementExecutor } from '../executors/run-achievement/run-achievement';
import { statusExecutor } from '../executors/status/status';
import { validateExecutor } from '../executors/validate/validate';
import { captureOutput, withEnv, type CapturedOutput } from '../testing/capture-output';
import { executorContext } from '../testing/executor-context';
import { createTempWorkspace, type TempWorkspace } from '../testing/temp-workspace';

const PLAN = `# PLAN: P

- Achievement 1.1: One
- Achievement 1.2: Two
`;
const PARALLEL = JSON.stringify({
  plan_name: 'P',
  parallelization_level: 'level_2',
  achievements: [
    { achievement_id: '1.1', title: 'One', dependencies: [] },
    { achievement_id: '1.2', title: 'Two', dependencies: ['1.1'] },
  ],
});

type Executor = (options: Record<string, unknown>, context: ReturnType<typeof executorContext>) => Promise<{ success: boolean }>;

const EXECUTORS: [name: string, run: Executor][] = [
  ['validate', (o, c) => validateExecutor(o, c)],
  ['status', (o, c) => statusExecutor(o, c)],
  ['graph', (o, c) => graphExecutor(o, c)],
  ['run-achievement', (o, c) => runAchievementExecutor({ achievement: '1.1', agentCommand: 'true', ...o } as never, c)],
];

describe('executors on plan folders that cannot be read as plans', () => {
  let ws: TempWorkspace;
  let out: CapturedOutput;
  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-unreadable-');
    out = captureOutput();
  });
  afterEach(() => {
    out.restore();
    ws.cleanup();
  });

  const everything = () => `${out.stdout()}\n${out.errors.join('\n')}`;
  const run = (executor: Executor) =>
    withEnv({ NO_COLOR: '1', FORCE_COLOR: undefined }, () => executor({ plan: 'plans/P' }, executorContext(ws.root)));

  describe.each(EXECUTORS)('%s', (_name, executor) => {
    it('parallel.json that is a directory: PLAN021 located at it, non-zero', async () => {
      ws.write({ 'plans/P/PLAN_P.md': PLAN });
      mkdirSync(ws.path('plans/P/parallel.json'));
      await expect(run(executor)).resolves.toEqual({ success: false });
      expect(everything()).toMatch(/plans\/P\/parallel\.json:1:1\s+error\s+PLAN021\s+parallel\.json is a directory/);
    });

    it('a PLAN with no achievements: PLAN022, non-zero', async () => {
      ws.write({ 'plans/P/PLAN_P.md': '# PLAN: P\n\nNothing is listed yet.\n' });
      await expect(run(executor)).resolves.toEqual({ success: false });
      expect(everything()).toMatch(/plans\/P\/PLAN_P\.md:1:1\s+error\s+PLAN022\s/);
    });

    it('a folder without a PLAN file: PLAN020, non-zero', async () => {
      ws.write({ 'plans/P/parallel.json': PARALLEL });
      await expect(run(executor)).resolves.toEqual({ success: false });
      expect(everything()).toMatch(/error\s+PLAN020\s/);
    });
  });
});

/** As root (CI containers), chmod 000 does not stop reads, so the permission test cannot run. */
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const describeUnlessRoot = runningAsRoot || process.platform === 'win32' ? describe.skip : describe;

describeUnlessRoot(
  runningAsRoot ? 'chmod 000 plan folder (skipped: running as root, where chmod 000 does not block reads)' : 'chmod 000 plan folder',
  () => {
    let ws: TempWorkspace;
    let out: CapturedOutput;
    beforeEach(() => {
      ws = createTempWorkspace('nx-plan-chmod-');
      ws.write({ 'plans/P/PLAN_P.md': PLAN, 'plans/P/parallel.json': PARALLEL });
      chmodSync(ws.path('plans/P'), 0o000);
      out = captureOutput();
    });
    afterEach(() => {
      out.restore();
      chmodSync(ws.path('plans/P'), 0o755);
      ws.cleanup();
    });

    it.each(EXECUTORS)('%s fails with PLAN021 and no exception', async (_name, executor) => {
      const result = await withEnv({ NO_COLOR: '1', FORCE_COLOR: undefined }, () =>
        executor({ plan: 'plans/P' }, executorContext(ws.root)),
      );
      expect(result).toEqual({ success: false });
      expect(`${out.stdout()}\n${out.errors.join('\n')}`).toMatch(/PLAN021|permission|EACCES/);
    });
  },
);

describe('unreadable files through a PlanSource that throws EACCES (runs as root too)', () => {
  function eacces(path: string): Error {
    return Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  }

  const files: Record<string, string> = { 'PLAN_P.md': PLAN, 'parallel.json': PARALLEL };
  const source = (deny: (path: string) => boolean, denyList = false): PlanSource => ({
    dir: '/work/plans/P',
    list() {
      if (denyList) throw eacces('/work/plans/P');
      return Object.keys(files).sort();
    },
    read(path) {
      if (deny(path)) throw eacces(path);
      return files[path];
    },
    isDirectory: () => false,
  });

  it.each([
    ['parallel.json', (p: string) => p === 'parallel.json', false],
    ['the PLAN', (p: string) => p === 'PLAN_P.md', false],
    ['every file', () => true, false],
    ['the folder listing', () => false, true],
  ] as const)('%s unreadable: a PLAN021 error diagnostic, no exception, and status/graph would exit non-zero', (_what, deny, denyList) => {
    const loaded = loadPlanFromSource(source(deny, denyList));
    const diagnostics = validatePlan(loaded);
    const unreadable = diagnostics.filter((d) => d.code === 'PLAN021');
    expect(unreadable.length).toBeGreaterThan(0);
    for (const d of unreadable) {
      expect(d.severity).toBe('error');
      expect(d.file.startsWith('/work/plans/P')).toBe(true);
      expect(d.message.length).toBeGreaterThan(0);
    }
    const out = captureOutput();
    try {
      expect(reportUnreadablePlans([{ name: loaded.name, diagnostics }])).toBe(true);
      expect(out.errors.join('\n')).toMatch(/could not be read:\n\S+:1:1\s+error\s+PLAN021\s/);
    } finally {
      out.restore();
    }
  });

  it('the same source with nothing denied loads without errors (the failures above come from EACCES)', () => {
    const loaded = loadPlanFromSource(source(() => false));
    expect(validatePlan(loaded).filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.achievements.map((a) => a.id)).toEqual(['1.1', '1.2']);
  });
});
