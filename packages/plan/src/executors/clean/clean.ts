/**
 * `@nx-plan/plan:clean`: the `nx-plan clean` action as an executor — removes
 * the worktrees and branches of achievement runs whose work is merged, keeps
 * (and lists) everything that still holds unmerged work.
 */
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { basename } from 'node:path';
import { readdirSync } from 'node:fs';
import { planNameFromFile } from '../../plugins/lib/plan-project-name';
import { cleanWorktrees } from '../../worktree/clean';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { taskLogger as logger } from '../lib/task-logger';
import type { CleanExecutorSchema } from './schema';

function planName(abs: string): string {
  for (const file of readdirSync(abs)) {
    const name = planNameFromFile(file);
    if (name !== undefined) return name;
  }
  return basename(abs);
}

export async function cleanExecutor(options: CleanExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    const folders = resolvePlanFolders(options, context);
    const result = await cleanWorktrees(context.root, folders.map((f) => ({ abs: f.abs, name: planName(f.abs) })), { dryRun: options.dryRun });
    if (result.notGit) logger.info('Not a git repository with a commit: there are no worktrees to clean.');
    else if (result.items.length === 0) logger.info('No nx-plan worktrees or branches.');
    for (const item of result.items) {
      const line = `${item.action.padEnd(12)} ${item.branch}${item.worktree ? ` (${item.worktree})` : ''}: ${item.reason}`;
      if (item.action === 'kept') logger.warn(line);
      else logger.info(line);
    }
    return { success: true };
  } catch (error) {
    logger.error(`clean: ${(error as Error).message}`);
    return { success: false };
  }
}

const clean: PromiseExecutor<CleanExecutorSchema> = cleanExecutor;
export default clean;
