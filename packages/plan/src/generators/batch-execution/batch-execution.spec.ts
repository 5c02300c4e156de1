import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { ConfirmIo } from '../lib/confirm-batch';
import { captureOutput, type CapturedOutput } from '../lib/testing/capture-output';
import { copyIntoTree, corpusDir, SMALL_PLAN, writePlan } from '../lib/testing/plan-fixtures';
import { batchExecutionGenerator } from './batch-execution';
import type { BatchExecutionGeneratorSchema } from './schema';

const DIR = 'plans/demo';
const sub = (nm: string) => `${DIR}/subplans/SUBPLAN_DEMO_${nm}.md`;
const exe = (nm: string, xx: string) => `${DIR}/execution/EXECUTION_TASK_DEMO_${nm}_${xx}.md`;
const fix = (nm: string) => `${DIR}/execution/feedbacks/FIX_${nm}.md`;

const SUBPLAN_11 = `# SUBPLAN: Achievement 1.1 - Parser Written

**PLAN**: DEMO
**Estimated Time**: 3 hours

---

## 🎯 Objective

Parse the input format into a typed model, with located errors.

## 📦 Deliverables

1. \`src/parser.ts\`
2. Fixture files

### Notes

Keep the parser iterative.

## ✅ Success Criteria

- Every fixture parses
`;

const noTty: ConfirmIo = { stdinIsTTY: false, stdoutIsTTY: false, interactive: true, ask: () => Promise.reject(new Error('must not ask')) };

