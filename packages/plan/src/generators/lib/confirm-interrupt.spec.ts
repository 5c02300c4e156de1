/**
 * Ctrl+C at the y/N prompt, in a real generator process: the process exits
 * 130 before Nx would flush, so nothing is written and the plan lock is gone.
 * The child (testing/run-prompt-child.ts) asks on its stdin through readline
 * in terminal mode, so the byte \x03 written to the pipe is read exactly as a
 * Ctrl+C key press on a terminal.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PLAN_LOCK_FILE } from './plan-lock';
import { parallelJson, planMarkdown, type FixturePlan } from './testing/plan-fixtures';

const REPO_ROOT = resolve(__dirname, '../../../../..');
const CHILD = join(__dirname, 'testing/run-prompt-child.ts');

const PLAN: FixturePlan = {
  name: 'ASK',
  achievements: [
    { id: '1.1', title: 'First', goal: 'Goal one.' },
    { id: '1.2', title: 'Second', goal: 'Goal two.' },
  ],
};

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

jest.setTimeout(120_000);

describe('Ctrl+C at the confirmation prompt (real generator process)', () => {
  let root: string;
  const planDir = () => join(root, 'plans/ask');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-prompt-'));
    mkdirSync(planDir(), { recursive: true });
    writeFileSync(join(planDir(), 'PLAN_ASK.md'), planMarkdown(PLAN));
    writeFileSync(join(planDir(), 'parallel.json'), parallelJson(PLAN));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Starts the child, waits for the question, then lets `answer` act on it. */
  function runAndAnswer(answer: (child: ChildProcessWithoutNullStreams) => void): Promise<ChildResult> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, root, JSON.stringify({ plan: 'ASK', skipFormat: true })], {
        cwd: REPO_ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), NX_DAEMON: 'false' },
      });
      let stdout = '';
      let stderr = '';
      let answered = false;
      child.stdout.on('data', (d) => {
        stdout += d;
        if (!answered && stdout.includes('(y/N)')) {
          answered = true;
          answer(child);
        }
      });
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    });
  }

  const subplans = () => (existsSync(join(planDir(), 'subplans')) ? readdirSync(join(planDir(), 'subplans')) : []);

  it('Ctrl+C typed at the prompt exits 130, writes nothing and releases the plan lock', async () => {
    const result = await runAndAnswer((child) => child.stdin.write('\x03'));
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 130,
      stderr: 'batch-subplan cancelled at the prompt (Ctrl+C); nothing was written\n',
    });
    expect(result.stdout).toContain('Create 2 files? (y/N)');
    expect(subplans()).toEqual([]);
    expect(existsSync(join(planDir(), PLAN_LOCK_FILE))).toBe(false);
  });

  it('SIGINT sent to the process while it asks does the same', async () => {
    const result = await runAndAnswer((child) => child.kill('SIGINT'));
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
    expect(result.stderr).toContain('cancelled at the prompt (Ctrl+C); nothing was written');
    expect(subplans()).toEqual([]);
    expect(existsSync(join(planDir(), PLAN_LOCK_FILE))).toBe(false);
  });

  it('"y" at the same prompt creates the files and exits 0 (the prompt really gates the write)', async () => {
    const result = await runAndAnswer((child) => child.stdin.write('y\n'));
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(subplans().sort()).toEqual(['SUBPLAN_ASK_11.md', 'SUBPLAN_ASK_12.md']);
  });

  it('Enter (the default No) exits 0 and writes nothing', async () => {
    const result = await runAndAnswer((child) => child.stdin.write('\n'));
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('(not confirmed)');
    expect(subplans()).toEqual([]);
  });
});
