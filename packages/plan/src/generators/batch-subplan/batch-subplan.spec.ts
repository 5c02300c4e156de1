import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { FsTree } from 'nx/src/generators/tree';
import { batchExecutionGenerator } from '../batch-execution/batch-execution';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { ConfirmIo } from '../lib/confirm-batch';
import { captureOutput, type CapturedOutput } from '../lib/testing/capture-output';
import { copyIntoTree, corpusDir, planMarkdown, SMALL_PLAN, writePlan, type FixturePlan } from '../lib/testing/plan-fixtures';
import { batchSubplanGenerator } from './batch-subplan';
import type { BatchSubplanGeneratorSchema } from './schema';

const DIR = 'plans/demo';
const sub = (nm: string) => `${DIR}/subplans/SUBPLAN_DEMO_${nm}.md`;

function noTty(): ConfirmIo {
  return { stdinIsTTY: false, stdoutIsTTY: false, interactive: true, ask: () => Promise.reject(new Error('must not ask')) };
}

function createdPaths(tree: Tree): string[] {
  return tree
    .listChanges()
    .filter((c) => c.type === 'CREATE' && c.path.includes('/subplans/'))
    .map((c) => c.path)
    .sort();
}

/** Mark an achievement complete by writing its APPROVED file. */
function approve(tree: Tree, nm: string): void {
  tree.write(`${DIR}/execution/EXECUTION_TASK_DEMO_${nm}_01.md`, '# done\n');
  tree.write(`${DIR}/execution/feedbacks/APPROVED_${nm}.md`, '# approved\n');
}

