/**
 * An exclusive lock on one plan folder, so that two `nx g` processes working
 * on the same plan cannot both decide to create the same file. Nx flushes the
 * Tree with plain writes after the generator returns, so the lock is taken
 * before the plan's state is read and released only after the flush: by the
 * GeneratorCallback Nx runs after flushing, or at process exit (dry runs,
 * refusals). Created with `open(…, 'wx')`, so exactly one process wins; a lock
 * whose owner process is gone is broken safely and taken over.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isProcessAlive } from '@nx-plan/core';
import { BatchRefusal } from './batch-refusal';

export const PLAN_LOCK_FILE = '.nx-plan.lock';

export interface PlanLock {
  /** Absolute path of the lock file. */
  path: string;
  /** Idempotent. */
  release(): void;
}

export interface PlanLockOptions {
  /** How long to wait for another process's lock, default 60 s. */
  timeoutMs?: number;
  /** Poll interval, default 100 ms. */
  pollMs?: number;
  /** Default: `process.kill(pid, 0)` succeeds (or fails with EPERM). */
  isProcessAlive?: (pid: number) => boolean;
  /** An empty or unreadable lock older than this is stale, default 10 s. */
  unreadableStaleMs?: number;
}

interface LockContent {
  pid: number;
  createdAt: string;
  command?: string;
}

function readLock(path: string): { content?: LockContent; raw: string } | undefined {
  try {
    const raw = readFileSync(path, 'utf-8');
    try {
      const parsed = JSON.parse(raw) as Partial<LockContent>;
      if (typeof parsed.pid === 'number' && Number.isSafeInteger(parsed.pid)) {
        return { raw, content: { pid: parsed.pid, createdAt: String(parsed.createdAt ?? ''), command: parsed.command } };
      }
    } catch {
      // written half-way or by something else: judged by age below
    }
    return { raw };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const content: LockContent = { pid: process.pid, createdAt: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
    writeSync(fd, `${JSON.stringify(content)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Remove a stale lock. A short-lived `<lock>.break` file makes the breaking
 * exclusive, and the lock is re-read under it, so two processes that both saw
 * the same stale lock never delete a fresh one taken in between.
 */
function breakStaleLock(path: string, staleRaw: string, unreadableStaleMs: number): void {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker)) {
    if (ageMs(breaker) > unreadableStaleMs) {
      try {
        unlinkSync(breaker);
      } catch {
        // someone else cleaned it up
      }
    }
    return;
  }
  try {
    const current = readLock(path);
    if (current && current.raw === staleRaw) unlinkSync(path);
  } finally {
    try {
      unlinkSync(breaker);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Locks held by this process, by path, with a count so that nested generators (e.g. `next`) re-enter. */
const held = new Map<string, { count: number; onExit: () => void }>();

function removeOwnLock(path: string): void {
  const current = readLock(path);
  if (current?.content?.pid === process.pid) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

function handle(path: string): PlanLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(path);
      if (!entry) return;
      entry.count -= 1;
      if (entry.count > 0) return;
      held.delete(path);
      process.removeListener('exit', entry.onExit);
      removeOwnLock(path);
    },
  };
}

/**
 * Take the lock of a plan folder on disk. Returns undefined when the folder
 * does not exist on disk (a virtual Tree such as createTreeWithEmptyWorkspace),
 * where there is nothing to race with.
 */
export async function acquirePlanLock(workspaceRoot: string, planDir: string, options: PlanLockOptions = {}): Promise<PlanLock | undefined> {
  const folder = resolve(workspaceRoot, planDir);
  try {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const path = join(folder, PLAN_LOCK_FILE);
  const existing = held.get(path);
  if (existing) {
    existing.count += 1;
    return handle(path);
  }

  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const isAlive = options.isProcessAlive ?? isProcessAlive;
  const unreadableStaleMs = options.unreadableStaleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;

  for (;;) {
    if (tryCreate(path)) {
      const onExit = () => removeOwnLock(path);
      process.on('exit', onExit);
      held.set(path, { count: 1, onExit });
      return handle(path);
    }
    const current = readLock(path);
    if (current) {
      const owner = current.content?.pid;
      const stale =
        // our own pid without an entry in `held` is a leftover of this process: stale too
        owner !== undefined ? owner === process.pid || !isAlive(owner) : ageMs(path) > unreadableStaleMs;
      if (stale) {
        breakStaleLock(path, current.raw, unreadableStaleMs);
        continue;
      }
      if (Date.now() >= deadline) {
        const who = owner !== undefined ? `process ${owner}${current.content?.createdAt ? ` since ${current.content.createdAt}` : ''}` : 'another process';
        throw new BatchRefusal(
          `plan folder ${planDir} is locked by ${who} (${path}); wait for that generator to finish, or delete the lock file if no such process is running`,
        );
      }
    }
    await sleep(pollMs);
  }
}