describe('batch-execution generator', () => {
  let tree: Tree;
  let out: CapturedOutput;
  const run = (options: Partial<BatchExecutionGeneratorSchema>, io: ConfirmIo = noTty) =>
    batchExecutionGenerator(tree, { plan: 'DEMO', yes: true, skipFormat: true, ...options }, { io, dryRun: false });
  const created = () =>
    tree
      .listChanges()
      .filter((c) => c.type === 'CREATE' && /EXECUTION_TASK_/.test(c.path))
      .map((c) => c.path)
      .sort();

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    writePlan(tree, DIR, SMALL_PLAN);
    tree.write(sub('11'), SUBPLAN_11);
    tree.write(sub('22'), '# SUBPLAN: Achievement 2.2 - Logo Drawn\n');
    out = captureOutput();
  });
  afterEach(() => out.restore());

  describe('selection', () => {
    it('default: ready achievements with a SUBPLAN and no EXECUTION_TASK get attempt 01', async () => {
      await run({});
      expect(created()).toEqual([exe('11', '01'), exe('22', '01')]);
    });

    it('default lists ready achievements that still lack a SUBPLAN as skipped, and does not refuse', async () => {
      tree.delete(sub('22'));
      await run({});
      expect(created()).toEqual([exe('11', '01')]);
      expect(out.info.join('\n')).toContain(`2.2  ${sub('22')} (ready but no SUBPLAN yet; run batch-subplan first, or add --createSubplans)`);
    });

    it('an achievement with an attempt and no FIX is skipped and listed', async () => {
      tree.write(exe('11', '01'), '# attempt 1\n');
      await run({});
      expect(created()).toEqual([exe('11', '01'), exe('22', '01')]);
      expect(tree.read(exe('11', '01'), 'utf-8')).toBe('# attempt 1\n');
      expect(out.info.join('\n')).toContain(`1.1  ${exe('11', '01')} (attempt exists and no FIX_11.md asks for another)`);
    });

    it('a failed achievement (FIX present) gets the next free attempt, with the FIX feedback verbatim', async () => {
      tree.write(exe('11', '01'), '# attempt 1\n');
      tree.write(exe('11', '02'), '# attempt 2\n');
      tree.write(fix('11'), '# FIX\n\n## Problems\n\n- The parser recurses on nested lists.\n');
      await run({});
      expect(created()).toContain(exe('11', '03'));
      const text = tree.read(exe('11', '03'), 'utf-8') as string;
      expect(text).toContain('**Attempt**: 03 (retry after review feedback in `FIX_11.md`, follows `EXECUTION_TASK_DEMO_11_02.md`)');
      expect(text).toContain('## 🔁 Review Feedback to Address');
      expect(text).toContain('### FIX');
      expect(text).toContain('#### Problems');
      expect(text).toContain('- The parser recurses on nested lists.');
      expect(text).toContain('## ✅ Completion Checklist\n\n- [ ] Review: The parser recurses on nested lists.\n- [ ] `src/parser.ts`');
    });

    it('after answering a FIX the next command runs the plan instead of recommending the same retry', async () => {
      tree.write(exe('11', '01'), '# attempt 1\n');
      tree.write(fix('11'), 'Fix the recursion.\n');
      await run({ achievements: '1.1', json: true });
      expect(JSON.parse(out.stdout.join('')).next).toBe('npx nx run plan-demo:execute --parallel=1');
    });

    it('a rerun does not pile up attempts for the same FIX; a rewritten FIX gets a new one', async () => {
      tree.write(exe('11', '01'), '# attempt 1\n');
      tree.write(fix('11'), 'Fix the recursion.\n');
      await run({ achievements: '1.1' });
      expect(created()).toEqual([exe('11', '01'), exe('11', '02')]);
      await run({ achievements: '1.1' });
      expect(created()).toEqual([exe('11', '01'), exe('11', '02')]);
      expect(out.info.join('\n')).toContain(`1.1  ${exe('11', '02')} (already answers FIX_11.md; update the FIX file for another attempt)`);
      tree.write(fix('11'), 'Fix the recursion, and the error positions.\n');
      await run({ achievements: '1.1' });
      expect(created()).toEqual([exe('11', '01'), exe('11', '02'), exe('11', '03')]);
    });

    it('--level and --all select as in batch-subplan; complete achievements are skipped', async () => {
      tree.write(exe('22', '01'), 'x\n');
      tree.write(`${DIR}/execution/feedbacks/APPROVED_22.md`, 'ok\n');
      await run({ level: 0 });
      expect(created()).toEqual([exe('11', '01'), exe('22', '01')]);
      expect(out.info.join('\n')).toContain('2.2 (complete (APPROVED_22.md))');
    });

    it('--attempt forces the number', async () => {
      await run({ achievements: '1.1', attempt: 4 });
      expect(created()).toEqual([exe('11', '04')]);
    });

    it('--attempt creates a new attempt even without a FIX', async () => {
      tree.write(exe('11', '01'), 'x\n');
      await run({ achievements: '1.1', attempt: 2 });
      expect(created()).toEqual([exe('11', '01'), exe('11', '02')]);
    });
  });

  describe('content prefilled from the SUBPLAN', () => {
    it('carries the SUBPLAN sections, its estimate and a checklist from its deliverables and criteria', async () => {
      await run({ achievements: '1.1' });
      const text = tree.read(exe('11', '01'), 'utf-8') as string;
      expect(text).toContain('# EXECUTION_TASK: Achievement 1.1 - Parser Written');
      expect(text).toContain('**SUBPLAN**: `../subplans/SUBPLAN_DEMO_11.md`');
      expect(text).toContain('**Attempt**: 01 (first attempt)');
      expect(text).toContain('**Estimated Time**: 3 hours');
      expect(text).toMatch(/### Objective\n\nParse the input format into a typed model, with located errors\./);
      expect(text).toContain('#### Notes\n\nKeep the parser iterative.');
      expect(text).toContain('- [ ] `src/parser.ts`\n- [ ] Fixture files\n- [ ] Every fixture parses');
      expect(text).not.toContain('Review Feedback');
      expect(text).not.toContain('nx-plan:answers-fix');
    });

    it('marks what an empty SUBPLAN does not say', async () => {
      await run({ achievements: '2.2' });
      const text = tree.read(exe('22', '01'), 'utf-8') as string;
      expect(text).toContain('> ✏️ **Not in the SUBPLAN — fill in:** the SUBPLAN `SUBPLAN_DEMO_22.md` has no sections yet');
      expect(text).toContain('**Estimated Time**: not in the SUBPLAN or PLAN — fill in');
    });
  });

  describe('refusals write nothing', () => {
    async function expectRefusal(options: Partial<BatchExecutionGeneratorSchema>, message: RegExp) {
      const before = tree.listChanges().length;
      await expect(run(options)).rejects.toThrow(message);
      expect(tree.listChanges()).toHaveLength(before);
      expect(created()).toEqual([]);
    }

    it('the whole batch when any selected achievement lacks its SUBPLAN, naming them', async () => {
      await expectRefusal(
        { achievements: '1.1,1.2,1.3' },
        /batch-execution refused: 1\.2, 1\.3 have no SUBPLAN; create them first with npx nx g @nx-plan\/plan:batch-subplan --plan=DEMO --achievements=1\.2,1\.3 \(or add --createSubplans\); nothing was written/,
      );
      expect(out.error.join('\n')).toContain(`1.2  ${sub('12')} (no SUBPLAN)`);
    });

    it('--all refuses too when one SUBPLAN is missing', async () => {
      await expectRefusal({ all: true }, /1\.2, 1\.3, 2\.1 have no SUBPLAN/);
    });

    it('a forced --attempt whose file exists', async () => {
      tree.write(exe('11', '01'), 'x\n');
      const before = tree.listChanges().length;
      await expect(run({ achievements: '1.1,2.2', attempt: 1 })).rejects.toThrow(/attempt 01 exists \(--attempt=1\)/);
      expect(tree.listChanges()).toHaveLength(before);
      expect(tree.exists(exe('22', '01'))).toBe(false);
    });

    it('an --attempt that is not a positive whole number', async () => {
      await expectRefusal({ attempt: 0 }, /--attempt=0 is not an attempt number/);
    });

    it('an EXECUTION_TASK path that exists as a directory', async () => {
      tree.write(`${exe('11', '01')}/x.txt`, 'folder\n');
      const before = tree.listChanges().length;
      await expect(run({})).rejects.toThrow(/a folder has this name/);
      expect(tree.listChanges()).toHaveLength(before);
    });

    it('unknown ids, conflicting options and validation errors, as batch-subplan', async () => {
      await expectRefusal({ achievements: '7.7' }, /unknown achievement id 7\.7/);
      await expectRefusal({ level: 1, achievements: '1.1' }, /conflicting selection options/);
      writePlan(tree, DIR, { ...SMALL_PLAN, achievements: [...SMALL_PLAN.achievements, { id: '3.1', title: 'Loop', dependencies: ['3.1'] }] });
      await expectRefusal({}, /batch-execution refused: plan DEMO \(plans\/demo\) has \d+ errors?/);
    });

    it('no terminal and no --yes', async () => {
      await expectRefusal({ yes: false }, /pass --yes/);
    });
  });

  it('--json summary and the next command', async () => {
    await run({ json: true });
    const doc = JSON.parse(out.stdout.join(''));
    expect(doc.generator).toBe('batch-execution');
    expect(doc.created).toEqual([
      { id: '1.1', file: exe('11', '01') },
      { id: '2.2', file: exe('22', '01') },
    ]);
    expect(doc.next).toMatch(/^npx nx run plan-demo:execute/);
  });
});

