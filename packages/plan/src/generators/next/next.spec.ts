import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { PromptInterrupted } from '../lib/confirm-batch';
import type { ChoiceIO } from './lib/terminal-choice';
import { nextGenerator, runNext, type NextRuntime } from './next';

const DIR = 'plans/DEMO';

const PLAN = `# PLAN: Demo

## Achievements

### Priority 1: Core

**Achievement 1.1**: Markdown Parser (2h)

**Goal**: Read plan files into a model.

**Deliverables**:

- \`src/parser.ts\`

**Achievement 1.2**: Table Renderer (1h)

**Goal**: Print the model as an aligned table.

**Deliverables**:

- \`src/table.ts\`
- Snapshot tests of the table

**Achievement 1.3**: Config Loader (1h)

**Goal**: Read the configuration file.

**Achievement 1.4**: Logging (1h)

**Goal**: Structured log lines.

### Priority 2: Integration

**Achievement 2.1**: Command Line (2h)

**Goal**: Wire parser and renderer into one command.

**Achievement 2.2**: Packaging (1h)

**Goal**: Publish the tool.
`;

const PARALLEL = {
  plan_name: 'DEMO',
  parallelization_level: 'level_3',
  achievements: [
    { achievement_id: '1.1', title: 'Markdown Parser', dependencies: [] },
    { achievement_id: '1.2', title: 'Table Renderer', dependencies: [] },
    { achievement_id: '1.3', title: 'Config Loader', dependencies: [] },
    { achievement_id: '1.4', title: 'Logging', dependencies: [] },
    { achievement_id: '2.1', title: 'Command Line', dependencies: ['1.1', '1.2'] },
    { achievement_id: '2.2', title: 'Packaging', dependencies: ['1.1'] },
  ],
};

const SUBPLAN_12 = `# SUBPLAN: Achievement 1.2 - Table Renderer

## Objective

Print the model as an aligned table.

## Approach

> ✏️ **Not in the PLAN — fill in:** how the columns are measured.

## Risks

## Tests

- golden files for three plans
`;

/**
 * The state, checked by hand:
 * 1.1 complete (APPROVED); 1.2 subplan_created; 1.3 failed (FIX after attempt 01);
 * 1.4 not_started; 2.1 blocked (1.2 not done); 2.2 execution_created, ready (1.1 done).
 * Next available (ready, before execution, by level then id): 1.2, 1.4, 2.2.
 * Waves: [1.1 1.2 1.3 1.4] [2.1 2.2]; at most 3 unfinished on one level (1.2, 1.3, 1.4).
 */
function writeDemo(tree: Tree): void {
  tree.write(`${DIR}/PLAN_DEMO.md`, PLAN);
  tree.write(`${DIR}/parallel.json`, JSON.stringify(PARALLEL, null, 2));
  tree.write(`${DIR}/subplans/SUBPLAN_DEMO_11.md`, '# SUBPLAN 1.1\n\n## Approach\n\n> ✏️ **Not in the PLAN — fill in:** left as is, already approved.\n');
  tree.write(`${DIR}/execution/EXECUTION_TASK_DEMO_11_01.md`, '# EXECUTION 1.1\n\nDone.\n');
  tree.write(`${DIR}/execution/feedbacks/APPROVED_11.md`, '# Approved\n');
  tree.write(`${DIR}/subplans/SUBPLAN_DEMO_12.md`, SUBPLAN_12);
  tree.write(`${DIR}/subplans/SUBPLAN_DEMO_13.md`, '# SUBPLAN 1.3\n\n## Approach\n\nRead YAML with a schema.\n');
  tree.write(`${DIR}/execution/EXECUTION_TASK_DEMO_13_01.md`, '# EXECUTION 1.3 attempt 1\n\nParsed JSON instead of YAML.\n');
  tree.write(`${DIR}/execution/feedbacks/FIX_13.md`, '# FIX 1.3\n\nThe loader must accept YAML, not JSON.\n');
  tree.write(`${DIR}/subplans/SUBPLAN_DEMO_22.md`, '# SUBPLAN 2.2\n\n## Approach\n\nnpm publish with provenance.\n');
  tree.write(`${DIR}/execution/EXECUTION_TASK_DEMO_22_01.md`, '# EXECUTION 2.2\n\nNot started.\n');
}

