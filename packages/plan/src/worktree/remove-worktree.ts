/**
 * After a landed achievement: its worktree is removed (without --force: git
 * keeps a worktree that still holds changes) and its branch deleted with
 * `git branch -d`, which git allows only for merged work.
 */
import { readdirSync, rmdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { tryGit } from './git';

export interface RemoveResult {
  worktreeRemoved: boolean;
  branchDeleted: boolean;
  /** git's reason when something was kept. */
  kept?: string;
}

export async function removeWorktree(toplevel: string, dir: string, branch: string, stopAt: string): Promise<RemoveResult> {
  const removed = await tryGit(toplevel, ['worktree', 'remove', dir]);
  if (removed.code !== 0) {
    return { worktreeRemoved: false, branchDeleted: false, kept: removed.stderr.trim() };
  }
  removeEmptyParents(dirname(dir), stopAt);
  const deleted = await tryGit(toplevel, ['branch', '-d', branch]);
  return { worktreeRemoved: true, branchDeleted: deleted.code === 0, ...(deleted.code !== 0 ? { kept: deleted.stderr.trim() } : {}) };
}

/** Remove empty folders from `dir` up to (not including) `stopAt`. */
function removeEmptyParents(dir: string, stopAt: string): void {
  let current = resolve(dir);
  const stop = resolve(stopAt);
  while (relative(stop, current) !== '' && !relative(stop, current).startsWith('..')) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = dirname(current);
  }
}
