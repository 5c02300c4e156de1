/**
 * What git says about the workspace: is it a repository with a commit, where
 * is its top level, which branch is checked out, which files are dirty.
 */
import { isAbsolute, resolve } from 'node:path';
import { git, splitNul, tryGit } from './git';

export interface RepoInfo {
  /** Absolute top level of the main worktree. */
  toplevel: string;
  /** Absolute git common dir (shared by every worktree). */
  commonDir: string;
  /** Branch checked out in the main worktree (short name); undefined when HEAD is detached. */
  branch?: string;
  /** Commit id of HEAD. */
  head: string;
}

/** undefined when `dir` is not inside a git repository or the repository has no commit yet. */
export async function readRepoInfo(dir: string): Promise<RepoInfo | undefined> {
  const top = await tryGit(dir, ['rev-parse', '--show-toplevel', '--git-common-dir']);
  if (top.code !== 0) return undefined;
  const [toplevel, common] = top.stdout.trim().split('\n');
  const head = await tryGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return undefined;
  const branch = await tryGit(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return {
    toplevel,
    commonDir: isAbsolute(common) ? common : resolve(dir, common),
    ...(branch.code === 0 ? { branch: branch.stdout.trim() } : {}),
    head: head.stdout.trim(),
  };
}

export interface DirtyEntry {
  /** Path relative to the repository top level. */
  path: string;
  /** True when git does not track the file. */
  untracked: boolean;
}

/** Modified, staged, deleted and untracked (not ignored) files, optionally under some paths. */
export async function dirtyFiles(toplevel: string, paths: readonly string[] = []): Promise<DirtyEntry[]> {
  const out = await git(toplevel, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...(paths.length ? paths : ['.'])]);
  const entries = splitNul(out);
  const dirty: DirtyEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const xy = entry.slice(0, 2);
    dirty.push({ path: entry.slice(3), untracked: xy === '??' });
    // Renames and copies are followed by their source path.
    if (xy[0] === 'R' || xy[0] === 'C') i++;
  }
  return dirty;
}

/** Does `branch` exist as a local branch? */
export async function branchExists(toplevel: string, branch: string): Promise<boolean> {
  return (await tryGit(toplevel, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`])).code === 0;
}

/** Is `ancestor` reachable from `descendant`? */
export async function isAncestor(toplevel: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await tryGit(toplevel, ['merge-base', '--is-ancestor', ancestor, descendant])).code === 0;
}
