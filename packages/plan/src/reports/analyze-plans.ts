/**
 * Load, validate and analyse each selected plan, with paths made relative to
 * the workspace root and the recommended commands naming the plan's Nx project.
 */
import { analyzePlan, type PlanAnalysis } from '@nx-plan/core';
import { loadPlans } from '../executors/lib/load-plans';
import { relativeDiagnostics } from '../executors/lib/relative-diagnostics';
import type { PlanFolder } from '../executors/lib/resolve-plan-folders';
import type { ReportContext } from './report-context';

export function analyzePlans(folders: readonly PlanFolder[], options: { strict?: boolean }, context: ReportContext): PlanAnalysis[] {
  return loadPlans(folders, options).map(({ folder, loaded, diagnostics }) => {
    const analysis = analyzePlan(loaded, {
      strict: options.strict === true,
      projectName: context.projectNameOf(folder.rel, loaded.name),
      diagnostics,
    });
    return { ...analysis, dir: folder.rel, diagnostics: relativeDiagnostics(analysis.diagnostics, context.root) };
  });
}
