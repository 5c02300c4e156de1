/**
 * SIGINT/SIGTERM while the agent runs: the executor runs in a child Node process
 * (as under `nx run`), gets the signal, stops the agent and everything it
 * started, removes the in_progress marker and exits with 128 + signal number.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isRunning } from '../../run/lib/process-tree';
import { createTempWorkspace, DEMO_PLAN_DIR, writeDemoPlan, type TempWorkspace } from './testing/run-fixtures';

const repoRoot = resolve(__dirname, '../../../../..');
const MARKER_12 = `${DEMO_PLAN_DIR}/execution/.in-progress/IN_PROGRESS_12.json`;

async function waitFor(condition: () => boolean, what: string, limitMs = 30000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

const describeUnix = process.platform === 'win32' ? describe.skip : describe;

describeUnix('run-achievement on SIGINT/SIGTERM', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-signal-');
    writeDemoPlan(ws);
  });
  afterEach(() => ws.cleanup());

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('on %s stops the agent, removes the marker and exits %d', async (signal, expectedCode) => {
    const pidFile = join(ws.root, 'agent.pid');
    ws.write(
      'sleeper.js',
      `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`,
    );
    const driver = ws.write(
      'driver.ts',
      [
        `import { runAchievementExecutor } from ${JSON.stringify(join(__dirname, 'run-achievement'))};`,
        `runAchievementExecutor(`,
        `  { plan: ${JSON.stringify(DEMO_PLAN_DIR)}, achievement: '1.2', agentCommand: 'node sleeper.js; exit 0' },`,
        `  { root: ${JSON.stringify(ws.root)}, cwd: ${JSON.stringify(ws.root)}, isVerbose: false,`,
        `    projectGraph: { nodes: {}, dependencies: {} }, projectsConfigurations: { projects: {}, version: 2 }, nxJsonConfiguration: {} },`,
        `).then((r) => { process.exitCode = r.success ? 0 : 1; });`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['-r', '@swc-node/register', driver], {
      cwd: repoRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));

    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf-8') !== '', 'the agent to start');
    const agentPid = Number(readFileSync(pidFile, 'utf-8'));
    expect(JSON.parse(readFileSync(join(ws.root, MARKER_12), 'utf-8'))).toMatchObject({ pid: child.pid, achievement: '1.2' });

    child.kill(signal);
    const code = await exited;

    expect(code).toBe(expectedCode);
    expect(output).toContain(`agent command for achievement 1.2 was interrupted by ${signal}`);
    expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    await waitFor(() => !isRunning(agentPid), 'the agent to end', 10000);
    expect(isRunning(agentPid)).toBe(false);
  }, 60000);

  it('when something else ends the process (process.exit from another handler), the agent and the marker go too', async () => {
    const pidFile = join(ws.root, 'agent.pid');
    ws.write(
      'sleeper.js',
      `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`,
    );
    const driver = ws.write(
      'driver.ts',
      [
        `import { existsSync, readFileSync } from 'node:fs';`,
        `import { runAchievementExecutor } from ${JSON.stringify(join(__dirname, 'run-achievement'))};`,
        `void runAchievementExecutor(`,
        `  { plan: ${JSON.stringify(DEMO_PLAN_DIR)}, achievement: '1.2', agentCommand: 'node sleeper.js; exit 0' },`,
        `  { root: ${JSON.stringify(ws.root)}, cwd: ${JSON.stringify(ws.root)}, isVerbose: false,`,
        `    projectGraph: { nodes: {}, dependencies: {} }, projectsConfigurations: { projects: {}, version: 2 }, nxJsonConfiguration: {} },`,
        `);`,
        `const poll = setInterval(() => {`,
        `  if (existsSync(${JSON.stringify(pidFile)}) && readFileSync(${JSON.stringify(pidFile)}, 'utf-8') !== '') { clearInterval(poll); process.exit(5); }`,
        `}, 20);`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['-r', '@swc-node/register', driver], {
      cwd: repoRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json') },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(5);
    const agentPid = Number(readFileSync(pidFile, 'utf-8'));
    expect(existsSync(join(ws.root, MARKER_12))).toBe(false);
    await waitFor(() => !isRunning(agentPid), 'the agent to end', 10000);
    expect(isRunning(agentPid)).toBe(false);
  }, 60000);
});
