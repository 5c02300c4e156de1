/**
 * `@nx-plan/plan:run-achievement`: runs the configured agent command for one
 * achievement of a plan (SPEC §6.4). Each inferred `achievement-<id>` target uses
 * it, so `nx run plan-<name>:execute --parallel=N` lets Nx's scheduler run
 * independent achievements at the same time and dependents after.
 */
import { constants as osConstants } from 'node:os';
import { join, posix } from 'node:path';
// Types only: this module runs in a fresh Nx task process per achievement, and
// loading @nx/devkit's index there costs more than the rest of the executor.
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { defaultProjectName, inProgressMarkerPath, renderDiagnostics } from '@nx-plan/core';
import { taskLogger as logger } from '../lib/task-logger';
import type { RunAchievementExecutorSchema } from './schema';
import { readAchievementState } from './lib/achievement-state';
import { agentEnvironment, substitutePlaceholders, type AgentCommandValues } from './lib/agent-command';
import { acquireMarker, releaseMarker, type MarkerContent } from './lib/in-progress-marker';
import { normalizeOptions, RunAchievementError, type NormalizedRunOptions } from './lib/normalize-options';
import { spawnAgent, type AgentRunResult } from './lib/spawn-agent';

function planPath(options: NormalizedRunOptions, relativeToPlan: string): string {
  return options.planDir === '.' ? relativeToPlan : posix.join(options.planDir, relativeToPlan);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function describeFailure(result: AgentRunResult, options: NormalizedRunOptions): string {
  const what = `agent command for achievement ${options.achievement}`;
  if (result.spawnError) return `${what} could not be started: ${result.spawnError.message}`;
  if (result.interruptedBy) return `${what} was interrupted by ${result.interruptedBy} after ${formatSeconds(result.durationMs)}`;
  if (result.timedOut) {
    return `${what} timed out after ${formatSeconds(options.timeoutMs)} and was stopped (option "timeout")`;
  }
  if (result.signal) return `${what} was killed by ${result.signal} after ${formatSeconds(result.durationMs)}`;
  return `${what} exited with code ${result.exitCode} after ${formatSeconds(result.durationMs)}`;
}

function fail(message: string): { success: false } {
  logger.error(message);
  return { success: false };
}

/** Run one achievement; never throws (every problem is a message and `success: false`). */
export async function runAchievementExecutor(
  rawOptions: RunAchievementExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  let options: NormalizedRunOptions;
  try {
    options = normalizeOptions(rawOptions, context);
  } catch (error) {
    if (error instanceof RunAchievementError) return fail(`run-achievement: ${error.message}`);
    return fail(`run-achievement: invalid options: ${(error as Error).message}`);
  }

  let state: ReturnType<typeof readAchievementState>;
  try {
    state = readAchievementState(options.planDirAbs, options.achievement);
  } catch (error) {
    return fail(`run-achievement: could not read plan folder ${options.planDir}: ${(error as Error).message}`);
  }

  const planName = state.plan.name;
  const project = options.projectName ?? defaultProjectName(planName);
  const id = options.achievement;

  switch (state.kind) {
    case 'invalid-plan':
      logger.error(renderDiagnostics(state.diagnostics, { relativeTo: options.workspaceRoot }));
      return fail(
        `run-achievement: plan ${planName} has errors, so achievement ${id} is not run; fix them first (npx nx run ${project}:validate)`,
      );
    case 'unknown-achievement': {
      const known = state.known.length === 0 ? 'it has none' : `it has ${state.known.slice(0, 20).join(', ')}${state.known.length > 20 ? ', …' : ''}`;
      return fail(`run-achievement: plan ${planName} (${options.planDir}) has no achievement ${id}; ${known}`);
    }
    case 'done':
      logger.info(`Achievement ${id} of ${planName} is already ${state.status}; nothing to run.`);
      return { success: true };
    case 'missing-subplan':
      return fail(
        `run-achievement: achievement ${id} of ${planName} has no SUBPLAN: ${planPath(options, state.expected)}` +
          `${state.isDirectory ? ' is a directory, not a file' : ' does not exist'}.\n` +
          `  Create it with: npx nx g @nx-plan/plan:batch-subplan --plan=${planName} --achievements=${id}`,
      );
    case 'missing-execution':
      return fail(
        `run-achievement: achievement ${id} of ${planName} has no EXECUTION_TASK: ${planPath(options, state.expected)}` +
          `${state.isDirectory ? ' is a directory, not a file' : ' does not exist'}.\n` +
          `  Create it with: npx nx g @nx-plan/plan:batch-execution --plan=${planName} --achievements=${id}`,
      );
    case 'runnable':
      break;
  }

  if (options.agentCommand === undefined) {
    return fail(
      `run-achievement: no agent command configured for achievement ${id} of ${planName}.\n` +
        `  Set "agentCommand" in the @nx-plan/plan plugin options in nx.json, e.g.\n` +
        `    { "plugin": "@nx-plan/plan", "options": { "agentCommand": "my-agent --task {executionFile}" } }\n` +
        `  or per target: "options": { "agentCommand": "…" } on ${project}:${options.targetName ?? `achievement-${id}`}, ` +
        `or pass --agentCommand on the command line.`,
    );
  }

  const values: AgentCommandValues = {
    plan: planName,
    planDir: options.planDir,
    achievement: id,
    subplanFile: planPath(options, state.subplanFile),
    executionFile: planPath(options, state.executionFile),
    workspaceRoot: options.workspaceRoot,
  };
  const command = substitutePlaceholders(options.agentCommand, values);
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // Nx sets FORCE_COLOR for its tasks; with the user's NO_COLOR also set, every
  // Node-based agent would warn that one of them is ignored. NO_COLOR wins.
  if (inherited.NO_COLOR && inherited.FORCE_COLOR !== undefined) delete inherited.FORCE_COLOR;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    ...options.env,
    ...agentEnvironment(values),
    ...(state.fixFile !== undefined ? { NX_PLAN_FIX_FILE: planPath(options, state.fixFile) } : {}),
  };

  if (state.fixFile !== undefined) {
    logger.warn(
      `Achievement ${id} has review feedback ${planPath(options, state.fixFile)}; running attempt ${state.attempts} ` +
        `(${values.executionFile}). Create a new attempt first with npx nx g @nx-plan/plan:batch-execution --plan=${planName} --achievements=${id} if it addresses an older one.`,
    );
  }

  const markerRel = inProgressMarkerPath(id);
  const markerAbs = join(options.planDirAbs, markerRel);
  const marker: MarkerContent = { pid: process.pid, startedAt: new Date().toISOString(), achievement: id };
  let acquired: ReturnType<typeof acquireMarker>;
  try {
    acquired = acquireMarker(markerAbs, marker);
  } catch (error) {
    return fail(`run-achievement: could not create the in_progress marker ${planPath(options, markerRel)}: ${(error as Error).message}`);
  }
  if (acquired.kind === 'held') {
    const holder = acquired.holder.content;
    return fail(
      `run-achievement: achievement ${id} of ${planName} is already in progress` +
        (holder ? ` (pid ${holder.pid}, since ${holder.startedAt})` : '') +
        `; another agent is working on it.\n  If no agent is running, delete ${planPath(options, markerRel)} and run again.`,
    );
  }
  if (acquired.replacedStale) {
    const stale = acquired.replacedStale.content;
    logger.warn(
      `Replaced a stale in_progress marker for ${id}` +
        (stale ? ` (pid ${stale.pid} from ${stale.startedAt} is no longer running)` : ' (its content was not a valid marker)') +
        '.',
    );
  }

  // Last resort if something ends the process while the command runs (process.exit elsewhere).
  const releaseOnExit = () => releaseMarker(markerAbs, marker);
  process.on('exit', releaseOnExit);
  let result: AgentRunResult;
  try {
    logger.info(`Achievement ${id} of ${planName}: ${command}`);
    result = await spawnAgent(command, {
      cwd: options.workspaceRoot,
      env,
      timeoutMs: options.timeoutMs,
      onSignal: () => releaseMarker(markerAbs, marker),
    });
  } finally {
    releaseMarker(markerAbs, marker);
    process.removeListener('exit', releaseOnExit);
  }

  if (result.interruptedBy) {
    logger.error(`run-achievement: ${describeFailure(result, options)}; the in_progress marker was removed.`);
    // Exit as Nx's own executors do on SIGINT/SIGTERM: 128 + signal number.
    process.exit(128 + (osConstants.signals[result.interruptedBy] ?? 1));
  }
  if (result.exitCode === 0 && !result.timedOut) {
    logger.info(`Achievement ${id} of ${planName}: agent command finished in ${formatSeconds(result.durationMs)}.`);
    return { success: true };
  }
  return fail(`run-achievement: ${describeFailure(result, options)}: ${command}`);
}

const runAchievement: PromiseExecutor<RunAchievementExecutorSchema> = runAchievementExecutor;
export default runAchievement;
