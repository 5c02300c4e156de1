/**
 * Step: create what the achievement lacks before its agent runs — the SUBPLAN
 * and/or the next EXECUTION_TASK attempt — with the batch generators
 * themselves (same prefilled content, refusals and plan lock as `nx g`),
 * written in the folder the agent works in (its worktree when isolated).
 * @nx/devkit and the generators are loaded only when something is missing.
 */
import { BatchRefusal } from '../../generators/lib/batch-refusal';

export interface PrepareRequest {
  /** Workspace root the files are written under (the worktree's workspace when isolated). */
  root: string;
  /** Plan folder relative to that root. */
  planDir: string;
  achievement: string;
  subplan: boolean;
  attempt: boolean;
  strict: boolean;
}

type GeneratorFn = (tree: unknown, options: Record<string, unknown>) => Promise<(() => void | Promise<void>) | void>;

async function runGenerator(root: string, generator: GeneratorFn, options: Record<string, unknown>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FsTree, flushChanges } = require('nx/src/generators/tree') as typeof import('nx/src/generators/tree');
  const tree = new FsTree(root, false);
  const callback = await generator(tree, options);
  flushChanges(root, tree.listChanges());
  if (typeof callback === 'function') await callback();
}

/** Returns an error message, or undefined when everything needed was created. */
export async function prepareFiles(request: PrepareRequest): Promise<string | undefined> {
  const common = { plan: request.planDir, achievements: request.achievement, yes: true, skipFormat: true, strict: request.strict };
  try {
    if (request.attempt) {
      // One batch writes the missing SUBPLAN and the EXECUTION_TASK prefilled from it (batch-execution --createSubplans).
      const { batchExecutionGenerator } = await import('../../generators/batch-execution/batch-execution');
      await runGenerator(request.root, batchExecutionGenerator as unknown as GeneratorFn, { ...common, createSubplans: request.subplan });
    } else if (request.subplan) {
      const { batchSubplanGenerator } = await import('../../generators/batch-subplan/batch-subplan');
      await runGenerator(request.root, batchSubplanGenerator as unknown as GeneratorFn, common);
    }
  } catch (error) {
    if (error instanceof BatchRefusal) return error.message;
    return `preparing the files of achievement ${request.achievement} failed: ${(error as Error).message}`;
  }
  return undefined;
}
