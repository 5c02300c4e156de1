import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskLogger } from '../lib/task-logger';
import { isRunning } from '../../run/lib/process-tree';
import { runAchievementExecutor } from './run-achievement';
import {
  createTempWorkspace,
  DEMO_PLAN_DIR,
  executorContext,
  RECORDING_AGENT,
  writeDemoPlan,
  type TempWorkspace,
} from './testing/run-fixtures';

interface Recorded {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  marker: string | null;
  color: { NO_COLOR: string | null; FORCE_COLOR: string | null };
}

// Real agent processes and the batch generators; a loaded CI machine needs more than jest's 5 s.
jest.setTimeout(30_000);

const MARKER_12 = `${DEMO_PLAN_DIR}/execution/.in-progress/IN_PROGRESS_12.json`;

describe('run-achievement executor', () => {
  let ws: TempWorkspace;
  let messages: { level: string; text: string }[];
  let recordFile: string;
  const savedEnv = { ...process.env };

  beforeEach(() => {
    ws = createTempWorkspace();
    writeDemoPlan(ws);
    ws.write('agent.js', RECORDING_AGENT);
    recordFile = join(ws.root, 'record.json');
    process.env.RECORD_FILE = recordFile;
    process.env.MARKER_FILE = join(ws.root, MARKER_12);
    messages = [];
    for (const level of ['info', 'warn', 'error'] as const) {
      jest.spyOn(taskLogger, level).mockImplementation((...args: unknown[]) => {
        const text = args[0];
        messages.push({ level, text: String(text) });
      });
    }
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
    ws.cleanup();
  });

  const text = (level?: string) =>
    messages
      .filter((m) => level === undefined || m.level === level)
      .map((m) => m.text)
      .join('\n');
  const recorded = (): Recorded => JSON.parse(readFileSync(recordFile, 'utf-8'));
  const run = (achievement: string, extra: Record<string, unknown> = {}, context = executorContext(ws.root)) =>
    runAchievementExecutor({ plan: DEMO_PLAN_DIR, achievement, ...extra }, context);

  describe('status from files', () => {
    it('succeeds at once for a complete achievement, without needing a command', async () => {
      await expect(run('1.1')).resolves.toEqual({ success: true });
      expect(text('info')).toContain('Achievement 1.1 of DEMO is already complete');
      expect(existsSync(recordFile)).toBe(false);
    });

    it('succeeds at once for a skipped achievement, without running the command', async () => {
      await expect(run('1.3', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      expect(text('info')).toContain('already skipped');
      expect(existsSync(recordFile)).toBe(false);
    });

    const approve12 = () => ws.write(`${DEMO_PLAN_DIR}/execution/feedbacks/APPROVED_12.md`, '# APPROVED 1.2\n');

    it('with prepare off, fails naming the missing SUBPLAN and the command that creates it', async () => {
      approve12();
      await expect(run('2.2', { agentCommand: 'node agent.js', prepare: false })).resolves.toEqual({ success: false });
      const error = text('error');
      expect(error).toContain('achievement 2.2 of DEMO has no SUBPLAN and option "prepare" is off');
      expect(error).toContain('npx nx g @nx-plan/plan:batch-subplan --plan=DEMO --achievements=2.2');
      expect(existsSync(recordFile)).toBe(false);
    });

    it('with prepare off, fails naming the missing EXECUTION_TASK and the command that creates it', async () => {
      approve12();
      await expect(run('2.1', { agentCommand: 'node agent.js', prepare: false })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('npx nx g @nx-plan/plan:batch-execution --plan=DEMO --achievements=2.1');
    });

    it('prepares the missing SUBPLAN and EXECUTION_TASK with the batch generators, then runs the agent on them', async () => {
      approve12();
      await expect(run('2.2', { agentCommand: 'node agent.js {subplanFile} {executionFile}' })).resolves.toEqual({ success: true });
      const subplan = join(ws.root, DEMO_PLAN_DIR, 'subplans/SUBPLAN_DEMO_22.md');
      const execution = join(ws.root, DEMO_PLAN_DIR, 'execution/EXECUTION_TASK_DEMO_22_01.md');
      expect(readFileSync(subplan, 'utf-8')).toContain('Export Added');
      expect(readFileSync(execution, 'utf-8')).toContain('2.2');
      expect(recorded().argv).toEqual(['plans/DEMO/subplans/SUBPLAN_DEMO_22.md', 'plans/DEMO/execution/EXECUTION_TASK_DEMO_22_01.md']);
      // the agent finished and nobody reviewed yet
      expect(existsSync(join(ws.root, DEMO_PLAN_DIR, 'execution/AWAITING_REVIEW_22_01.md'))).toBe(true);
    });

    it('refuses to prepare over a SUBPLAN path that is a directory', async () => {
      approve12();
      mkdirSync(join(ws.root, DEMO_PLAN_DIR, 'subplans', 'SUBPLAN_DEMO_22.md'));
      await expect(run('2.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('SUBPLAN_DEMO_22.md');
      expect(existsSync(recordFile)).toBe(false);
    });

    it('does not start an achievement whose dependencies are not approved, and says why', async () => {
      await expect(run('2.1', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      expect(text('info')).toContain('Achievement 2.1 of DEMO not started: it waits for 1.2 (execution_created)');
      expect(existsSync(recordFile)).toBe(false);
    });

    it('does not rerun an achievement that awaits review unless --rerun', async () => {
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      expect(existsSync(join(ws.root, DEMO_PLAN_DIR, 'execution/AWAITING_REVIEW_12_02.md'))).toBe(true);
      writeFileSync(recordFile, 'untouched');
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      expect(text('info')).toContain('awaits review of its last agent run; not run again');
      expect(readFileSync(recordFile, 'utf-8')).toBe('untouched');
      await expect(run('1.2', { agentCommand: 'node agent.js', rerun: true })).resolves.toEqual({ success: true });
      expect(recorded().argv).toEqual([]);
    });

    it('runs the review command: approved on exit 0', async () => {
      await expect(run('1.2', { agentCommand: 'node agent.js', reviewCommand: 'echo looks good' })).resolves.toEqual({ success: true });
      const approved = readFileSync(join(ws.root, DEMO_PLAN_DIR, 'execution/feedbacks/APPROVED_12.md'), 'utf-8');
      expect(approved).toContain('looks good');
      expect(approved).toContain('Attempt: 2');
    });

    it('runs the review loop: FIX, a new attempt with the feedback, and failure after maxAttempts', async () => {
      await expect(
        run('1.2', { agentCommand: 'node agent.js', reviewCommand: 'echo "needs tests"; exit 1', maxAttempts: 2 }),
      ).resolves.toEqual({ success: false });
      const dir = join(ws.root, DEMO_PLAN_DIR);
      expect(readFileSync(join(dir, 'execution/feedbacks/FIX_12_02.md'), 'utf-8')).toContain('needs tests');
      expect(readFileSync(join(dir, 'execution/feedbacks/FIX_12_03.md'), 'utf-8')).toContain('needs tests');
      expect(existsSync(join(dir, 'execution/EXECUTION_TASK_DEMO_12_03.md'))).toBe(true);
      expect(recorded().env.NX_PLAN_ATTEMPT).toBe('3');
      expect(recorded().env.NX_PLAN_FIX_FILE).toBe('plans/DEMO/execution/feedbacks/FIX_12_02.md');
      expect(text('error')).toContain('the review asked for changes 2 time(s)');
    });

    it('fails at once for an achievement only in the PLAN, with the located PLAN013 diagnostic and the fix', async () => {
      const planFile = join(ws.root, DEMO_PLAN_DIR, 'PLAN_DEMO.md');
      writeFileSync(planFile, readFileSync(planFile, 'utf-8').replace('**Achievement 2.2**', '**Achievement 2.3**: Only In The Plan (1h)\n**Achievement 2.2**'));
      await expect(run('2.3', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      const error = text('error');
      expect(error).toMatch(/PLAN_DEMO\.md:\d+:\d+ +warning +PLAN013 +achievement 2\.3/);
      expect(error).toContain('achievement 2.3 is in the PLAN of DEMO but not in its dependency tree');
      expect(error).toContain('Add it to parallel.json');
      expect(existsSync(recordFile)).toBe(false);
    });

    it('fails for an id the plan does not have, listing the ids it has', async () => {
      await expect(run('7.7', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('has no achievement 7.7; it has 1.1, 1.2, 1.3, 2.1, 2.2');
    });

    it('refuses to run on a plan with errors and prints them located', async () => {
      const file = join(ws.root, DEMO_PLAN_DIR, 'parallel.json');
      const json = JSON.parse(readFileSync(file, 'utf-8'));
      json.achievements[3].dependencies = ['1.2', '9.9'];
      writeFileSync(file, JSON.stringify(json, null, 2));
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('PLAN004');
      expect(text('error')).toContain('npx nx run plan-demo:validate');
      expect(existsSync(recordFile)).toBe(false);
    });
  });

  describe('agent command', () => {
    it('fails saying where to configure agentCommand when none is set', async () => {
      await expect(run('1.2')).resolves.toEqual({ success: false });
      const error = text('error');
      expect(error).toContain('no agent command configured for achievement 1.2 of DEMO');
      expect(error).toContain('"agentCommand" in the @nx-plan/plan plugin options in nx.json');
      expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    });

    it('runs the command in the workspace root with placeholders, env vars and the marker held', async () => {
      const command = 'node agent.js {plan} {planDir} {achievement} {subplanFile} {executionFile} {workspaceRoot}';
      await expect(run('1.2', { agentCommand: command, env: { EXTRA_FLAG: 'on' } })).resolves.toEqual({ success: true });
      const r = recorded();
      expect(r.argv).toEqual([
        'DEMO',
        'plans/DEMO',
        '1.2',
        'plans/DEMO/subplans/SUBPLAN_DEMO_12.md',
        'plans/DEMO/execution/EXECUTION_TASK_DEMO_12_02.md',
        ws.root,
      ]);
      expect(r.env).toEqual({
        NX_PLAN_NAME: 'DEMO',
        NX_PLAN_DIR: 'plans/DEMO',
        NX_PLAN_ACHIEVEMENT: '1.2',
        NX_PLAN_SUBPLAN_FILE: 'plans/DEMO/subplans/SUBPLAN_DEMO_12.md',
        NX_PLAN_EXECUTION_FILE: 'plans/DEMO/execution/EXECUTION_TASK_DEMO_12_02.md',
        NX_PLAN_WORKSPACE_ROOT: ws.root,
        NX_PLAN_MAIN_WORKSPACE_ROOT: ws.root,
        NX_PLAN_ATTEMPT: '2',
        EXTRA_FLAG: 'on',
      });
      expect(realpathSync(r.cwd)).toBe(realpathSync(ws.root));
      // The marker existed while the command ran, and is gone afterwards.
      expect(r.marker).not.toBeNull();
      expect(JSON.parse(r.marker as string)).toMatchObject({ pid: process.pid, achievement: '1.2' });
      expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    });

    it('takes the command from the plugin options in nx.json', async () => {
      const context = executorContext(ws.root, {
        nxJsonConfiguration: { plugins: [{ plugin: '@nx-plan/plan', options: { agentCommand: 'node agent.js from-nx-json {achievement}' } }] },
      });
      await expect(run('1.2', {}, context)).resolves.toEqual({ success: true });
      expect(recorded().argv).toEqual(['from-nx-json', '1.2']);
    });

    it('prefers the target option over nx.json', async () => {
      const context = executorContext(ws.root, {
        nxJsonConfiguration: { plugins: [{ plugin: '@nx-plan/plan', options: { agentCommand: 'node agent.js from-nx-json' } }] },
      });
      await expect(run('1.2', { agentCommand: 'node agent.js from-target' }, context)).resolves.toEqual({ success: true });
      expect(recorded().argv).toEqual(['from-target']);
    });

    it('quotes paths with spaces and quotes so the agent receives them intact', async () => {
      const dir = "plans/it's a plan";
      writeDemoPlan(ws, dir);
      await expect(
        runAchievementExecutor(
          { plan: dir, achievement: '1.2', agentCommand: 'node agent.js {planDir} "{executionFile}"' },
          executorContext(ws.root),
        ),
      ).resolves.toEqual({ success: true });
      expect(recorded().argv).toEqual([dir, `${dir}/execution/EXECUTION_TASK_DEMO_12_02.md`]);
    });

    it('fails with the exit code when the command fails, and removes the marker', async () => {
      process.env.EXIT_CODE = '3';
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toMatch(/agent command for achievement 1\.2 exited with code 3 after \d+\.\d s: node agent\.js/);
      expect(recorded().marker).not.toBeNull();
      expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    });

    it('stops the command after the timeout, including processes the shell started', async () => {
      const pidFile = join(ws.root, 'sleeper.pid');
      ws.write(
        'sleeper.js',
        `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`,
      );
      // `; exit 0` keeps the shell as the parent of node, as compound commands do.
      // 3 s leaves time for node to start and write its pid even on a loaded machine.
      await expect(run('1.2', { agentCommand: 'node sleeper.js; exit 0', timeout: 3 })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('timed out after 3.0 s and was stopped');
      const pid = Number(readFileSync(pidFile, 'utf-8'));
      // ended (a zombie waiting for init to reap it counts as ended)
      expect(isRunning(pid)).toBe(false);
      expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    });

    it("drops Nx's FORCE_COLOR for the agent when the user set NO_COLOR (Node would warn otherwise)", async () => {
      process.env.NO_COLOR = '1';
      process.env.FORCE_COLOR = '2';
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      expect(recorded().color).toEqual({ NO_COLOR: '1', FORCE_COLOR: null });
    });

    it('passes the FIX feedback to a failed achievement and warns', async () => {
      ws.write(`${DEMO_PLAN_DIR}/execution/feedbacks/FIX_12.md`, '# FIX 1.2\n');
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      // FIX_12.md judged attempt 1; attempt 2 is the answer to it and runs with the feedback.
      expect(recorded().env.NX_PLAN_FIX_FILE).toBe('plans/DEMO/execution/feedbacks/FIX_12.md');
      expect(recorded().env.NX_PLAN_ATTEMPT).toBe('2');
    });
  });

  describe('in_progress marker', () => {
    it('refuses while another live process holds the marker, and keeps that marker', async () => {
      const held = JSON.stringify({ pid: process.pid, startedAt: '2026-01-01T00:00:00.000Z', achievement: '1.2' });
      ws.write(MARKER_12, held);
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toContain(`already in progress (pid ${process.pid}, since 2026-01-01T00:00:00.000Z)`);
      expect(text('error')).toContain(`delete ${MARKER_12}`);
      expect(readFileSync(join(ws.root, MARKER_12), 'utf-8')).toBe(held);
      expect(existsSync(recordFile)).toBe(false);
    });

    it('replaces a stale marker with a warning, then runs', async () => {
      const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf-8' }).stdout);
      ws.write(MARKER_12, JSON.stringify({ pid: dead, startedAt: '2025-01-01T00:00:00.000Z', achievement: '1.2' }));
      await expect(run('1.2', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: true });
      expect(text('warn')).toContain(`Replaced a stale in_progress marker for 1.2 (pid ${dead} from 2025-01-01T00:00:00.000Z is no longer running)`);
      expect(JSON.parse(recorded().marker as string).pid).toBe(process.pid);
      expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    });
  });

  describe('bad options', () => {
    it.each([
      ['../../x', 'is outside the workspace'],
      ['/etc', 'is outside the workspace'],
      ['', 'option "plan" is missing'],
    ])('refuses plan folder %j', async (plan, message) => {
      await expect(
        runAchievementExecutor({ plan, achievement: '1.2', agentCommand: 'node agent.js' }, executorContext(ws.root)),
      ).resolves.toEqual({ success: false });
      expect(text('error')).toContain(message);
    });

    it.each(['1/2', '../1.2', '1.2/..', 'one.two'])('refuses achievement id %j', async (achievement) => {
      await expect(run(achievement, { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('is not of the form <priority>.<number>');
    });

    it('says which option is missing when there is no achievement id', async () => {
      await expect(run('', { agentCommand: 'node agent.js' })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('option "achievement" is missing');
    });

    it('fails clearly for a plan folder without a PLAN', async () => {
      mkdirSync(join(ws.root, 'plans/EMPTY'), { recursive: true });
      await expect(
        runAchievementExecutor({ plan: 'plans/EMPTY', achievement: '1.1', agentCommand: 'node agent.js' }, executorContext(ws.root)),
      ).resolves.toEqual({ success: false });
      expect(text('error')).toContain('PLAN020');
    });

    it('rejects a negative timeout', async () => {
      await expect(run('1.2', { agentCommand: 'node agent.js', timeout: -1 })).resolves.toEqual({ success: false });
      expect(text('error')).toContain('option "timeout" must be a number of seconds >= 0');
    });
  });
});
