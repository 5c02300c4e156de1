/**
 * Everything the agent changed in the worktree becomes one commit on the
 * achievement's branch (nothing when the agent committed all itself). Copies
 * of other achievements' plan files and setup artifacts (the linked
 * node_modules) are left out. Without a configured identity (CI), and only
 * then, a fallback identity is used.
 */
import { git, tryGit } from './git';

export const FALLBACK_IDENTITY = { name: 'nx-plan', email: 'nx-plan@localhost' };

/** `-c user.name=… -c user.email=…` when git has no identity for this repository, else nothing. */
export async function identityArgs(cwd: string): Promise<string[]> {
  const env = process.env;
  const name = env.GIT_AUTHOR_NAME ?? env.GIT_COMMITTER_NAME ?? (await tryGit(cwd, ['config', 'user.name'])).stdout.trim();
  const email = env.GIT_AUTHOR_EMAIL ?? env.GIT_COMMITTER_EMAIL ?? (await tryGit(cwd, ['config', 'user.email'])).stdout.trim();
  const args: string[] = [];
  if (!name) args.push('-c', `user.name=${FALLBACK_IDENTITY.name}`);
  if (!email) args.push('-c', `user.email=${FALLBACK_IDENTITY.email}`);
  return args;
}

export interface CommitResult {
  /** True when a commit was made. */
  committed: boolean;
  /** True when the fallback identity was used. */
  fallbackIdentity: boolean;
}

/**
 * Stage everything in the worktree except `leaveOut` (top-level-relative
 * paths) and commit with `message`.
 */
export async function commitWork(worktreeDir: string, message: string, leaveOut: readonly string[]): Promise<CommitResult> {
  const pathspec = ['.', ...leaveOut.map((p) => `:(exclude,literal)${p}`)];
  // `:(literal)` keeps names with glob characters literal; top-level relative with `:/`.
  await git(worktreeDir, ['add', '--all', '--', ...pathspec.map((p) => (p === '.' ? ':/' : p.replace(':(exclude,literal)', ':(exclude,literal,top)')))]);
  const staged = await tryGit(worktreeDir, ['diff', '--cached', '--quiet']);
  if (staged.code === 0) return { committed: false, fallbackIdentity: false };
  const identity = await identityArgs(worktreeDir);
  await git(worktreeDir, [...identity, 'commit', '--quiet', '-m', message]);
  return { committed: true, fallbackIdentity: identity.length > 0 };
}
