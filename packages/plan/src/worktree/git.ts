/**
 * git through its CLI, always with an argument array (spawn, never a shell string),
 * in a given working directory. Results carry the exit code and both
 * streams; `git()` throws a GitError with git's own message on failure.
 */
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(0, 6).join('\n  ');
    super(`git ${args.join(' ')} failed (exit ${result.code})${detail ? `:\n  ${detail}` : ''}`);
    this.name = 'GitError';
    Object.setPrototypeOf(this, GitError.prototype);
  }
}

export interface GitOptions {
  /** Extra environment (e.g. a fallback identity). */
  env?: NodeJS.ProcessEnv;
  /**
   * Run git in its own process group, so a Ctrl+C in the terminal does not
   * interrupt it half-way (used for merges: they finish or are aborted by us).
   */
  detached?: boolean;
}

/** Run git; never throws (spawn failures become code 127). */
export function tryGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let child;
    try {
      child = spawn('git', args as string[], {
        cwd,
        // GIT_OPTIONAL_LOCKS=0: read-only commands (status) never take index.lock, so they cannot make a
        // concurrent merge of another achievement fail with "index.lock: File exists".
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...options.env },
        detached: options.detached ?? false,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      resolve({ code: 127, stdout: '', stderr: (error as Error).message });
      return;
    }
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => resolve({ code: 127, stdout: '', stderr: error.message }));
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? 128,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (signal ? `\n(git was killed by ${signal})` : ''),
      }),
    );
  });
}

/** Run git and return its stdout; throws GitError on a non-zero exit. */
export async function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const result = await tryGit(cwd, args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout;
}

/** NUL-separated output (`-z`) as a list, without the trailing empty entry. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((s) => s !== '');
}

/** Did git fail because another git process holds one of the repository's lock files? */
export function isLockContention(result: GitResult): boolean {
  return result.code !== 0 && /\.lock'?: File exists|Another git process seems to be running|Unable to create '[^']*\.lock'/.test(result.stderr);
}

/**
 * Run a command that writes to the repository, waiting and retrying while
 * another git process (an editor's git integration, a concurrent run's commit)
 * holds a lock file: up to `attempts` tries, 100 ms apart, then the last result.
 */
export async function tryGitWaitingForLocks(
  cwd: string,
  args: readonly string[],
  options: GitOptions = {},
  attempts = 50,
): Promise<GitResult> {
  let result = await tryGit(cwd, args, options);
  for (let i = 1; i < attempts && isLockContention(result); i++) {
    await new Promise((wake) => setTimeout(wake, 100));
    result = await tryGit(cwd, args, options);
  }
  return result;
}

/** tryGitWaitingForLocks that returns stdout and throws GitError on failure, as `git()` does. */
export async function gitWaitingForLocks(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const result = await tryGitWaitingForLocks(cwd, args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout;
}
