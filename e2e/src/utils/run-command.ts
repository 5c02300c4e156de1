import { spawn } from 'node:child_process';
import { cleanEnv } from './nx-env';

export interface CommandResult {
  /** The command line, for failure messages. */
  command: string;
  /** Exit code; `null` only when the process was killed (timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout followed by stderr. */
  output: string;
  durationMs: number;
  timedOut: boolean;
}

export interface RunCommandOptions {
  cwd: string;
  /** Default: the parent environment without npm/jest/Nx variables (see cleanEnv). */
  env?: NodeJS.ProcessEnv;
  /** Kill the process (and its group) after this many ms. Default 240 s. */
  timeoutMs?: number;
}

/**
 * Runs a program without a shell and collects its output. Never throws on a
 * non-zero exit: the caller asserts on `code` and prints `output` itself.
 */
export function runCommand(
  program: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult> {
  const command = [program, ...args].join(' ');
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 240_000;
  return new Promise((resolvePromise) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    const finish = (code: number | null, extraError?: string) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8') + (extraError ?? '');
      resolvePromise({
        command,
        code,
        stdout,
        stderr,
        output: `${stdout}${stderr}`,
        durationMs: Date.now() - started,
        timedOut,
      });
    };
    child.on('error', (error) => finish(127, `\n${program}: ${error.message}`));
    child.on('close', (code) => finish(code));
  });
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    // Negative pid: the whole process group started for this command.
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A readable dump of a result for `expect(...)` failure messages. */
export function describeResult(result: CommandResult): string {
  return [
    `$ ${result.command}`,
    `exit code: ${result.code}${result.timedOut ? ' (timed out)' : ''} after ${result.durationMs} ms`,
    '--- stdout ---',
    result.stdout,
    '--- stderr ---',
    result.stderr,
  ].join('\n');
}
