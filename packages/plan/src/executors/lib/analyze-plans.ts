/**
 * Load, validate and analyse each selected plan, with paths made relative to
 * the workspace root and the recommended commands naming the plan's Nx project.
 */
import type { ExecutorContext } from '@nx/devkit';
import { analyzePlan, type PlanAnalysis } from '@nx-plan/core';
import { loadPlans } from './load-plans';
import { projectNameForFolder } from './plan-project-names';
import { relativeDiagnostics } from './relative-diagnostics';
import type { PlanFolder } from './resolve-plan-folders';

export function analyzePlans(
  folders: readonly PlanFolder[],
  options: { strict?: boolean },
  context: ExecutorContext
): PlanAnalysis[] {
  return loadPlans(folders, options).map(({ folder, loaded, diagnostics }) => {
    const analysis = analyzePlan(loaded, {
      strict: options.strict === true,
      projectName: projectNameForFolder(context, folder.rel, loaded.name),
      diagnostics,
    });
    return { ...analysis, dir: folder.rel, diagnostics: relativeDiagnostics(analysis.diagnostics, context.root) };
  });
}
