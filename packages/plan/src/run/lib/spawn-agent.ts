/**
 * Run the agent command through a shell, forwarding SIGINT/SIGTERM to it and
 * stopping it after an optional timeout.
 */
import { spawn } from 'node:child_process';
import { isRunning, signalPids, signalTree } from './process-tree';

export interface SpawnAgentOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Milliseconds; 0 or undefined: no limit. */
  timeoutMs?: number;
  /** Milliseconds between SIGTERM and SIGKILL when stopping the command. @default 5000 */
  killGraceMs?: number;
  /** Called once, synchronously, when this process receives SIGINT or SIGTERM (before the child is stopped). */
  onSignal?: (signal: NodeJS.Signals) => void;
  /** Receives the command's stdout and stderr (still shown on this process's streams), e.g. to keep a review's text. */
  onOutput?: (chunk: string) => void;
}

export interface AgentRunResult {
  /** Exit code; null when the command died from a signal or could not start. */
  exitCode: number | null;
  /** Signal that ended the command, if any. */
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** SIGINT/SIGTERM received by this process while the command ran. */
  interruptedBy?: NodeJS.Signals;
  /** The command could not be started at all. */
  spawnError?: Error;
  durationMs: number;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function spawnAgent(command: string, options: SpawnAgentOptions): Promise<AgentRunResult> {
  const started = Date.now();
  const graceMs = options.killGraceMs ?? 5000;

  return new Promise<AgentRunResult>((resolve) => {
    let timedOut = false;
    let interruptedBy: NodeJS.Signals | undefined;
    let spawnError: Error | undefined;
    let timeoutTimer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const capture = options.onOutput;
    const child = spawn(command, {
      shell: true,
      stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
      cwd: options.cwd,
      env: options.env,
    });
    if (capture) {
      child.stdout?.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        capture(chunk.toString('utf8'));
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk);
        capture(chunk.toString('utf8'));
      });
    }

    // Every pid we signalled, so that stragglers re-parented after the shell
    // exits can still be killed.
    const stopped = new Set<number>();
    const stop = (signal: NodeJS.Signals) => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      for (const pid of signalTree(child.pid, signal)) stopped.add(pid);
      if (killTimer === undefined) {
        killTimer = setTimeout(() => {
          if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
            for (const pid of signalTree(child.pid, 'SIGKILL')) stopped.add(pid);
          }
          signalPids([...stopped].filter(isRunning), 'SIGKILL');
        }, graceMs);
      }
    };

    const onProcessSignal = (signal: NodeJS.Signals) => {
      if (interruptedBy === undefined) {
        interruptedBy = signal;
        options.onSignal?.(signal);
      }
      stop(signal);
    };
    for (const signal of FORWARDED) process.on(signal, onProcessSignal);
    // If something else ends this process while the command runs (another
    // signal handler calling process.exit), take the command down with it.
    const onProcessExit = () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) signalTree(child.pid, 'SIGTERM');
    };
    process.on('exit', onProcessExit);

    if (options.timeoutMs !== undefined && options.timeoutMs > 0) {
      timeoutTimer = setTimeout(() => {
        timedOut = true;
        stop('SIGTERM');
      }, options.timeoutMs);
    }

    const finish = async (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      if (timeoutTimer !== undefined) clearTimeout(timeoutTimer);
      // The shell is gone; wait (up to the grace period) for the processes we
      // signalled, then kill what is left, so no agent outlives its run.
      const deadline = Date.now() + graceMs;
      let survivors = [...stopped].filter((pid) => pid !== child.pid && isRunning(pid));
      while (survivors.length > 0 && Date.now() < deadline) {
        await new Promise((wake) => setTimeout(wake, 50));
        survivors = survivors.filter(isRunning);
      }
      signalPids(survivors, 'SIGKILL');
      if (killTimer !== undefined) clearTimeout(killTimer);
      for (const s of FORWARDED) process.removeListener(s, onProcessSignal);
      process.removeListener('exit', onProcessExit);
      resolve({
        exitCode,
        signal,
        timedOut,
        ...(interruptedBy ? { interruptedBy } : {}),
        ...(spawnError ? { spawnError } : {}),
        durationMs: Date.now() - started,
      });
    };

    child.on('error', (error) => {
      spawnError = error;
      // 'close' may not follow an 'error' when the process never started.
      if (child.pid === undefined) void finish(null, null);
    });
    child.on('close', (code, signal) => void finish(code, signal));
  });
}