function read(tree: Tree, file: string): string {
  const text = tree.read(file, 'utf-8');
  if (text === null) throw new Error(`${file} was not written`);
  return text;
}

/** A scripted terminal: records the questions and answers in order. */
function scriptedIO(...answers: string[]): ChoiceIO & { questions: string[] } {
  const questions: string[] = [];
  return {
    interactive: true,
    questions,
    ask: async (question) => {
      questions.push(question);
      return answers.shift() ?? '';
    },
  };
}

const NO_TTY: ChoiceIO = {
  interactive: false,
  ask: () => {
    throw new Error('must not ask without a terminal');
  },
};

describe('next generator', () => {
  let tree: Tree;
  let output: string[];
  let runtime: NextRuntime;
  const printed = () => output.join('\n');
  const changedFiles = () => tree.listChanges().map((c) => c.path);

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    writeDemo(tree);
    output = [];
    runtime = { io: NO_TTY, color: false, print: (text) => output.push(text) };
  });

  describe('without a terminal and without --action', () => {
    it('prints the state and the command of every option, writes nothing and returns', async () => {
      const before = changedFiles();
      const result = await runNext(tree, { plan: 'DEMO' }, runtime);
      expect(result.action).toBeUndefined();
      expect(changedFiles()).toEqual(before);
      const text = printed();
      // State: the status table and the next available achievements.
      expect(text).toMatch(/1\.3\s+Config Loader\s+failed/);
      expect(text).toMatch(/2\.1\s+Command Line\s+not_started\s+1\s+blocked/);
      expect(text).toContain('Next available: 1.2, 1.4, 2.2');
      // Menu with the command for each option.
      expect(text).toContain('npx nx g @nx-plan/plan:batch-subplan --plan=DEMO');
      expect(text).toContain('npx nx g @nx-plan/plan:batch-execution --plan=DEMO');
      // Four ready achievements (levels 0 and 1) can run at once: the label and both commands say 4.
      expect(text).toContain('3. Run the plan in parallel (up to 4 at once)');
      expect(text).toContain('npx nx run plan-demo:execute --parallel=4');
      expect(text).toContain('npx nx run-many -t achievement-1.2,achievement-1.3,achievement-1.4,achievement-2.2 -p plan-demo --parallel=4');
      expect(text).toContain('npx nx run plan-demo:graph');
      expect(text).toContain('npx nx g @nx-plan/plan:next --plan=DEMO --action=prompt --achievement=1.2');
      expect(text).toContain('npx nx g @nx-plan/plan:next --plan=DEMO --action=fill-subplans');
      expect(text).toContain('nothing was run or written');
    });

    it('the exported generator does the same through the logger and returns no callback', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      try {
        // Jest's stdin is not a TTY, so the real terminal check says "not interactive".
        await expect(nextGenerator(tree, { plan: 'DEMO' })).resolves.toBeUndefined();
        expect(info.mock.calls.map((c) => String(c[0])).join('\n')).toContain('npx nx run plan-demo:execute --parallel=4');
      } finally {
        info.mockRestore();
      }
    });

    it('finds the plan by itself when the workspace has only one', async () => {
      await runNext(tree, {}, runtime);
      expect(printed()).toContain('Plan DEMO');
    });

    it('asks for --plan when the workspace has several plans', async () => {
      tree.write('plans/OTHER/PLAN_OTHER.md', PLAN);
      await expect(runNext(tree, {}, runtime)).rejects.toThrow(/2 plans \(DEMO, OTHER\); pass --plan=<NAME>/);
    });
  });

  describe('in a terminal', () => {
    it('does nothing on an empty answer', async () => {
      const io = scriptedIO('');
      const before = changedFiles();
      const result = await runNext(tree, { plan: 'DEMO' }, { ...runtime, io });
      expect(io.questions).toHaveLength(1);
      expect(result.action).toBeUndefined();
      expect(changedFiles()).toEqual(before);
      expect(printed()).toContain('Nothing chosen');
    });

    it('does nothing on an answer that is not on the menu', async () => {
      const result = await runNext(tree, { plan: 'DEMO' }, { ...runtime, io: scriptedIO('9') });
      expect(result.action).toBeUndefined();
      expect(printed()).toContain('"9" is not on the menu');
    });

    it('ends with exit code 130 on Ctrl+C at the menu, writing nothing', async () => {
      const exits: number[] = [];
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const before = changedFiles();
      const io: ChoiceIO = {
        interactive: true,
        ask: () => Promise.reject(new PromptInterrupted()),
      };
      try {
        const result = await runNext(tree, { plan: 'DEMO' }, { ...runtime, io, exit: (code) => void exits.push(code) });
        expect(result.action).toBeUndefined();
        expect(exits).toEqual([130]);
        expect(changedFiles()).toEqual(before);
        expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('next cancelled at the prompt (Ctrl+C); nothing was written');
      } finally {
        stderr.mockRestore();
      }
    });

    it('runs the chosen option', async () => {
      const result = await runNext(tree, { plan: 'DEMO' }, { ...runtime, io: scriptedIO('5') });
      expect(result.action).toBe('prompt');
      expect(result.created).toEqual([`${DIR}/prompts/PROMPT_DEMO_12.md`]);
    });
  });

  describe('--action', () => {
    it('status prints the state only', async () => {
      const before = changedFiles();
      await runNext(tree, { plan: 'DEMO', action: 'status' }, runtime);
      expect(printed()).toContain('Next available: 1.2, 1.4, 2.2');
      expect(printed()).not.toContain('What next?');
      expect(changedFiles()).toEqual(before);
    });

    it('graph prints the ASCII dependency graph', async () => {
      const before = changedFiles();
      await runNext(tree, { plan: 'DEMO', action: 'graph' }, runtime);
      const graph = output[output.length - 1];
      for (const id of ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2']) expect(graph).toContain(id);
      expect(changedFiles()).toEqual(before);
    });

    it('run prints the commands for the wave and runs nothing', async () => {
      const before = changedFiles();
      await runNext(tree, { plan: 'DEMO', action: 'run' }, runtime);
      const text = output[output.length - 1];
      expect(text).toContain('npx nx run plan-demo:execute --parallel=4');
      // Only 2.2 has an EXECUTION_TASK to work on; 1.3 failed and its attempt 01 predates the FIX.
      expect(text).toContain('npx nx run-many -t achievement-2.2 -p plan-demo --parallel=1');
      expect(text).toContain('waiting for a new attempt that answers the review: 1.3');
      expect(text).toContain('npx nx g @nx-plan/plan:batch-execution --plan=DEMO --achievements=1.3');
      expect(text).toContain('Ready but without an EXECUTION_TASK: 1.2, 1.4');
      expect(changedFiles()).toEqual(before);
    });

    it('run counts a failed achievement as runnable once batch-execution made its retry attempt', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      try {
        await runNext(tree, { plan: 'DEMO', action: 'executions', yes: true, skipFormat: true, achievement: undefined }, runtime);
      } finally {
        info.mockRestore();
      }
      output = [];
      await runNext(tree, { plan: 'DEMO', action: 'run' }, runtime);
      const text = output[output.length - 1];
      // 1.2 got attempt 01 and 1.3 attempt 02 (answering FIX_13): with 2.2, three can run.
      expect(text).toContain('npx nx run-many -t achievement-1.2,achievement-1.3,achievement-2.2 -p plan-demo --parallel=3');
      expect(text).not.toContain('waiting for a new attempt');
    });

    it('prompt writes the prompt of the next available achievement from the PLAN and its SUBPLAN', async () => {
      const result = await runNext(tree, { plan: 'DEMO', action: 'prompt' }, runtime);
      expect(result.created).toEqual([`${DIR}/prompts/PROMPT_DEMO_12.md`]);
      const prompt = read(tree, `${DIR}/prompts/PROMPT_DEMO_12.md`);
      expect(prompt).toContain('# Execute achievement 1.2: Table Renderer');
      expect(prompt).toContain('Print the model as an aligned table.');
      expect(prompt).toContain('Snapshot tests of the table');
      expect(prompt).toContain('golden files for three plans');
      expect(prompt).toContain('There is no EXECUTION_TASK yet');
      expect(printed()).toContain('note: 1.2 has no EXECUTION_TASK yet');
    });

    it('prompt --achievement takes the latest attempt and the FIX feedback', async () => {
      await runNext(tree, { plan: 'DEMO', action: 'prompt', achievement: '1.3' }, runtime);
      const prompt = read(tree, `${DIR}/prompts/PROMPT_DEMO_13.md`);
      expect(prompt).toContain('Read YAML with a schema.');
      expect(prompt).toContain('Parsed JSON instead of YAML.');
      expect(prompt).toContain('The loader must accept YAML, not JSON.');
      expect(prompt).toContain('Status: failed, 1 execution attempt(s)');
    });

    it('prompt accepts the number nx g makes of --achievement=1.3', async () => {
      const result = await runNext(tree, { plan: 'DEMO', action: 'prompt', achievement: 1.3 }, runtime);
      expect(result.created).toEqual([`${DIR}/prompts/PROMPT_DEMO_13.md`]);
    });

    it('prompt never overwrites an existing prompt', async () => {
      tree.write(`${DIR}/prompts/PROMPT_DEMO_12.md`, 'mine\n');
      const result = await runNext(tree, { plan: 'DEMO', action: 'prompt' }, runtime);
      expect(result.created).toEqual([]);
      expect(result.skipped.map((s) => s.file)).toEqual([`${DIR}/prompts/PROMPT_DEMO_12.md`]);
      expect(read(tree, `${DIR}/prompts/PROMPT_DEMO_12.md`)).toBe('mine\n');
    });

    it('prompt refuses when prompts/ is a file, and writes nothing', async () => {
      tree.write(`${DIR}/prompts`, 'not a folder\n');
      const before = changedFiles();
      await expect(runNext(tree, { plan: 'DEMO', action: 'prompt' }, runtime)).rejects.toThrow(/prompts is a file/);
      expect(changedFiles()).toEqual(before);
    });

    it('prompt refuses an unknown or malformed achievement and writes nothing', async () => {
      const before = changedFiles();
      await expect(runNext(tree, { plan: 'DEMO', action: 'prompt', achievement: '9.9' }, runtime)).rejects.toThrow(
        /has no achievement 9\.9/,
      );
      await expect(runNext(tree, { plan: 'DEMO', action: 'prompt', achievement: '../1' }, runtime)).rejects.toThrow(
        /not an achievement id/,
      );
      expect(changedFiles()).toEqual(before);
    });

    it('fill-subplans lists unfinished SUBPLANs with their unfilled sections', async () => {
      const result = await runNext(tree, { plan: 'DEMO', action: 'fill-subplans' }, runtime);
      expect(result.created).toEqual([`${DIR}/prompts/PROMPT_DEMO_FILL_SUBPLANS.md`]);
      const prompt = read(tree, `${DIR}/prompts/PROMPT_DEMO_FILL_SUBPLANS.md`);
      // 1.2: "Approach" (line 7) holds the fill-in marker, "Risks" is empty (line 11).
      expect(prompt).toContain('## 1.2: Table Renderer');
      expect(prompt).toContain('- line 7: `Approach` (placeholder)');
      expect(prompt).toContain('- line 11: `Risks` (empty)');
      // 1.1 is approved (history), 1.3 and 2.2 are fully written.
      expect(prompt).not.toContain('## 1.1:');
      expect(prompt).not.toContain('## 1.3:');
      expect(prompt).not.toContain('## 2.2:');
    });

    it('fill-subplans writes nothing when every SUBPLAN is filled', async () => {
      tree.write(`${DIR}/subplans/SUBPLAN_DEMO_12.md`, '# SUBPLAN 1.2\n\n## Approach\n\nMeasure columns first.\n');
      const result = await runNext(tree, { plan: 'DEMO', action: 'fill-subplans' }, runtime);
      expect(result.created).toEqual([]);
      expect(printed()).toContain('Every SUBPLAN is filled in');
    });

    it('subplans runs batch-subplan on the next wave', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      try {
        await runNext(tree, { plan: 'DEMO', action: 'subplans', yes: true, skipFormat: true }, runtime);
      } finally {
        info.mockRestore();
      }
      // Ready without a SUBPLAN: only 1.4 (2.1 is blocked).
      expect(tree.exists(`${DIR}/subplans/SUBPLAN_DEMO_14.md`)).toBe(true);
      expect(tree.exists(`${DIR}/subplans/SUBPLAN_DEMO_21.md`)).toBe(false);
      expect(read(tree, `${DIR}/subplans/SUBPLAN_DEMO_12.md`)).toBe(SUBPLAN_12);
    });

    it('executions runs batch-execution: first attempt for 1.2, a new attempt for the failed 1.3', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      try {
        await runNext(tree, { plan: 'DEMO', action: 'executions', yes: true, skipFormat: true }, runtime);
      } finally {
        info.mockRestore();
      }
      expect(tree.exists(`${DIR}/execution/EXECUTION_TASK_DEMO_12_01.md`)).toBe(true);
      expect(tree.exists(`${DIR}/execution/EXECUTION_TASK_DEMO_13_02.md`)).toBe(true);
      // 2.2 already has its attempt and no FIX.
      expect(tree.exists(`${DIR}/execution/EXECUTION_TASK_DEMO_22_02.md`)).toBe(false);
    });

    it('prepare creates the missing SUBPLAN and the EXECUTION_TASKs of the ready achievements in one batch', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      try {
        await runNext(tree, { plan: 'DEMO', action: 'prepare', yes: true, skipFormat: true }, runtime);
      } finally {
        info.mockRestore();
      }
      // 1.4 had no SUBPLAN: both files; 1.2 gets attempt 01, the failed 1.3 attempt 02; 2.1 stays blocked.
      expect(tree.exists(`${DIR}/subplans/SUBPLAN_DEMO_14.md`)).toBe(true);
      expect(read(tree, `${DIR}/execution/EXECUTION_TASK_DEMO_14_01.md`)).toContain('Structured log lines.');
      expect(tree.exists(`${DIR}/execution/EXECUTION_TASK_DEMO_12_01.md`)).toBe(true);
      expect(tree.exists(`${DIR}/execution/EXECUTION_TASK_DEMO_13_02.md`)).toBe(true);
      expect(tree.exists(`${DIR}/subplans/SUBPLAN_DEMO_21.md`)).toBe(false);
    });

    it('the menu offers prepare with its one-command equivalent', async () => {
      await runNext(tree, { plan: 'DEMO' }, { ...runtime, io: NO_TTY });
      expect(printed()).toContain('7. Prepare the ready achievements in one step: missing SUBPLANs, then EXECUTION_TASKs');
      expect(printed()).toContain('npx nx g @nx-plan/plan:batch-execution --plan=DEMO --createSubplans');
    });

    it('refuses an unknown action', async () => {
      await expect(runNext(tree, { plan: 'DEMO', action: 'deploy' as never }, runtime)).rejects.toThrow(/unknown --action "deploy"/);
    });
  });
});
