/**
 * End-to-end: real agents side by side. A brand-new git-initialised Nx
 * workspace with the packed packages; every achievement target is an
 * nx:run-commands target calling `nx-plan run-achievement`, each agent works
 * in its own git worktree and its result is merged back.
 *
 * - ISO: three independent achievements editing different files, one that
 *   depends on two of them and reads their results, two of the same wave
 *   editing the same line (exactly one must fail on the conflict).
 * - REV: a review that asks for fixes once (FIX, attempt 2, APPROVED) and one
 *   that always asks (failed after maxAttempts, dependents not run).
 * - AWAIT: no review command: the wave waits for review, a later execute
 *   continues once APPROVED files are written; --rerun runs again.
 * - SLOW: Ctrl+C on `nx run …:execute` stops the agent's process tree and
 *   leaves no marker, and the main tree unchanged.
 *
 * E2E_KEEP=1 keeps the workspace when a test failed.
 */
import { FailureTracker } from './utils/failure-tracker';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildAndPack } from './utils/build-and-pack';
import { createWorkspace, removeWorkspace } from './utils/create-workspace';
import { nxEnv } from './utils/nx-env';
import { runCommand, describeResult, type CommandResult } from './utils/run-command';
import { runNx } from './utils/run-nx';

jest.setTimeout(600_000);

const KEEP = process.env.E2E_KEEP === '1';
let ws = '';
const agentLog = () => join(ws, '..', `${ws.split('/').pop()}-agents.log`);

const failures = new FailureTracker(() => `e2e workspace: ${ws}`);
const tracked = failures.tracked;

function write(relative: string, content: string): void {
  mkdirSync(dirname(join(ws, relative)), { recursive: true });
  writeFileSync(join(ws, relative), content);
}
const read = (relative: string) => readFileSync(join(ws, relative), 'utf8');

async function git(...args: string[]): Promise<string> {
  const result = await runCommand('git', args, { cwd: ws });
  if (result.code !== 0) throw new Error(describeResult(result));
  return result.stdout;
}

const nx = (args: string | readonly string[], env: NodeJS.ProcessEnv = {}) => runNx(ws, args, { env: { AGENT_LOG: agentLog(), ...env }, timeoutMs: 400_000 });

function plan(name: string, achievements: Array<[id: string, title: string, deps: string[]]>): void {
  const lines = [`# PLAN: ${name}`, '', ...achievements.map(([id, title]) => `- **Achievement ${id}**: ${title} (1h)`), ''];
  write(`plans/${name}/PLAN_${name}.md`, lines.join('\n'));
  write(
    `plans/${name}/parallel.json`,
    JSON.stringify(
      {
        plan_name: name,
        parallelization_level: 'level_3',
        achievements: achievements.map(([id, title, deps]) => ({ achievement_id: id, title, dependencies: deps })),
      },
      null,
      2,
    ),
  );
}

