/**
 * Step: the isolated achievement's work lands in the main checkout. The
 * worktree's changes are committed on the achievement's branch (copies of
 * other achievements' plan files and the linked node_modules left out), then
 * merged with `--no-ff` into the branch that was checked out when the run
 * began, one merge at a time (exclusive lock) and shielded from Ctrl+C: a
 * merge either completes or is aborted, never left half done. On success the
 * worktree and branch are removed (unless keepBranches).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPlanFile, nmOf } from '@nx-plan/core';
import { commitWork } from '../../worktree/commit-work';
import { unchangedCopies } from '../../worktree/copy-plan-folder';
import { git, tryGit } from '../../worktree/git';
import { acquireMergeLock } from '../../worktree/merge-lock';
import { MERGE_MESSAGE_PREFIX, mergeWork, recoverInterruptedMerge, type MergeOutcome } from '../../worktree/merge-work';
import { removeWorktree } from '../../worktree/remove-worktree';
import type { IsolatedWork } from './open-workspace';

/**
 * Is this top-level-relative path one of the achievement's own life-cycle
 * files (SUBPLAN, EXECUTION_TASK, APPROVED, FIX, SKIPPED, AWAITING_REVIEW)?
 * The engine's own file-name rule decides.
 */
export function isOwnPlanFile(path: string, planFromTop: string, planName: string, achievement: string): boolean {
  const prefix = planFromTop === '.' || planFromTop === '' ? '' : `${planFromTop}/`;
  if (!path.startsWith(prefix)) return false;
  const file = classifyPlanFile(planName, path.slice(prefix.length));
  return file !== undefined && file.kind !== 'marker' && file.kind !== 'run' && file.nm === nmOf(achievement);
}

export interface LandRequest {
  work: IsolatedWork;
  planFromTop: string;
  planName: string;
  achievement: string;
  commitMessage: string;
  mergeMessage: string;
}

/** Commit what the agent left uncommitted on the branch. */
export async function commitAll(request: LandRequest): Promise<{ committed: boolean; fallbackIdentity: boolean }> {
  const { work } = request;
  const leaveOut = [
    ...work.setupArtifacts,
    ...unchangedCopies(work.dir, work.copied)
      .filter((c) => !isOwnPlanFile(c.path, request.planFromTop, request.planName, request.achievement))
      .map((c) => c.path),
  ];
  return commitWork(work.dir, request.commitMessage, leaveOut);
}

/** Signals that arrive while a merge runs are held until it completed or was aborted. */
async function shielded<T>(work: () => Promise<T>): Promise<{ value: T; signal?: NodeJS.Signals }> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  try {
    const value = await work();
    return { value, ...(received ? { signal: received } : {}) };
  } finally {
    process.removeListener('SIGINT', hold);
    process.removeListener('SIGTERM', hold);
  }
}

export interface MergeStepResult {
  outcome: MergeOutcome | { kind: 'user-merge' };
  /** A signal received during the merge (the run stops after it). */
  signal?: NodeJS.Signals;
}

export async function mergeIntoMain(request: LandRequest): Promise<MergeStepResult> {
  const { work } = request;
  const copiedByPath = new Map(work.copied.map((c) => [c.path, c.content] as const));
  const branchVersion = async (path: string) => {
    const shown = await tryGit(work.toplevel, ['cat-file', 'blob', `${work.branch}:${path}`]);
    return shown.code === 0 ? shown.stdout : undefined;
  };
  // Versions on the branch of our own files, read before the lock (mayReplace is synchronous).
  const ownOnBranch = new Map<string, string>();
  for (const path of (await git(work.toplevel, ['diff', '--name-only', '-z', `HEAD...${work.branch}`])).split('\0')) {
    if (path && isOwnPlanFile(path, request.planFromTop, request.planName, request.achievement)) {
      const content = await branchVersion(path);
      if (content !== undefined) ownOnBranch.set(path, content);
    }
  }
  return shielded(async () => {
    const lock = await acquireMergeLock(work.commonDir);
    try {
      const recovered = await recoverInterruptedMerge(work.toplevel, work.gitDir);
      if (recovered === 'user-merge') return { kind: 'user-merge' } as const;
      return await mergeWork({
        toplevel: work.toplevel,
        gitDir: work.gitDir,
        branch: work.branch,
        targetBranch: work.targetBranch,
        message: request.mergeMessage,
        mayReplace: (path, mainContent) => {
          if (!isOwnPlanFile(path, request.planFromTop, request.planName, request.achievement)) return false;
          const copied = copiedByPath.get(path);
          if (copied !== undefined && copied.equals(mainContent)) return true;
          const onBranch = ownOnBranch.get(path);
          return onBranch !== undefined && Buffer.from(onBranch, 'utf8').equals(mainContent);
        },
      });
    } finally {
      lock.release();
    }
  }).then(({ value, signal }) => ({ outcome: value, ...(signal ? { signal } : {}) }));
}

/** After a successful merge: the worktree's left-out copies are dropped and the worktree and branch removed. */
export async function cleanUpWorktree(work: IsolatedWork, workspaceRoot: string): Promise<string | undefined> {
  // Copies left out of the commit: tracked ones back to the branch's version, untracked ones removed.
  for (const copy of unchangedCopies(work.dir, work.copied)) {
    const tracked = await tryGit(work.dir, ['ls-files', '--error-unmatch', '--', `:(literal,top)${copy.path}`]);
    if (tracked.code === 0) await tryGit(work.dir, ['restore', '--worktree', '--', `:(literal,top)${copy.path}`]);
    else await tryGit(work.dir, ['clean', '-q', '-f', '--', `:(literal,top)${copy.path}`]);
  }
  for (const artifact of work.setupArtifacts) {
    rmSync(join(work.dir, artifact), { force: true });
  }
  const removed = await removeWorktree(work.toplevel, work.dir, work.branch, workspaceRoot);
  return removed.kept;
}

export { MERGE_MESSAGE_PREFIX };
