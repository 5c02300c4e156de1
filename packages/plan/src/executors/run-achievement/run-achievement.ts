/**
 * `@nx-plan/plan:run-achievement`: the achievement run as an executor, for
 * targets written by hand in project.json. The inferred `achievement-<id>`
 * targets call the same run through `nx-plan run-achievement` (an
 * nx:run-commands target, no forked executor); both share one pipeline
 * (packages/plan/src/run/run-achievement.ts).
 */
// Types only: loading @nx/devkit's index in the task process costs more than the run itself.
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { isNxPlanPluginEntry } from '../../config/plugin-entry';
import { runAchievement } from '../../run/run-achievement';
import { resolveRunOptions, RunAchievementError } from '../../run/run-options';
import { taskLogger as logger } from '../lib/task-logger';
import type { RunAchievementExecutorSchema } from './schema';

/** The @nx-plan/plan plugin options of nx.json, as Nx gives them to the executor. */
export function pluginOptionsFromContext(context: ExecutorContext): Record<string, unknown> {
  for (const entry of context.nxJsonConfiguration?.plugins ?? []) {
    if (typeof entry === 'string' || !isNxPlanPluginEntry(entry.plugin)) continue;
    const options = entry.options as Record<string, unknown> | undefined;
    return options && typeof options === 'object' ? options : {};
  }
  return {};
}

/** Run one achievement; never throws (every problem is a message and `success: false`). */
export async function runAchievementExecutor(
  options: RunAchievementExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  let code: number;
  try {
    const resolved = resolveRunOptions({ ...options }, pluginOptionsFromContext(context), context.root, {
      ...(context.projectName ? { projectName: context.projectName } : {}),
      ...(context.targetName ? { targetName: context.targetName } : {}),
    });
    code = await runAchievement(resolved, logger);
  } catch (error) {
    const message = error instanceof RunAchievementError ? error.message : (error as Error).message;
    logger.error(`run-achievement: ${message}`);
    return { success: false };
  }
  // Interrupted: exit as Nx's own executors do on SIGINT/SIGTERM (128 + signal number).
  if (code > 128) process.exit(code);
  return { success: code === 0 };
}

const runAchievementTarget: PromiseExecutor<RunAchievementExecutorSchema> = runAchievementExecutor;
export default runAchievementTarget;
