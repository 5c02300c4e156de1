/**
 * SPEC §7 for the batch generators on a real folder, run as `nx g` runs them
 * (an FsTree over the disk, flushed only when the generator returns): a batch
 * that is refused leaves the disk exactly as it was (no partial batch, no lock
 * file left behind), and path traversal through plan_name, achievement ids or
 * --plan is refused without writing anything, inside or outside the plan.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { batchExecutionGenerator } from '../generators/batch-execution/batch-execution';
import { batchSubplanGenerator } from '../generators/batch-subplan/batch-subplan';
import { validateExecutor } from '../executors/validate/validate';
import { captureOutput, withEnv, type CapturedOutput } from '../testing/capture-output';
import { executorContext } from '../testing/executor-context';
import { diskSnapshot } from './testing/disk-snapshot';

type Generator = typeof batchSubplanGenerator | typeof batchExecutionGenerator;

const PLAN_MD = `# PLAN: P

## Achievement Index

**Achievement 1.1**: Parser (1-2h)
**Achievement 1.2**: Checker (1-2h)
**Achievement 2.1**: Report (2-3h)
`;

function parallel(overrides: { plan_name?: string; achievements?: unknown[] } = {}): string {
  return JSON.stringify(
    {
      plan_name: overrides.plan_name ?? 'P',
      parallelization_level: 'level_2',
      achievements: overrides.achievements ?? [
        { achievement_id: '1.1', title: 'Parser', dependencies: [] },
        { achievement_id: '1.2', title: 'Checker', dependencies: [] },
        { achievement_id: '2.1', title: 'Report', dependencies: ['1.1', '1.2'] },
      ],
    },
    null,
    2,
  );
}

describe('batch generators on disk: refusals write nothing', () => {
  let root: string;
  let out: CapturedOutput;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-gen-safety-'));
    write('plans/P/PLAN_P.md', PLAN_MD);
    write('plans/P/parallel.json', parallel());
    write('plans/P/subplans/SUBPLAN_P_11.md', '# SUBPLAN 1.1\n');
    out = captureOutput();
  });
  afterEach(() => {
    out.restore();
    rmSync(root, { recursive: true, force: true });
  });

  function write(relative: string, content: string): void {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), content);
  }

  /** Run like `nx g`: flush only if the generator returns; report the refusal message. */
  async function generate(generator: Generator, options: Record<string, unknown>): Promise<{ refusal?: string; pending: number }> {
    const tree = new FsTree(root, false);
    try {
      const callback = await generator(tree, { yes: true, skipFormat: true, ...options } as never, { dryRun: false, lock: { pollMs: 20 } });
      flushChanges(root, tree.listChanges());
      if (callback) await callback();
      return { pending: 0 };
    } catch (error) {
      return { refusal: (error as Error).message, pending: tree.listChanges().length };
    }
  }

  async function expectRefusedUnchanged(generator: Generator, options: Record<string, unknown>, message: RegExp): Promise<void> {
    const before = diskSnapshot(root);
    const result = await generate(generator, options);
    expect(result.refusal).toMatch(message);
    expect(diskSnapshot(root)).toEqual(before);
  }

  it('batch-execution refuses the whole batch when one achievement has no SUBPLAN (1.1 alone would have been created)', async () => {
    await expectRefusedUnchanged(batchExecutionGenerator, { plan: 'P', achievements: '1.1,1.2' }, /1\.2 has no SUBPLAN; create it first with npx nx g @nx-plan\/plan:batch-subplan --plan=P --achievements=1\.2 \(or add --createSubplans\); nothing was written/);
    // The same generator for 1.1 alone does write: the refusal above was about 1.2.
    await generate(batchExecutionGenerator, { plan: 'P', achievements: '1.1' });
    expect(Object.keys(diskSnapshot(root))).toContain('plans/P/execution/EXECUTION_TASK_P_11_01.md');
  });

  it('batch-subplan refuses a batch naming an unknown id', async () => {
    await expectRefusedUnchanged(batchSubplanGenerator, { plan: 'P', achievements: '1.2,9.9' }, /unknown achievement id 9\.9 .*nothing was written/);
  });

  it('batch-subplan refuses when the plan has validation errors', async () => {
    write(
      'plans/P/parallel.json',
      parallel({
        achievements: [
          { achievement_id: '1.1', title: 'Parser', dependencies: ['2.1'] },
          { achievement_id: '1.2', title: 'Checker', dependencies: [] },
          { achievement_id: '2.1', title: 'Report', dependencies: ['1.1'] },
        ],
      }),
    );
    await expectRefusedUnchanged(batchSubplanGenerator, { plan: 'P', all: true }, /refused: plan P \(plans\/P\) has \d+ errors?, listed above; nothing was written/);
  });

  it('batch-subplan refuses the batch when one target path is a directory', async () => {
    mkdirSync(join(root, 'plans/P/subplans/SUBPLAN_P_12.md'));
    await expectRefusedUnchanged(batchSubplanGenerator, { plan: 'P', all: true }, /SUBPLAN_P_12\.md: a folder has this name; move it away; nothing was written/);
  });

  describe('path traversal', () => {
    it('plan_name "../../x": validate reports PLAN010, batch-subplan writes nothing, in the plan or at ../../x', async () => {
      write('plans/P/parallel.json', parallel({ plan_name: '../../x' }));
      const result = await withEnv({ NO_COLOR: '1' }, () => validateExecutor({ plan: 'plans/P' }, executorContext(root)));
      expect(result).toEqual({ success: false });
      expect(out.stdout()).toMatch(/plans\/P\/parallel\.json:\d+:\d+\s+error\s+PLAN010\s/);
      await expectRefusedUnchanged(batchSubplanGenerator, { plan: 'P', all: true }, /refused: plan P \(plans\/P\) has \d+ errors?, listed above; nothing was written/);
      expect(Object.keys(diskSnapshot(root)).filter((p) => !p.startsWith('plans'))).toEqual([]);
    });

    it.each(['1/2', '../1.1', '1.1/../../x'])('achievement id %j: PLAN002 from validate, batch-subplan writes nothing', async (id) => {
      write(
        'plans/P/parallel.json',
        parallel({
          achievements: [
            { achievement_id: '1.1', title: 'Parser', dependencies: [] },
            { achievement_id: id, title: 'Sneaky', dependencies: [] },
          ],
        }),
      );
      const result = await withEnv({ NO_COLOR: '1' }, () => validateExecutor({ plan: 'plans/P' }, executorContext(root)));
      expect(result).toEqual({ success: false });
      expect(out.stdout()).toMatch(/plans\/P\/parallel\.json:\d+:\d+\s+error\s+PLAN002\s/);
      await expectRefusedUnchanged(batchSubplanGenerator, { plan: 'P', all: true }, /refused: plan P \(plans\/P\) has \d+ errors?, listed above; nothing was written/);
      await expectRefusedUnchanged(batchSubplanGenerator, { plan: 'P', achievements: id }, /is not an achievement id/);
    });

    it.each(['../../x', '/etc', 'plans/../..', 'plans/P/../../..'])('--plan=%j is refused', async (plan) => {
      await expectRefusedUnchanged(batchSubplanGenerator, { plan, all: true }, /points outside the workspace/);
      await expectRefusedUnchanged(batchExecutionGenerator, { plan, all: true }, /points outside the workspace/);
    });
  });
});
