import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, processTree, signalTree } from './process-tree';

async function waitFor(condition: () => boolean, what: string, limitMs = 10000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

const describeUnix = process.platform === 'win32' ? describe.skip : describe;

describeUnix('process tree', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nx-plan-tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a grandchild of a shell and stops the whole tree with one call', async () => {
    const pidFile = join(dir, 'pid');
    // The shell runs node as a child (a compound command is never exec'ed).
    const script = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
    const shell = spawn(`${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)}; exit 0`, { shell: true, stdio: 'ignore' });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf-8') !== '', 'the grandchild to start');
    const grandchild = Number(readFileSync(pidFile, 'utf-8'));

    const tree = processTree(shell.pid as number);
    expect(tree[0]).toBe(shell.pid);
    expect(tree).toContain(grandchild);

    const closed = new Promise((done) => shell.on('close', done));
    signalTree(shell.pid as number, 'SIGTERM');
    await closed;
    await waitFor(() => !isRunning(grandchild), 'the grandchild to end');
    expect(isRunning(grandchild)).toBe(false);
  });

  it('treats pids that do not exist as not running', () => {
    expect(isRunning(-1)).toBe(false);
    expect(isRunning(0)).toBe(false);
    expect(isRunning(process.pid)).toBe(true);
  });
});
