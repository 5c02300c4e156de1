/** `batch-execution --createSubplans`: the missing SUBPLANs and the EXECUTION_TASKs of a wave in one batch. */
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { ConfirmIo } from '../lib/confirm-batch';
import { captureOutput, type CapturedOutput } from '../lib/testing/capture-output';
import { copyIntoTree, corpusDir, SMALL_PLAN, writePlan } from '../lib/testing/plan-fixtures';
import { batchExecutionGenerator } from './batch-execution';
import type { BatchExecutionGeneratorSchema } from './schema';

const DIR = 'plans/demo';
const sub = (nm: string) => `${DIR}/subplans/SUBPLAN_DEMO_${nm}.md`;
const exe = (nm: string) => `${DIR}/execution/EXECUTION_TASK_DEMO_${nm}_01.md`;

const noTty: ConfirmIo = { stdinIsTTY: false, stdoutIsTTY: false, interactive: true, ask: () => Promise.reject(new Error('must not ask')) };

describe('batch-execution --createSubplans', () => {
  let tree: Tree;
  let out: CapturedOutput;
  const run = (options: Partial<BatchExecutionGeneratorSchema>, io: ConfirmIo = noTty, dryRun = false) =>
    batchExecutionGenerator(tree, { plan: 'DEMO', yes: true, skipFormat: true, createSubplans: true, ...options }, { io, dryRun });
  let before: Set<string>;
  /** Files the generator created (the fixtures are CREATE changes of the tree too). */
  const created = () =>
    tree
      .listChanges()
      .filter((c) => c.type === 'CREATE' && !before.has(c.path))
      .map((c) => c.path)
      .sort();

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    writePlan(tree, DIR, SMALL_PLAN);
    tree.write(sub('11'), '# SUBPLAN: Achievement 1.1 - Parser Written\n\n## 🎯 Objective\n\nWritten by hand.\n');
    before = new Set(tree.listChanges().map((c) => c.path));
    out = captureOutput();
  });
  afterEach(() => out.restore());

  it('default: every ready achievement without an EXECUTION_TASK, its missing SUBPLAN created first', async () => {
    await run({});
    expect(created()).toEqual([exe('11'), exe('22'), sub('22')].sort());
    // The existing SUBPLAN is kept as it is and feeds its EXECUTION_TASK.
    expect(tree.read(exe('11'), 'utf-8')).toContain('Written by hand.');
  });

  it('the new EXECUTION_TASK is prefilled from the SUBPLAN created in the same batch', async () => {
    await run({ achievements: '1.2' });
    expect(created()).toEqual([exe('12'), sub('12')].sort());
    const subplan = tree.read(sub('12'), 'utf-8') as string;
    const execution = tree.read(exe('12'), 'utf-8') as string;
    expect(subplan).toContain('Check the parsed model.');
    expect(execution).toContain('Check the parsed model.');
    expect(execution).toContain('SUBPLAN_DEMO_12.md');
  });

  it('the summary lists SUBPLANs before their EXECUTION_TASKs (--json)', async () => {
    await run({ achievements: '1.2,1.3', json: true });
    const doc = JSON.parse(out.stdout.join('')) as { created: { id: string; file: string }[] };
    expect(doc.created).toEqual([
      { id: '1.2', file: sub('12') },
      { id: '1.3', file: sub('13') },
      { id: '1.2', file: exe('12') },
      { id: '1.3', file: exe('13') },
    ]);
  });

  it('all or nothing: an EXECUTION_TASK that cannot be written refuses the SUBPLANs too', async () => {
    tree.write(`${exe('13')}/blocker.txt`, 'a folder where the file should go\n');
    const before = tree.listChanges().length;
    await expect(run({ achievements: '1.2,1.3' })).rejects.toThrow(/EXECUTION_TASK_DEMO_13_01\.md: a folder has this name; move it away; nothing was written/);
    expect(tree.listChanges()).toHaveLength(before);
    expect(tree.exists(sub('12'))).toBe(false);
  });

  it('a SUBPLAN path that cannot be written refuses the whole batch', async () => {
    tree.write(`${sub('12')}/blocker.txt`, 'x\n');
    const before = tree.listChanges().length;
    await expect(run({ achievements: '1.2' })).rejects.toThrow(/refused/);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('asks once for every file and writes nothing when not confirmed', async () => {
    const questions: string[] = [];
    const io: ConfirmIo = { stdinIsTTY: true, stdoutIsTTY: true, interactive: true, ask: async (q) => (questions.push(q), 'n') };
    const before = tree.listChanges().length;
    await run({ achievements: '1.2', yes: false }, io);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('2');
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('without the flag, a selection lacking SUBPLANs is refused and the flag is named', async () => {
    await expect(run({ achievements: '1.2', createSubplans: false })).rejects.toThrow(/\(or add --createSubplans\)/);
  });

  it('complete and skipped achievements get neither file', async () => {
    tree.write(`${DIR}/execution/SKIPPED_22.md`, 'not needed\n');
    before = new Set(tree.listChanges().map((c) => c.path));
    await run({ all: true });
    expect(created().filter((f) => f.includes('_22'))).toEqual([]);
  });
});

const corpus = corpusDir();
const PEA = 'PARALLEL-EXECUTION-AUTOMATION';
(corpus ? describe : describe.skip)(
  corpus ? `batch-execution --createSubplans on priority 3 of ${PEA}` : 'batch-execution --createSubplans on the corpus (skipped: ../shared/corpus not found)',
  () => {
    const dir = `plans/${PEA}`;
    let tree: Tree;
    let out: CapturedOutput;
    beforeEach(() => {
      tree = createTreeWithEmptyWorkspace();
      copyIntoTree(tree, `${corpus}/${PEA}`, dir);
      for (const nm of ['31', '32', '33']) {
        tree.delete(`${dir}/subplans/SUBPLAN_${PEA}_${nm}.md`);
        tree.delete(`${dir}/execution/EXECUTION_TASK_${PEA}_${nm}_01.md`);
      }
      before = new Set(tree.listChanges().map((c) => c.path));
      out = captureOutput();
    });
    afterEach(() => out.restore());
    let before: Set<string>;

    it('creates the 6 files of the wave, prefilled from the PLAN and the new SUBPLANs', async () => {
      await batchExecutionGenerator(
        tree,
        { plan: PEA, achievements: '3.1,3.2,3.3', createSubplans: true, yes: true, skipFormat: true },
        { io: noTty, dryRun: false },
      );
      const files = tree
        .listChanges()
        .filter((c) => c.type === 'CREATE' && !before.has(c.path))
        .map((c) => c.path.slice(dir.length + 1))
        .sort();
      expect(files).toEqual([
        `execution/EXECUTION_TASK_${PEA}_31_01.md`,
        `execution/EXECUTION_TASK_${PEA}_32_01.md`,
        `execution/EXECUTION_TASK_${PEA}_33_01.md`,
        `subplans/SUBPLAN_${PEA}_31.md`,
        `subplans/SUBPLAN_${PEA}_32.md`,
        `subplans/SUBPLAN_${PEA}_33.md`,
      ]);
      const execution = tree.read(`${dir}/execution/EXECUTION_TASK_${PEA}_31_01.md`, 'utf-8') as string;
      expect(execution).toContain('# EXECUTION_TASK: Achievement 3.1 - Interactive Menu Polished');
      expect(execution).not.toContain('has no sections yet');
    });
  },
);
