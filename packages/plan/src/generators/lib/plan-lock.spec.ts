import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BatchRefusal } from './batch-refusal';
import { acquirePlanLock, PLAN_LOCK_FILE } from './plan-lock';
import { parallelJson, planMarkdown, type FixturePlan } from './testing/plan-fixtures';

const REPO_ROOT = resolve(__dirname, '../../../../..');

describe('acquirePlanLock', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-lock-'));
    mkdirSync(join(root, 'plans/demo'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const lockFile = () => join(root, 'plans/demo', PLAN_LOCK_FILE);

  it('creates the lock file with this pid and removes it on release', async () => {
    const lock = await acquirePlanLock(root, 'plans/demo');
    expect(lock).toBeDefined();
    expect(JSON.parse(readFileSync(lockFile(), 'utf-8')).pid).toBe(process.pid);
    lock?.release();
    expect(existsSync(lockFile())).toBe(false);
    lock?.release(); // idempotent
  });

  it('is re-entrant within one process (a generator calling another) and freed by the last release', async () => {
    const outer = await acquirePlanLock(root, 'plans/demo');
    const inner = await acquirePlanLock(root, 'plans/demo', { timeoutMs: 50 });
    inner?.release();
    expect(existsSync(lockFile())).toBe(true);
    outer?.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('skips locking for a folder that is not on disk (virtual trees)', async () => {
    expect(await acquirePlanLock('/virtual', 'plans/demo')).toBeUndefined();
    expect(await acquirePlanLock(root, 'plans/missing')).toBeUndefined();
  });

  it('waits for a live owner, then refuses after the timeout, naming the owner and the file', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: 4242, createdAt: '2026-01-01T00:00:00.000Z' }));
    const attempt = acquirePlanLock(root, 'plans/demo', { timeoutMs: 120, pollMs: 10, isProcessAlive: () => true });
    await expect(attempt).rejects.toThrow(BatchRefusal);
    await expect(acquirePlanLock(root, 'plans/demo', { timeoutMs: 0, isProcessAlive: () => true })).rejects.toThrow(
      /plan folder plans\/demo is locked by process 4242 since 2026-01-01T00:00:00.000Z/,
    );
    expect(JSON.parse(readFileSync(lockFile(), 'utf-8')).pid).toBe(4242);
  });

  it('takes over the lock of a dead process', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: 4242, createdAt: '2026-01-01T00:00:00.000Z' }));
    const lock = await acquirePlanLock(root, 'plans/demo', { timeoutMs: 0, isProcessAlive: (pid) => pid !== 4242 });
    expect(JSON.parse(readFileSync(lockFile(), 'utf-8')).pid).toBe(process.pid);
    lock?.release();
  });

  it('gets the lock as soon as the owner releases it', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: 4242, createdAt: 'x' }));
    setTimeout(() => rmSync(lockFile()), 50);
    const lock = await acquirePlanLock(root, 'plans/demo', { timeoutMs: 5_000, pollMs: 10, isProcessAlive: () => true });
    expect(lock).toBeDefined();
    lock?.release();
  });

  it('an empty lock file (owner between create and write) counts as held until it is old', async () => {
    writeFileSync(lockFile(), '');
    await expect(acquirePlanLock(root, 'plans/demo', { timeoutMs: 0 })).rejects.toThrow(/locked by another process/);
    const lock = await acquirePlanLock(root, 'plans/demo', { timeoutMs: 0, unreadableStaleMs: -1 });
    expect(lock).toBeDefined();
    lock?.release();
  });
});

describe('two real processes on one plan', () => {
  jest.setTimeout(120_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-race-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function runChild(generator: string, options: object, startAt: number, holdMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'testing/run-generator-child.ts'), root, generator, JSON.stringify(options), String(startAt), String(holdMs)],
        { cwd: REPO_ROOT, env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), NX_DRY_RUN: 'false', NX_DAEMON: 'false' } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  }

  it('creates every SUBPLAN exactly once, with intact content, when two batch-subplan runs race', async () => {
    const plan: FixturePlan = {
      name: 'RACE',
      achievements: Array.from({ length: 30 }, (_, i) => ({ id: `1.${i + 1}`, title: `Step ${i + 1}`, goal: `Goal of step ${i + 1}.` })),
    };
    mkdirSync(join(root, 'plans/race'), { recursive: true });
    writeFileSync(join(root, 'plans/race/PLAN_RACE.md'), planMarkdown(plan));
    writeFileSync(join(root, 'plans/race/parallel.json'), parallelJson(plan));

    const options = { plan: 'RACE', yes: true, json: true, skipFormat: true };
    // Both start at the same moment (after their ~1-3 s of module loading) and hold 1.5 s before flushing.
    const startAt = Date.now() + 6_000;
    const [a, b] = await Promise.all([runChild('batch-subplan', options, startAt, 1_500), runChild('batch-subplan', options, startAt, 1_500)]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);

    const createdA = JSON.parse(a.stdout).created.map((c: { id: string }) => c.id);
    const createdB = JSON.parse(b.stdout).created.map((c: { id: string }) => c.id);
    // One run created all 30; the other waited for the lock, saw them on disk and created none.
    expect([createdA.length, createdB.length].sort((x, y) => x - y)).toEqual([0, 30]);
    const second = createdA.length === 0 ? JSON.parse(a.stdout) : JSON.parse(b.stdout);
    expect(second.skipped).toHaveLength(0); // default wave is empty once the SUBPLANs exist

    const files = readdirSync(join(root, 'plans/race/subplans')).sort();
    expect(files).toHaveLength(30);
    for (let i = 1; i <= 30; i++) {
      const text = readFileSync(join(root, `plans/race/subplans/SUBPLAN_RACE_1${i}.md`), 'utf-8');
      expect(text.startsWith(`# SUBPLAN: Achievement 1.${i} - Step ${i}\n`)).toBe(true);
      expect(text).toContain(`## 🎯 Objective\n\nGoal of step ${i}.\n`);
      expect(text.split('# SUBPLAN:').length).toBe(2);
    }
    expect(existsSync(join(root, 'plans/race', PLAN_LOCK_FILE))).toBe(false);
  });
});
