/**
 * The achievement's worktree: created on a new branch from the base commit,
 * or reused when an earlier run left it (its commits are kept). An existing
 * branch is reused only when it already contains the base; a branch with
 * work that is not in the base stops the run with a clear message. Nothing
 * is reset, forced or deleted unless git itself calls it safe.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { git, splitNul, tryGit } from './git';
import { branchExists, isAncestor } from './repo-state';

export class WorktreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorktreeError';
    Object.setPrototypeOf(this, WorktreeError.prototype);
  }
}

export interface OpenWorktreeRequest {
  /** Absolute top level of the main worktree. */
  toplevel: string;
  /** Absolute folder of the worktree to use. */
  dir: string;
  branch: string;
  /** Commit the branch must contain (the main branch's HEAD after the dependencies merged). */
  base: string;
  /** Name of the main branch, for messages. */
  baseName: string;
}

export interface OpenedWorktree {
  dir: string;
  branch: string;
  /** True when this run created the worktree (setup runs only then). */
  created: boolean;
}

interface ListedWorktree {
  path: string;
  branch?: string;
}

async function listWorktrees(toplevel: string): Promise<ListedWorktree[]> {
  const out = await git(toplevel, ['worktree', 'list', '--porcelain', '-z']);
  const list: ListedWorktree[] = [];
  let current: ListedWorktree | undefined;
  for (const field of splitNul(out)) {
    if (field.startsWith('worktree ')) {
      current = { path: field.slice('worktree '.length) };
      list.push(current);
    } else if (field.startsWith('branch ') && current) {
      current.branch = field.slice('branch '.length).replace(/^refs\/heads\//, '');
    }
  }
  return list;
}

const samePath = (a: string, b: string) => relative(resolve(a), resolve(b)) === '';

export async function openWorktree(request: OpenWorktreeRequest): Promise<OpenedWorktree> {
  const { toplevel, dir, branch, base, baseName } = request;
  // Registrations of worktrees whose folder was deleted by hand.
  await tryGit(toplevel, ['worktree', 'prune']);

  const listed = await listWorktrees(toplevel);
  const holder = listed.find((w) => w.branch === branch);
  if (holder) {
    if (!samePath(holder.path, dir)) {
      throw new WorktreeError(`branch ${branch} is checked out in ${holder.path}; finish or remove that worktree first (git worktree remove ${holder.path})`);
    }
    if (!(await isAncestor(toplevel, base, branch))) {
      throw new WorktreeError(
        `the worktree ${dir} of an earlier run is on ${branch}, which does not contain the current ${baseName} (${base.slice(0, 9)}).\n` +
          `  Its work is kept. Bring ${baseName} into it (cd ${dir} && git merge ${baseName}) and run again, ` +
          `or merge/remove it yourself (git -C ${toplevel} merge ${branch}; nx-plan clean).`,
      );
    }
    return { dir, branch, created: false };
  }
  if (listed.some((w) => samePath(w.path, dir))) {
    throw new WorktreeError(`${dir} is a worktree of another branch; remove it first (git worktree remove ${dir})`);
  }
  if (existsSync(dir)) {
    throw new WorktreeError(`${dir} exists but is not a git worktree; move it away and run again`);
  }

  if (await branchExists(toplevel, branch)) {
    if (await isAncestor(toplevel, base, branch)) {
      await git(toplevel, ['worktree', 'add', '--quiet', dir, branch]);
      return { dir, branch, created: true };
    }
    if (await isAncestor(toplevel, branch, base)) {
      // Everything on the old branch is already in the base: git calls deleting it safe.
      await git(toplevel, ['branch', '-d', branch]);
    } else {
      const ahead = (await git(toplevel, ['rev-list', '--count', `${base}..${branch}`])).trim();
      throw new WorktreeError(
        `branch ${branch} exists with ${ahead} commit(s) that are not in ${baseName} and does not contain ${baseName}'s current commit ${base.slice(0, 9)}.\n` +
          `  nx-plan never resets a branch. Merge it (git merge ${branch}), or rename it to keep its work ` +
          `(git branch -m ${branch} ${branch}-old), then run again.`,
      );
    }
  }
  await git(toplevel, ['worktree', 'add', '--quiet', '-b', branch, dir, base]);
  return { dir, branch, created: true };
}

/** Where the Nx workspace lies inside a worktree (the workspace may be a subfolder of the repository). */
export function workspaceInWorktree(toplevel: string, workspaceRoot: string, worktreeDir: string): string {
  return join(worktreeDir, relative(toplevel, workspaceRoot));
}