const corpus = corpusDir();
const PEA = 'PARALLEL-EXECUTION-AUTOMATION';
(corpus ? describe : describe.skip)(
  corpus ? `batch-execution on the ${PEA} corpus plan` : 'batch-execution on the corpus (skipped: ../shared/corpus not found)',
  () => {
    const dir = `plans/${PEA}`;
    let tree: Tree;
    let out: CapturedOutput;
    beforeEach(() => {
      tree = createTreeWithEmptyWorkspace();
      copyIntoTree(tree, `${corpus}/${PEA}`, dir);
      out = captureOutput();
    });
    afterEach(() => out.restore());

    it('3.1–3.3 have attempts and no FIX: default creates nothing and lists them', async () => {
      const before = tree.listChanges().length;
      await batchExecutionGenerator(tree, { plan: PEA, yes: true, skipFormat: true }, { io: noTty, dryRun: false });
      expect(tree.listChanges()).toHaveLength(before);
      expect(out.info.join('\n')).toMatch(/skipped \(3\):/);
    });

    it('with their attempts removed, 3.1–3.3 get attempt 01 built from their SUBPLANs', async () => {
      for (const nm of ['31', '32', '33']) tree.delete(`${dir}/execution/EXECUTION_TASK_${PEA}_${nm}_01.md`);
      await batchExecutionGenerator(tree, { plan: PEA, yes: true, skipFormat: true }, { io: noTty, dryRun: false });
      const text = tree.read(`${dir}/execution/EXECUTION_TASK_${PEA}_31_01.md`, 'utf-8') as string;
      expect(text).toContain('# EXECUTION_TASK: Achievement 3.1 - Interactive Menu Polished');
      // the SUBPLAN's objective (subplans/SUBPLAN_…_31.md, "## 🎯 Objective")
      expect(text).toContain('Polish the parallel execution menu UX and add enhanced features including progress indicators');
      expect(text).toContain('### Objective');
      expect(text).toContain('**Estimated Time**: 2-3 hours');
    });
  },
);
