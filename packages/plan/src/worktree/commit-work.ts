/**
 * Everything the agent changed in the worktree becomes one commit on the
 * achievement's branch (nothing when the agent committed all itself). Copies
 * of other achievements' plan files and setup artifacts (the linked
 * node_modules) are left out. Without a configured identity (CI), and only
 * then, a fallback identity is used.
 */
import { gitWaitingForLocks, tryGit } from './git';

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
  // Paths git ignores anyway (a linked node_modules under an ignore rule) need no exclusion, and naming them makes `git add` fail.
  const ignored = new Set<string>();
  if (leaveOut.length > 0) {
    // Run at the worktree's top level, where the paths are relative; git prints the ignored ones back.
    const checked = await tryGit(worktreeDir, ['check-ignore', '--no-index', '--', ...leaveOut]);
    for (const path of checked.stdout.split('\n')) if (path !== '') ignored.add(path);
  }
  // `:/` is the whole worktree; `literal` keeps names with glob characters literal, `top` makes them top-level relative.
  const pathspec = [':/', ...leaveOut.filter((p) => !ignored.has(p)).map((p) => `:(exclude,literal,top)${p}`)];
  await gitWaitingForLocks(worktreeDir, ['add', '--all', '--', ...pathspec]);
  const staged = await tryGit(worktreeDir, ['diff', '--cached', '--quiet']);
  if (staged.code === 0) return { committed: false, fallbackIdentity: false };
  const identity = await identityArgs(worktreeDir);
  await gitWaitingForLocks(worktreeDir, [...identity, 'commit', '--quiet', '-m', message]);
  return { committed: true, fallbackIdentity: identity.length > 0 };
}
