import { join } from 'node:path';
import { nxEnv } from './nx-env';
import { CommandResult, runCommand } from './run-command';

export interface RunNxOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Runs the workspace's own `nx` binary (what `npx nx` resolves to) with the
 * daemon, Nx Cloud, the TUI and colours off. The local cache stays on: caching
 * is part of what the tests check. Never throws on a non-zero exit.
 *
 * `args` is a command line as a user types it after `nx` (split on spaces) or
 * an argument array when a value contains spaces.
 */
export function runNx(workspace: string, args: string | readonly string[], options: RunNxOptions = {}): Promise<CommandResult> {
  const argv = typeof args === 'string' ? args.split(/\s+/).filter(Boolean) : args;
  return runCommand(join(workspace, 'node_modules', '.bin', 'nx'), argv, {
    cwd: workspace,
    env: nxEnv(options.env),
    timeoutMs: options.timeoutMs ?? 180_000,
  });
}

/** Nx's own marks of a task whose result came from the local cache. */
export function wasCacheHit(result: CommandResult): boolean {
  return (
    result.output.includes('[local cache]') ||
    result.output.includes('[existing outputs match the cache, left as is]') ||
    /Nx read the output from the cache instead of running the command for [1-9]/.test(result.output)
  );
}

/** Lines that look like a JavaScript stack frame (`    at fn (file:1:2)`). */
export function stackTraceLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+at\s+\S.*(\(|:\d+:\d+)/.test(line));
}
