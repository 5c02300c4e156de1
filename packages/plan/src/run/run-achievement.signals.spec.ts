/**
 * Ctrl+C / SIGTERM during an isolated run, through the real `nx-plan` bin in
 * a child process: during the agent the main tree stays exactly as it was
 * (the worktree is kept and recorded, the marker removed, exit 130); during
 * the merge the merge finishes before the run exits (fully merged, never
 * half). The next run recovers and lands.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTempRepo, writeFile, type TempRepo } from '../worktree/testing/temp-repo';

const repoRoot = resolve(__dirname, '../../../..');
const bin = join(repoRoot, 'packages/plan/bin/nx-plan.js');
const PLAN = 'plans/SIG';

async function waitFor(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

function sigRepo(): TempRepo {
  return createTempRepo({
    'nx.json': JSON.stringify({ plugins: [{ plugin: '@nx-plan/plan', options: {} }] }),
    '.gitignore': '.nx-plan/worktrees/\n**/execution/.in-progress/\n**/execution/.runs/\nstarted\nmerging\n',
    'slow-agent.js': `require('fs').writeFileSync('out.txt', 'agent work\\n'); require('fs').writeFileSync(process.env.STARTED_FILE, ''); setTimeout(() => {}, 60000);`,
    'quick-agent.js': `require('fs').writeFileSync('out.txt', 'agent work\\n');`,
    [`${PLAN}/PLAN_SIG.md`]: '# PLAN: SIG\n\n- **Achievement 1.1**: Only (1h)\n',
    [`${PLAN}/parallel.json`]: JSON.stringify({ plan_name: 'SIG', parallelization_level: 'level_1', achievements: [{ achievement_id: '1.1', title: 'Only', dependencies: [] }] }),
  });
}

function runBin(repo: TempRepo, agent: string, extra: string[] = []) {
  const child = spawn(process.execPath, [bin, 'run-achievement', `--plan=${PLAN}`, '--achievement=1.1', `--agentCommand=node ${agent}`, '--reviewCommand=true', ...extra], {
    cwd: repo.root,
    env: { ...process.env, STARTED_FILE: join(repo.root, 'started'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => output };
}

const describeUnix = process.platform === 'win32' ? describe.skip : describe;

describeUnix('isolated run on SIGINT', () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  it('during the agent: main tree unchanged, worktree kept and recorded, then the next run recovers and lands', async () => {
    repo = sigRepo();
    const head = repo.git('rev-parse', 'HEAD').trim();
    const run = runBin(repo, 'slow-agent.js');
    await waitFor(() => existsSync(join(repo.root, 'started')), 'the agent to start');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    expect(existsSync(join(repo.root, 'out.txt'))).toBe(false);
    expect(existsSync(join(repo.root, PLAN, 'execution/.in-progress/IN_PROGRESS_11.json'))).toBe(false);
    expect(JSON.parse(repo.read(`${PLAN}/execution/.runs/RUN_11.json`)).outcome).toBe('interrupted');
    expect(existsSync(join(repo.root, '.nx-plan/worktrees/sig/11/out.txt'))).toBe(true);

    const again = runBin(repo, 'quick-agent.js');
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('Reusing worktree .nx-plan/worktrees/sig/11');
    expect(repo.read('out.txt')).toBe('agent work\n');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    expect(existsSync(join(repo.root, PLAN, 'execution/.runs/RUN_11.json'))).toBe(false);
  }, 120_000);

  it('during the merge: the merge completes, then the run exits 130', async () => {
    repo = sigRepo();
    // A slow pre-merge-commit hook gives the test a window inside `git merge`.
    writeFile(repo.root, '.git/hooks/pre-merge-commit', `#!/bin/sh\ntouch "${join(repo.root, 'merging')}"\nsleep 2\n`);
    chmodSync(join(repo.root, '.git/hooks/pre-merge-commit'), 0o755);
    const run = runBin(repo, 'quick-agent.js');
    await waitFor(() => existsSync(join(repo.root, 'merging')), 'the merge to start');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toContain('interrupted by SIGINT after the merge step finished');
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('nx-plan: merge SIG 1.1 Only');
    expect(existsSync(join(repo.root, '.git/MERGE_HEAD'))).toBe(false);
    expect(readFileSync(join(repo.root, 'out.txt'), 'utf8')).toBe('agent work\n');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
  }, 120_000);
});