describe('batch-subplan generator', () => {
  let tree: Tree;
  let out: CapturedOutput;
  const run = (options: Partial<BatchSubplanGeneratorSchema>, io: ConfirmIo = noTty()) =>
    batchSubplanGenerator(tree, { plan: 'DEMO', yes: true, skipFormat: true, ...options }, { io, dryRun: false });

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    writePlan(tree, DIR, SMALL_PLAN);
    out = captureOutput();
  });
  afterEach(() => out.restore());

  describe('selection', () => {
    it('default: the next wave, i.e. ready achievements without a SUBPLAN (level 0 of a fresh plan: 1.1 and 2.2)', async () => {
      await run({});
      expect(createdPaths(tree)).toEqual([sub('11'), sub('22')]);
    });

    it('default moves on when dependencies complete: 1.1 approved → 1.2, 1.3 (and 2.2)', async () => {
      approve(tree, '11');
      await run({});
      expect(createdPaths(tree)).toEqual([sub('12'), sub('13'), sub('22')]);
    });

    it('--level=1 selects every level-1 achievement (1.2, 1.3), not only level 0', async () => {
      await run({ level: 1 });
      expect(createdPaths(tree)).toEqual([sub('12'), sub('13')]);
    });

    it('--level=2 selects 2.1 even though it is blocked', async () => {
      await run({ level: 2 });
      expect(createdPaths(tree)).toEqual([sub('21')]);
    });

    it('--achievements takes a comma list in any order, with spaces and repeats', async () => {
      await run({ achievements: ' 2.1, 1.1,2.1' });
      expect(createdPaths(tree)).toEqual([sub('11'), sub('21')]);
    });

    it('--all selects every achievement', async () => {
      await run({ all: true });
      expect(createdPaths(tree)).toEqual(['11', '12', '13', '21', '22'].map(sub));
    });

    it('existing SUBPLANs are skipped, listed, and left untouched', async () => {
      tree.write(sub('11'), 'my own design\n');
      await run({ all: true });
      expect(tree.read(sub('11'), 'utf-8')).toBe('my own design\n');
      expect(createdPaths(tree)).toEqual(['12', '13', '21', '22'].map(sub).concat(sub('11')).sort());
      const summary = out.info.join('\n');
      expect(summary).toContain('skipped (1):');
      expect(summary).toContain(`1.1  ${sub('11')} (SUBPLAN exists, left as it is)`);
      expect(summary).toContain('created (4):');
    });

    it('complete achievements get no SUBPLAN even with --all', async () => {
      approve(tree, '11');
      await run({ all: true });
      expect(createdPaths(tree)).not.toContain(sub('11'));
      expect(out.info.join('\n')).toContain('complete (APPROVED_11.md): no SUBPLAN needed');
    });

    it('a rerun creates nothing and says so', async () => {
      await run({});
      const first = createdPaths(tree);
      out.info.length = 0;
      await run({ achievements: '1.1,2.2' });
      expect(createdPaths(tree)).toEqual(first);
      expect(out.info.join('\n')).toContain('created (0)');
      expect(out.info.join('\n')).toContain('skipped (2):');
      out.info.length = 0;
      await run({});
      expect(out.info.join('\n')).toContain('note: no ready achievement lacks a SUBPLAN');
    });
  });

  describe('content prefilled from the PLAN', () => {
    it('carries the goal, deliverables, success criteria, tests, estimate and files of 1.1', async () => {
      await run({ achievements: '1.1' });
      const text = tree.read(sub('11'), 'utf-8') as string;
      expect(text).toContain('# SUBPLAN: Achievement 1.1 - Parser Written');
      expect(text).toContain('**Estimated Time**: 2-3 hours');
      expect(text).toMatch(/## 🎯 Objective\n\nParse the input format into a typed model\.\n/);
      expect(text).toContain('- `src/parser.ts` with the parse function');
      expect(text).toContain('- Every fixture parses');
      expect(text).toContain('- Errors carry line numbers');
      expect(text).toContain('- Unit tests for each fixture');
      expect(text).toMatch(/## 📁 Files\n\n- `src\/parser\.ts`\n- `test\/fixtures\/`\n/);
      expect(text).toContain('None: this achievement has no dependencies (level 0).');
      // the PLAN says nothing about the approach: that section, and only sections like it, is marked
      expect(text).toMatch(/## 🔧 Approach\n\n> ✏️ \*\*Not in the PLAN — fill in:\*\*/);
      expect(text).not.toMatch(/## 🎯 Objective\n\n> ✏️/);
      expect(text).not.toContain('[TO BE FILLED]');
    });

    it('lists dependencies with their derived status', async () => {
      approve(tree, '11');
      await run({ achievements: '1.2,2.1' });
      expect(tree.read(sub('12'), 'utf-8')).toContain('| 1.1 | Parser Written | complete (APPROVED_11.md) |');
      expect(tree.read(sub('21'), 'utf-8')).toContain('| 1.2 | Checker Written | not_started |');
      expect(tree.read(sub('21'), 'utf-8')).toContain('**Dependency level**: 2, blocked');
    });

    it('marks every section the PLAN has nothing for when only the index line exists', async () => {
      await run({ achievements: '2.2' });
      const text = tree.read(sub('22'), 'utf-8') as string;
      expect(text).toContain('# SUBPLAN: Achievement 2.2 - Logo Drawn');
      for (const heading of ['Objective', 'Deliverables', 'Approach', 'Tests to Write', 'Success Criteria']) {
        expect(text).toMatch(new RegExp(`## \\S+ ${heading}\\n\\n> ✏️ \\*\\*Not in the PLAN — fill in:\\*\\*`));
      }
      expect(text).toContain('**Estimated Time**: not in the PLAN — fill in');
    });
  });

  describe('refusals write nothing', () => {
    async function expectRefusal(options: Partial<BatchSubplanGeneratorSchema>, message: RegExp, io?: ConfirmIo) {
      const before = tree.listChanges().length;
      await expect(run(options, io)).rejects.toThrow(message);
      expect(tree.listChanges()).toHaveLength(before);
      expect(tree.listChanges().some((c) => /\/subplans\/SUBPLAN_[^/]*\.md$/.test(c.path))).toBe(false);
    }

    it('validation errors: a cycle is printed with its location and code, and nothing is created', async () => {
      writePlan(tree, DIR, {
        ...SMALL_PLAN,
        achievements: SMALL_PLAN.achievements.map((a) => (a.id === '1.1' ? { ...a, dependencies: ['2.1'] } : a)),
      });
      await expectRefusal({}, /batch-subplan refused: plan DEMO \(plans\/demo\) has \d+ errors?, listed above; nothing was written/);
      expect(out.error.join('\n')).toMatch(/plans\/demo\/parallel\.json:\d+:\d+ +error +PLAN007/);
    });

    it('unknown ids in --achievements', async () => {
      await expectRefusal({ achievements: '1.1,9.9,8.1' }, /unknown achievement ids 9\.9, 8\.1 \(the plan has 1\.1, 1\.2, 1\.3, 2\.1, 2\.2\)/);
      expect(out.error.join('\n')).toContain('  9.9 (not an achievement of this plan)');
    });

    it('ids that are not ids (slashes, dots) in --achievements', async () => {
      await expectRefusal({ achievements: '1.1,../x' }, /"\.\.\/x" is not an achievement id/);
    });

    it('<NM> collisions among the plan ids (1.11 and 11.1 both give 111)', async () => {
      const plan: FixturePlan = {
        name: 'DEMO',
        achievements: [
          { id: '1.11', title: 'Eleventh' },
          { id: '11.1', title: 'Eleventh priority' },
        ],
      };
      writePlan(tree, DIR, plan);
      await expectRefusal({ all: true }, /refused/);
      expect(out.error.join('\n')).toMatch(/PLAN008/);
    });

    it('a plan_name that would leave the plan folder', async () => {
      writePlan(tree, DIR, { ...SMALL_PLAN, parallel: { plan_name: '../../x' } });
      await expectRefusal({}, /refused: plan DEMO/);
      expect(out.error.join('\n')).toMatch(/PLAN010/);
    });

    it('achievement ids with slashes in parallel.json', async () => {
      writePlan(tree, DIR, SMALL_PLAN);
      const json = JSON.parse(tree.read(`${DIR}/parallel.json`, 'utf-8') as string);
      json.achievements[4].achievement_id = '2.2/../../../x';
      tree.write(`${DIR}/parallel.json`, JSON.stringify(json, null, 2));
      await expectRefusal({ all: true }, /refused/);
      expect(tree.exists('x')).toBe(false);
    });

    it('a PLAN file whose name is not a safe file-name part', async () => {
      tree.delete(`${DIR}/PLAN_DEMO.md`);
      writePlan(tree, 'plans/spaced', { ...SMALL_PLAN, name: 'MY PLAN' });
      await expect(run({ plan: 'plans/spaced', all: true })).rejects.toThrow(/refused/);
      expect(tree.listChanges().some((c) => c.path.includes('SUBPLAN_'))).toBe(false);
    });

    it('a PLAN file name with a space and no parallel.json (only the generator name check stops it)', async () => {
      tree.delete(`${DIR}/PLAN_DEMO.md`);
      tree.delete(`${DIR}/parallel.json`);
      tree.write('plans/spaced/PLAN_MY PLAN.md', planMarkdown({ ...SMALL_PLAN, name: 'MY PLAN' }));
      const before = tree.listChanges().length;
      await expect(run({ plan: 'plans/spaced', all: true })).rejects.toThrow(
        'batch-subplan refused: plan name "MY PLAN" is not a safe file-name part (letters, digits, ".", "_", "-"); nothing was written',
      );
      expect(tree.listChanges()).toHaveLength(before);
    });

    it('a SUBPLAN path that exists as a directory refuses the whole batch', async () => {
      tree.write(`${sub('22')}/notes.txt`, 'a folder where the SUBPLAN should go\n');
      await expectRefusal({}, new RegExp(`refused: ${sub('22').replace(/[./]/g, '\\$&')}: a folder has this name`));
      expect(tree.exists(sub('11'))).toBe(false);
    });

    it('a file where the subplans folder should be', async () => {
      tree.write(`${DIR}/subplans`, 'not a folder\n');
      await expectRefusal({}, /plans\/demo\/subplans is a file, not a folder/);
    });

    it('conflicting selection options', async () => {
      await expectRefusal({ level: 0, all: true }, /conflicting selection options --level=0, --all/);
      await expectRefusal({ achievements: '1.1', all: true }, /pass only one of --level, --achievements, --all/);
    });

    it('a level no achievement is on', async () => {
      await expectRefusal({ level: 7 }, /no achievement is on level 7 \(levels are 0 to 2\)/);
    });

    it('a negative or fractional level', async () => {
      await expectRefusal({ level: -1 }, /--level=-1 is not a dependency level/);
      await expectRefusal({ level: 1.5 }, /--level=1\.5 is not a dependency level/);
    });

    it('a missing or unknown --plan', async () => {
      await expectRefusal({ plan: '' }, /--plan is required/);
      await expectRefusal({ plan: 'NOPE' }, /no plan named "NOPE"/);
      await expectRefusal({ plan: '../outside' }, /points outside the workspace/);
    });

    it('no terminal and no --yes: refused with the flags to pass, never a prompt', async () => {
      await expectRefusal({ yes: false }, /cannot ask for confirmation without an interactive terminal: pass --yes to create them \(or --dryRun to preview\)/);
    });

    it('--strict turns warnings into refusals', async () => {
      writePlan(tree, DIR, { ...SMALL_PLAN, parallel: { owner: 'team-a' } });
      await expectRefusal({ strict: true }, /refused: plan DEMO/);
      await run({ strict: false });
      expect(createdPaths(tree)).toEqual([sub('11'), sub('22')]);
    });
  });

  describe('confirmation', () => {
    const tty = (answer: string, asked: string[]): ConfirmIo => ({
      stdinIsTTY: true,
      stdoutIsTTY: true,
      interactive: true,
      ask: async (question) => {
        asked.push(question);
        return answer;
      },
    });

    it('asks "Create N files? (y/N)" on a terminal and writes on y', async () => {
      const asked: string[] = [];
      await run({ yes: false }, tty('y', asked));
      expect(asked).toEqual(['Create 2 files? (y/N) ']);
      expect(out.info[0]).toBe(`batch-subplan DEMO: about to create\n  1.1  ${sub('11')}\n  2.2  ${sub('22')}`);
      expect(createdPaths(tree)).toEqual([sub('11'), sub('22')]);
    });

    it('default No: an empty answer writes nothing and lists the files as not confirmed', async () => {
      const asked: string[] = [];
      await run({ yes: false }, tty('', asked));
      expect(asked).toHaveLength(1);
      expect(createdPaths(tree)).toEqual([]);
      expect(out.info.join('\n')).toContain('(not confirmed)');
    });

    it('--yes never asks', async () => {
      const asked: string[] = [];
      await run({ yes: true }, tty('n', asked));
      expect(asked).toEqual([]);
      expect(createdPaths(tree)).toHaveLength(2);
    });

    it('a dry run (NX_DRY_RUN=true, as nx g --dryRun sets it) neither asks nor needs --yes', async () => {
      const asked: string[] = [];
      const previous = process.env.NX_DRY_RUN;
      process.env.NX_DRY_RUN = 'true';
      try {
        await batchSubplanGenerator(tree, { plan: 'DEMO', skipFormat: true }, { io: tty('n', asked) });
      } finally {
        if (previous === undefined) delete process.env.NX_DRY_RUN;
        else process.env.NX_DRY_RUN = previous;
      }
      expect(asked).toEqual([]);
      expect(createdPaths(tree)).toEqual([sub('11'), sub('22')]);
      expect(out.info.join('\n')).toContain('selection: default (next wave: ready achievements without a SUBPLAN) (dry run: nothing is written)\nwould create (2):');
    });

    it('--no-interactive (NX_INTERACTIVE=false) is treated as no terminal', async () => {
      const io: ConfirmIo = { ...tty('y', []), interactive: false };
      await expect(run({ yes: false }, io)).rejects.toThrow(/pass --yes/);
    });
  });

  describe('output', () => {
    it('prints created / skipped / refused and the next command', async () => {
      await run({});
      const summary = out.info.join('\n');
      expect(summary).toContain('batch-subplan DEMO (plans/demo), selection: default (next wave: ready achievements without a SUBPLAN)');
      expect(summary).toContain(`created (2):\n  1.1  ${sub('11')}\n  2.2  ${sub('22')}`);
      expect(summary).toContain('skipped (0)');
      expect(summary).toContain('refused (0)');
      expect(summary).toContain('next: npx nx g @nx-plan/plan:batch-execution --plan=DEMO');
    });

    it('--json prints one JSON document on stdout', async () => {
      tree.write(sub('11'), 'mine\n');
      await run({ json: true, all: true });
      const doc = JSON.parse(out.stdout.join(''));
      expect(doc).toMatchObject({
        version: 1,
        generator: 'batch-subplan',
        plan: 'DEMO',
        planDir: DIR,
        selection: '--all',
        dryRun: false,
        skipped: [{ id: '1.1', file: sub('11'), reason: 'SUBPLAN exists, left as it is' }],
        refused: [],
        next: 'npx nx g @nx-plan/plan:batch-execution --plan=DEMO',
      });
      expect(doc.created.map((c: { id: string }) => c.id)).toEqual(['1.2', '1.3', '2.1', '2.2']);
      expect(out.info).toEqual([]);
    });

    it('--json on a refusal prints the refused items before throwing', async () => {
      await expect(run({ json: true, achievements: '9.9' })).rejects.toThrow(/unknown achievement id 9\.9/);
      expect(JSON.parse(out.stdout.join('')).refused).toEqual([{ id: '9.9', reason: 'not an achievement of this plan' }]);
    });

    it('reports progress on stderr every 50 files for batches over 50', async () => {
      const big: FixturePlan = {
        name: 'DEMO',
        achievements: Array.from({ length: 120 }, (_, i) => ({ id: `1.${i + 1}`, title: `Step ${i + 1}` })),
      };
      writePlan(tree, DIR, big);
      await run({ all: true });
      expect(out.stderr).toEqual([
        'batch-subplan: 50/120 files prepared\n',
        'batch-subplan: 100/120 files prepared\n',
        'batch-subplan: 120/120 files prepared\n',
      ]);
      expect(createdPaths(tree)).toHaveLength(120);
    });

    it('no progress lines for small batches', async () => {
      await run({ all: true });
      expect(out.stderr).toEqual([]);
    });
  });

  it('--plan accepts the plan folder and the inferred project name', async () => {
    await run({ plan: DIR, achievements: '1.1' });
    await run({ plan: 'plan-demo', achievements: '2.2' });
    expect(createdPaths(tree)).toEqual([sub('11'), sub('22')]);
  });

  it('every created path stays inside the plan folder', async () => {
    const before = new Set(tree.listChanges().map((c) => c.path));
    await run({ all: true });
    const added = tree.listChanges().filter((c) => !before.has(c.path)).map((c) => c.path);
    expect(added).toHaveLength(5);
    for (const path of added) expect(posix.normalize(path).startsWith(`${DIR}/subplans/`)).toBe(true);
  });
});

const corpus = corpusDir();
const PEA = 'PARALLEL-EXECUTION-AUTOMATION';
(corpus ? describe : describe.skip)(
  corpus ? `batch-subplan on the ${PEA} corpus plan` : 'batch-subplan on the corpus (skipped: ../shared/corpus not found)',
  () => {
    const dir = `plans/${PEA}`;
    const nmPath = (nm: string) => `${dir}/subplans/SUBPLAN_${PEA}_${nm}.md`;
    let tree: Tree;
    let out: CapturedOutput;

    beforeEach(() => {
      tree = createTreeWithEmptyWorkspace();
      copyIntoTree(tree, posix.join(corpus as string, PEA), dir);
      for (const nm of ['31', '32', '33']) tree.delete(nmPath(nm));
      out = captureOutput();
    });
    afterEach(() => out.restore());

    const run = () => batchSubplanGenerator(tree, { plan: PEA, yes: true, skipFormat: true }, { io: noTty(), dryRun: false });
    const created = () =>
      tree
        .listChanges()
        .filter((c) => c.type === 'CREATE' && c.path.includes('/subplans/') && !['11', '12', '13', '21', '22', '23'].some((nm) => c.path === nmPath(nm)))
        .map((c) => c.path)
        .sort();

    it('the default selection creates exactly the SUBPLANs of 3.1, 3.2 and 3.3', async () => {
      await run();
      expect(created()).toEqual([nmPath('31'), nmPath('32'), nmPath('33')]);
      for (const nm of ['11', '12', '13', '21', '22', '23']) {
        expect(tree.listChanges().find((c) => c.path === nmPath(nm))?.type).toBe('CREATE'); // copied fixture, unchanged by the generator
      }
    });

    it("3.1's SUBPLAN carries the PLAN's goal, deliverables, success criteria and its dependency's status", async () => {
      await run();
      const text = tree.read(nmPath('31'), 'utf-8') as string;
      expect(text).toContain('# SUBPLAN: Achievement 3.1 - Interactive Menu Polished');
      expect(text).toContain('**Estimated Time**: 2-3 hours');
      expect(text).toMatch(/## 🎯 Objective\n\nPolish interactive menu UX and add features\n/);
      expect(text).toContain('- Progress indicators (X/Y achievements complete)');
      expect(text).toContain('- Colored output (green=complete, yellow=in-progress, red=blocked)');
      expect(text).toContain('- Keyboard shortcuts');
      expect(text).toContain('- Tested with 3 users');
      expect(text).toContain('| 2.3 | Batch EXECUTION Creation Implemented | complete (APPROVED_23.md) |');
      expect(text).not.toContain('[TO BE FILLED]');
    });

    it("3.2's SUBPLAN lists the files its PLAN text names", async () => {
      await run();
      const text = tree.read(nmPath('32'), 'utf-8') as string;
      expect(text).toContain('- `PARALLEL-EXECUTION-USER-GUIDE.md`');
      expect(text).toContain('- `PARALLEL-EXECUTION-BEST-PRACTICES.md`');
      expect(text).toContain('- `LLM-METHODOLOGY.md`');
    });

    it('on the real folder (FsTree, as nx g uses): a refused batch leaves tree.listChanges() empty', async () => {
      const root = mkdtempSync(join(tmpdir(), 'nx-plan-corpus-'));
      try {
        cpSync(join(corpus as string, PEA), join(root, 'plans', PEA), { recursive: true });
        for (const nm of ['31', '32', '33']) rmSync(join(root, nmPath(nm)));
        const fsTree = new FsTree(root, false);
        await expect(
          batchSubplanGenerator(fsTree, { plan: PEA, achievements: '3.1,4.4', yes: true, skipFormat: true }, { io: noTty(), dryRun: false }),
        ).rejects.toThrow(/unknown achievement id 4\.4/);
        expect(fsTree.listChanges()).toEqual([]);
        await expect(
          batchExecutionGenerator(fsTree, { plan: PEA, achievements: '3.1,3.2', attempt: 2, yes: true, skipFormat: true }, { io: noTty(), dryRun: false }),
        ).rejects.toThrow(/3\.1, 3\.2 have no SUBPLAN/);
        expect(fsTree.listChanges()).toEqual([]);
        expect(existsSync(join(root, 'plans', PEA, '.nx-plan.lock'))).toBe(false);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('a rerun creates none', async () => {
      await run();
      const first = created();
      out.info.length = 0;
      await run();
      expect(created()).toEqual(first);
      expect(out.info.join('\n')).toContain('created (0)');
    });
  },
);
