/**
 * Merge an achievement's branch into the branch checked out in the main
 * worktree, under the caller's merge lock. A merge never overwrites a user's
 * edit: files the merge would touch that have uncommitted changes in the main
 * tree stop it before it starts, except the achievement's own plan files
 * whose main-tree content is exactly what was copied into the worktree (they
 * are set aside for the merge and put back if it fails). A conflict is
 * aborted, leaving the main tree exactly as before.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitWaitingForLocks, isLockContention, splitNul, tryGit, type GitResult } from './git';
import { identityArgs } from './commit-work';
import { dirtyFiles } from './repo-state';

export type MergeOutcome =
  | { kind: 'merged'; commit: string }
  | { kind: 'nothing-to-merge' }
  | { kind: 'dirty'; files: string[] }
  | { kind: 'conflict'; files: string[]; detail: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'branch-moved'; current?: string };

export interface MergeRequest {
  toplevel: string;
  /** git dir of the main worktree (for MERGE_HEAD). */
  gitDir: string;
  branch: string;
  /** The branch that was checked out when the run began. */
  targetBranch: string;
  message: string;
  /**
   * May this dirty main-tree file be set aside for the merge? (the
   * achievement's own plan files, unchanged since they were copied)
   */
  mayReplace(path: string, mainContent: Buffer): boolean;
}

interface SetAside {
  path: string;
  content: Buffer;
}

export const MERGE_MESSAGE_PREFIX = 'nx-plan: merge ';

/** A merge left half-done by an interrupted nx-plan run is aborted; a user's own merge in progress is refused. */
export async function recoverInterruptedMerge(toplevel: string, gitDir: string): Promise<'none' | 'aborted' | 'user-merge'> {
  if (!existsSync(join(gitDir, 'MERGE_HEAD'))) return 'none';
  let message = '';
  try {
    message = readFileSync(join(gitDir, 'MERGE_MSG'), 'utf8');
  } catch {
    // no message: not ours
  }
  if (!message.startsWith(MERGE_MESSAGE_PREFIX)) return 'user-merge';
  await gitWaitingForLocks(toplevel, ['merge', '--abort'], { detached: true });
  return 'aborted';
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/**
 * `git merge`, started only while no other git process holds the main
 * index's lock (an editor's git integration refreshing it). A merge that
 * still ran into the lock ("Unable to write index") is aborted and tried
 * again; up to `attempts` tries.
 */
async function mergeWaitingForLocks(toplevel: string, gitDir: string, args: readonly string[], attempts = 20): Promise<GitResult> {
  const lock = join(gitDir, 'index.lock');
  let result: GitResult = { code: 1, stdout: '', stderr: '' };
  for (let attempt = 0; attempt < attempts; attempt++) {
    for (let waited = 0; existsSync(lock) && waited < 10_000; waited += 100) await sleep(100);
    // Never start a merge over a held lock: git would leave a half-written merge behind.
    if (existsSync(lock)) {
      return { code: 1, stdout: '', stderr: `${lock} is still held after 10 s (another git process; if none is running, a crashed one left it: remove the file)` };
    }
    result = await tryGit(toplevel, args, { detached: true });
    const lockProblem = isLockContention(result) || /Unable to write index/.test(result.stderr);
    if (result.code === 0 || !lockProblem) return result;
    if (existsSync(join(gitDir, 'MERGE_HEAD'))) await gitWaitingForLocks(toplevel, ['merge', '--abort'], { detached: true });
    await sleep(100);
  }
  return result;
}

export async function mergeWork(request: MergeRequest): Promise<MergeOutcome> {
  const { toplevel, branch, targetBranch } = request;
  const current = await tryGit(toplevel, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (current.code !== 0 || current.stdout.trim() !== targetBranch) {
    return { kind: 'branch-moved', ...(current.code === 0 ? { current: current.stdout.trim() } : {}) };
  }
  const changed = splitNul(await git(toplevel, ['diff', '--name-only', '-z', `HEAD...${branch}`]));
  if (changed.length === 0 && (await tryGit(toplevel, ['merge-base', '--is-ancestor', branch, 'HEAD'])).code === 0) {
    return { kind: 'nothing-to-merge' };
  }
  const changedSet = new Set(changed);
  const dirty = (await dirtyFiles(toplevel)).filter((d) => changedSet.has(d.path));
  const setAside: SetAside[] = [];
  const blocking: string[] = [];
  for (const entry of dirty) {
    const abs = join(toplevel, entry.path);
    let content: Buffer | undefined;
    try {
      content = readFileSync(abs);
    } catch {
      content = undefined;
    }
    if (content !== undefined && request.mayReplace(entry.path, content)) setAside.push({ path: entry.path, content });
    else blocking.push(entry.path);
  }
  if (blocking.length > 0) return { kind: 'dirty', files: blocking.sort() };

  // Set the achievement's own copies aside: untracked ones are removed, tracked ones go back to HEAD.
  for (const file of setAside) {
    const head = await tryGit(toplevel, ['cat-file', '-e', `HEAD:${file.path}`]);
    if (head.code === 0) {
      await gitWaitingForLocks(toplevel, ['restore', '--source=HEAD', '--staged', '--worktree', '--', `:(literal,top)${file.path}`]);
    } else {
      rmSync(join(toplevel, file.path), { force: true });
    }
  }
  const restore = () => {
    for (const file of setAside) writeFileSync(join(toplevel, file.path), file.content);
  };

  const identity = await identityArgs(toplevel);
  const merge = await mergeWaitingForLocks(toplevel, request.gitDir, [...identity, 'merge', '--no-ff', '--no-edit', '-m', request.message, branch]);
  if (merge.code === 0) {
    const commit = (await git(toplevel, ['rev-parse', 'HEAD'])).trim();
    return { kind: 'merged', commit };
  }
  const conflicted = splitNul((await tryGit(toplevel, ['diff', '--name-only', '--diff-filter=U', '-z'])).stdout);
  const inProgress = existsSync(join(request.gitDir, 'MERGE_HEAD'));
  if (inProgress) await gitWaitingForLocks(toplevel, ['merge', '--abort'], { detached: true });
  restore();
  const detail = (merge.stdout + merge.stderr).trim();
  // A merge that stopped before changing anything (a lock held too long, an error of git's own) is no conflict.
  if (!inProgress && conflicted.length === 0) return { kind: 'failed', detail };
  return { kind: 'conflict', files: conflicted.sort(), detail };
}
