/**
 * Step: run the agent command (or the review command) for the current
 * attempt in the agent's workspace, with the placeholders and NX_PLAN_*
 * variables pointing into it.
 */
import { posix } from 'node:path';
import { agentEnvironment, substitutePlaceholders, type AgentCommandValues } from '../lib/agent-command';
import { spawnAgent, type AgentRunResult } from '../lib/spawn-agent';
import type { RunOptions } from '../run-options';
import type { Workspace } from './open-workspace';

export interface AttemptFiles {
  planName: string;
  /** Plan-relative paths. */
  subplanFile: string;
  executionFile: string;
  attempt: number;
  fixFile?: string;
}

function planPath(options: RunOptions, relativeToPlan: string): string {
  return options.planDir === '.' ? relativeToPlan : posix.join(options.planDir, relativeToPlan);
}

export function commandValues(options: RunOptions, workspace: Workspace, files: AttemptFiles): AgentCommandValues {
  return {
    plan: files.planName,
    planDir: options.planDir,
    achievement: options.achievement,
    subplanFile: planPath(options, files.subplanFile),
    executionFile: planPath(options, files.executionFile),
    workspaceRoot: workspace.root,
    mainWorkspaceRoot: options.workspaceRoot,
    attempt: String(files.attempt),
  };
}

export interface CommandRun {
  command: string;
  result: AgentRunResult;
}

/** Run `template` (agentCommand or reviewCommand) with the attempt's values; `capture` keeps its output (for the review). */
export async function runCommand(
  template: string,
  options: RunOptions,
  workspace: Workspace,
  files: AttemptFiles,
  hooks: { onSignal?: (signal: NodeJS.Signals) => void; capture?: (chunk: string) => void } = {},
): Promise<CommandRun> {
  const values = commandValues(options, workspace, files);
  const command = substitutePlaceholders(template, values);
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // Nx sets FORCE_COLOR for its tasks; with the user's NO_COLOR also set, Node-based agents would warn. NO_COLOR wins.
  if (inherited.NO_COLOR && inherited.FORCE_COLOR !== undefined) delete inherited.FORCE_COLOR;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    ...options.env,
    ...agentEnvironment(values),
    ...(files.fixFile !== undefined ? { NX_PLAN_FIX_FILE: planPath(options, files.fixFile) } : {}),
  };
  const result = await spawnAgent(command, {
    cwd: workspace.root,
    env,
    timeoutMs: options.timeoutMs,
    ...(hooks.onSignal ? { onSignal: hooks.onSignal } : {}),
    ...(hooks.capture ? { onOutput: hooks.capture } : {}),
  });
  return { command, result };
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Why a command did not succeed, in one line. */
export function describeCommandFailure(what: string, run: CommandRun, timeoutMs: number): string {
  const { result } = run;
  if (result.spawnError) return `${what} could not be started: ${result.spawnError.message}`;
  if (result.interruptedBy) return `${what} was interrupted by ${result.interruptedBy} after ${formatSeconds(result.durationMs)}`;
  if (result.timedOut) return `${what} timed out after ${formatSeconds(timeoutMs)} and was stopped (option "timeout")`;
  if (result.signal) return `${what} was killed by ${result.signal} after ${formatSeconds(result.durationMs)}`;
  return `${what} exited with code ${result.exitCode} after ${formatSeconds(result.durationMs)}`;
}

export const succeeded = (run: CommandRun) => run.result.exitCode === 0 && !run.result.timedOut && !run.result.interruptedBy;