interface AgentRun {
  plan: string;
  id: string;
  start: number;
  end: number;
  cwd: string;
  attempt: string;
}
function agentRuns(planName?: string): AgentRun[] {
  if (!existsSync(agentLog())) return [];
  return readFileSync(agentLog(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AgentRun)
    .filter((r) => planName === undefined || r.plan === planName);
}

async function statusOf(planProject: string): Promise<Record<string, string>> {
  const file = join(ws, '..', `${ws.split('/').pop()}-${planProject}.json`);
  const result = await nx(['run', `${planProject}:status`, '--format=json', `--outputFile=${file}`]);
  if (result.code !== 0) throw new Error(describeResult(result));
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { plans: Array<{ achievements: Array<{ id: string; status: string }> }> };
  return Object.fromEntries(doc.plans[0].achievements.map((a) => [a.id, a.status]));
}

const mergeSubjects = async () => (await git('log', '--format=%s')).split('\n').filter((s) => s.startsWith('nx-plan: merge '));

beforeAll(async () => {
  const packed = await buildAndPack();
  const created = await createWorkspace(packed, { keepOnFailure: KEEP });
  ws = created.root;
  if (created.add.code !== 0) throw new Error(`nx add failed:\n${describeResult(created.add)}`);
  // The agent: edits its files, sleeps so that agents of one wave overlap, logs start/end (outside the repo).
  write(
    'agent.mjs',
    `import fs from 'node:fs';
const [id] = process.argv.slice(2);
const start = Date.now();
const plan = process.env.NX_PLAN_NAME;
const edits = { ISO: { '1.1': 'a.txt', '1.2': 'b.txt', '1.3': 'c.txt', '1.4': 'shared.txt', '1.5': 'shared.txt' } };
const file = (edits[plan] || {})[id] || ('out-' + plan + '-' + id + '.txt');
fs.writeFileSync(file, 'line from ' + id + '\\n');
if (plan === 'ISO' && id === '2.1') fs.writeFileSync('d.txt', fs.readFileSync('a.txt', 'utf8') + fs.readFileSync('b.txt', 'utf8'));
fs.appendFileSync(process.env.NX_PLAN_EXECUTION_FILE, '\\nAgent notes for ' + id + '\\n');
await new Promise((r) => setTimeout(r, Number(process.env.AGENT_SLEEP_MS || 1500)));
fs.appendFileSync(process.env.AGENT_LOG, JSON.stringify({ plan, id, start, end: Date.now(), cwd: process.cwd(), attempt: process.env.NX_PLAN_ATTEMPT }) + '\\n');
`,
  );
  // REV's review: 1.1 asks for fixes on attempt 1 only, 1.2 always asks.
  write(
    'review.mjs',
    `const [id, attempt] = process.argv.slice(2);
if (process.env.NX_PLAN_NAME === 'REV' && (id === '1.2' || (id === '1.1' && attempt === '1'))) { console.log('Please add tests for ' + id); process.exit(1); }
console.log('Looks good: ' + id);
`,
  );
  write('shared.txt', 'original line\n');
  write(
    'sleeper.mjs',
    `import fs from 'node:fs';
fs.writeFileSync(process.env.PID_FILE, String(process.pid));
setInterval(() => {}, 1000);
`,
  );
  plan('ISO', [
    ['1.1', 'Edit A', []],
    ['1.2', 'Edit B', []],
    ['1.3', 'Edit C', []],
    ['1.4', 'Shared Line One', []],
    ['1.5', 'Shared Line Two', []],
    ['2.1', 'Combine A and B', ['1.1', '1.2']],
  ]);
  plan('REV', [
    ['1.1', 'Fixed Once', []],
    ['1.2', 'Never Good', []],
    ['2.1', 'After Never Good', ['1.2']],
  ]);
  plan('AWAIT', [
    ['1.1', 'First', []],
    ['1.2', 'Second', []],
    ['2.1', 'Third', ['1.1']],
  ]);
  plan('SLOW', [['1.1', 'Sleeps', []]]);
  const nxJson = JSON.parse(read('nx.json'));
  const entry = nxJson.plugins.find((p: unknown) => typeof p === 'object' && (p as { plugin: string }).plugin === '@nx-plan/plan');
  entry.options = { ...(entry.options ?? {}), agentCommand: 'node agent.mjs {achievement}' };
  write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
  await git('add', '-A');
  await git('-c', 'user.name=E2E', '-c', 'user.email=e2e@example.com', 'commit', '-q', '-m', 'workspace with plans');
  await git('config', 'user.name', 'E2E');
  await git('config', 'user.email', 'e2e@example.com');
}, 600_000);

afterAll(() => {
  if (!ws) return;
  if (failures.failed && KEEP) {
    console.log(`e2e workspace kept: ${ws}`);
    return;
  }
  removeWorkspace(ws);
  rmSync(agentLog(), { force: true });
});

describe('isolated parallel runs (worktree per achievement)', () => {
  it(
    'init ignores the worktrees and run records',
    tracked(async () => {
      const ignore = read('.gitignore');
      expect(ignore).toContain('.nx-plan/worktrees/');
      expect(ignore).toContain('**/execution/.runs/');
      expect((await git('status', '--porcelain')).trim()).toBe('');
    }),
  );

  it(
    'execute --parallel=3: merged results, dependents see their dependencies, exactly one of a conflicting pair fails',
    tracked(async () => {
      const before = await nx('show projects');
      expect(before.code).toBe(0);
      // `nx show projects` while the agents work in their worktrees
      const running = nx(['run', 'plan-iso:execute', '--parallel=3', '--reviewCommand=node review.mjs {achievement} {attempt}']);
      const deadline = Date.now() + 120_000;
      while (!existsSync(join(ws, '.nx-plan/worktrees/iso')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const during = await nx('show projects');
      const result: CommandResult = await running;
      const after = await nx('show projects');
      const projects = (r: CommandResult) => r.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
      expect(projects(during)).toEqual(projects(before));
      expect(projects(after)).toEqual(projects(before));

      expect(result.code).not.toBe(0);
      const merges = await mergeSubjects();
      const missing = ['1.1', '1.2', '1.3', '2.1'].filter((id) => !merges.some((s) => s.startsWith(`nx-plan: merge ISO ${id} `)));
      if (missing.length > 0) throw new Error(`not merged: ${missing.join(', ')}\n${result.output}`);
      expect(read('a.txt')).toBe('line from 1.1\n');
      expect(read('d.txt')).toBe('line from 1.1\nline from 1.2\n');
      // one of 1.4 / 1.5 merged, the other failed on shared.txt with its edit kept on its branch
      const pair = ['1.4', '1.5'].filter((id) => merges.some((s) => s.startsWith(`nx-plan: merge ISO ${id} `)));
      expect(pair).toHaveLength(1);
      const loser = pair[0] === '1.4' ? '1.5' : '1.4';
      expect(result.output).toContain('conflicts in shared.txt');
      expect(await git('show', `nx-plan/iso/${loser.replace('.', '')}:shared.txt`)).toBe(`line from ${loser}\n`);
      expect(read('shared.txt')).toBe(`line from ${pair[0]}\n`);
      // nothing left half-done
      expect((await git('status', '--porcelain')).trim()).toBe('');
      const worktrees = (await git('worktree', 'list', '--porcelain')).split('\n').filter((l) => l.startsWith('worktree '));
      expect(worktrees).toHaveLength(2);
      expect(worktrees[1]).toContain(`.nx-plan/worktrees/iso/${loser.replace('.', '')}`);
      // agents of the first wave overlapped in time, each in its own worktree
      const runs = agentRuns('ISO').filter((r) => r.id !== '2.1');
      const overlapping = runs.some((a) => runs.some((b) => a !== b && a.start < b.end && b.start < a.end));
      expect(overlapping).toBe(true);
      expect(new Set(runs.map((r) => r.cwd)).size).toBe(runs.length);
      const twoOne = agentRuns('ISO').find((r) => r.id === '2.1')!;
      expect(twoOne.start).toBeGreaterThanOrEqual(Math.max(...runs.filter((r) => ['1.1', '1.2'].includes(r.id)).map((r) => r.end)));

      const status = await statusOf('plan-iso');
      expect(status).toMatchObject({ '1.1': 'complete', '1.2': 'complete', '1.3': 'complete', '2.1': 'complete', [pair[0]]: 'complete' });
      const validate = await nx('run plan-iso:validate --skip-nx-cache');
      expect(validate.output).toContain('PLAN035');
    }),
  );

  it(
    'review loop: fixes asked once → FIX, attempt 2, APPROVED; always asked → failed after maxAttempts, dependents not run',
    tracked(async () => {
      const result = await nx(['run', 'plan-rev:execute', '--parallel=2', '--reviewCommand=node review.mjs {achievement} {attempt}', '--maxAttempts=2']);
      expect(result.code).not.toBe(0);
      const dir = 'plans/REV/execution';
      expect(read(`${dir}/feedbacks/FIX_11.md`)).toContain('Please add tests for 1.1');
      expect(existsSync(join(ws, dir, 'EXECUTION_TASK_REV_11_02.md'))).toBe(true);
      expect(read(`${dir}/feedbacks/APPROVED_11.md`)).toContain('Looks good: 1.1');
      expect(agentRuns('REV').filter((r) => r.id === '2.1')).toHaveLength(0);
      expect(await git('show', 'nx-plan/rev/12:out-REV-1.2.txt')).toBe('line from 1.2\n');
      const status = await statusOf('plan-rev');
      expect(status).toMatchObject({ '1.1': 'complete', '1.2': 'failed' });
      expect(status['2.1']).not.toBe('complete');
    }),
  );

  it(
    'without a review: the wave awaits review, dependents wait; APPROVED files let a second execute continue; --rerun reruns',
    tracked(async () => {
      const first = await nx(['run', 'plan-await:execute', '--parallel=3']);
      expect(first.code).toBe(0);
      expect(first.output).toContain('Achievement 2.1 of AWAIT not started: it waits for 1.1 (awaiting_review)');
      expect(await statusOf('plan-await')).toMatchObject({ '1.1': 'awaiting_review', '1.2': 'awaiting_review', '2.1': 'not_started' });
      write('plans/AWAIT/execution/feedbacks/APPROVED_11.md', '# Approved by a person\n');
      const second = await nx(['run', 'plan-await:execute', '--parallel=3']);
      expect(second.code).toBe(0);
      expect(agentRuns('AWAIT').filter((r) => r.id === '1.2')).toHaveLength(1);
      expect(agentRuns('AWAIT').filter((r) => r.id === '2.1')).toHaveLength(1);
      expect(await statusOf('plan-await')).toMatchObject({ '1.1': 'complete', '1.2': 'awaiting_review', '2.1': 'awaiting_review' });
      const rerun = await nx(['run', 'plan-await:execute', '--parallel=3', '--rerun']);
      expect(rerun.code).toBe(0);
      expect(agentRuns('AWAIT').filter((r) => r.id === '1.2')).toHaveLength(2);
    }),
  );

  it(
    'Ctrl+C on execute stops the agent and its process tree, removes the marker, leaves the main tree unchanged',
    tracked(async () => {
      const pidFile = join(ws, '..', `${ws.split('/').pop()}-sleeper.pid`);
      const head = (await git('rev-parse', 'HEAD')).trim();
      const child = spawn(join(ws, 'node_modules/.bin/nx'), ['run', 'plan-slow:execute', '--agentCommand=node sleeper.mjs'], {
        cwd: ws,
        env: nxEnv({ PID_FILE: pidFile }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const deadline = Date.now() + 120_000;
      while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(pidFile)).toBe(true);
      const pid = Number(readFileSync(pidFile, 'utf8'));
      child.kill('SIGINT');
      const code = await exited;
      expect(code).not.toBe(0);
      const gone = Date.now() + 15_000;
      const alive = () => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      while (alive() && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
      expect(alive()).toBe(false);
      const markers = join(ws, 'plans/SLOW/execution/.in-progress');
      expect(existsSync(markers) ? readdirSync(markers) : []).toEqual([]);
      expect((await git('rev-parse', 'HEAD')).trim()).toBe(head);
      // (the APPROVED file written by hand for AWAIT above is the only uncommitted file)
      expect((await git('status', '--porcelain', '--', '.', ':!plans/AWAIT')).trim()).toBe('');
      rmSync(pidFile, { force: true });
      void output;
    }),
  );
});
