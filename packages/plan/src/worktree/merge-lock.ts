/**
 * One merge at a time into the main worktree: an exclusive lock file in the
 * repository's common git dir, created with O_EXCL and holding the owner's
 * pid. A lock whose process is gone is replaced; a live one is waited for.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from '@nx-plan/core';

export const MERGE_LOCK_FILE = 'nx-plan-merge.lock';

export interface MergeLock {
  file: string;
  release(): void;
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function holderPid(file: string): number | undefined {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait for the lock (polling), up to `timeoutMs`. A lock file whose pid is not
 * running (or that is unreadable for longer than one poll) is stale and removed.
 */
export async function acquireMergeLock(commonDir: string, timeoutMs = 30 * 60_000, pollMs = 50): Promise<MergeLock> {
  const file = join(commonDir, MERGE_LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  let unreadableSince: number | undefined;
  for (;;) {
    if (tryCreate(file)) {
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            if (holderPid(file) === process.pid) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    }
    const pid = holderPid(file);
    if (pid === undefined) {
      unreadableSince ??= Date.now();
      if (Date.now() - unreadableSince > 2000) removeQuietly(file);
    } else {
      unreadableSince = undefined;
      if (!isProcessAlive(pid)) removeQuietly(file);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for the merge lock ${file} (held by pid ${pid ?? 'unknown'})`);
    }
    await sleep(pollMs);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // someone else removed it
  }
}
