/** Load and validate each selected plan folder with the core engine. */
import { loadPlanFolder, validatePlan, type LoadedPlan } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { findWorkspaceRoot } from '../../config/find-workspace-root';
import { readPluginEntry } from '../../config/read-plugin-options';
import { DEFAULT_MAX_ACHIEVEMENT_TARGETS, giantPlanDiagnostic, maxAchievementTargetsOf } from '../../plugins/lib/giant-plan';
import { targetAchievementCount } from '../../plugins/lib/target-achievements';
import type { PlanFolder } from './resolve-plan-folders';

export interface CheckedPlan {
  folder: PlanFolder;
  loaded: LoadedPlan;
  /** validatePlan's diagnostics (file paths as the loader gave them). */
  diagnostics: Diagnostic[];
}

export function loadPlans(
  folders: readonly PlanFolder[],
  options: { strict?: boolean; maxAchievementTargets?: number }
): CheckedPlan[] {
  return folders.map((folder) => {
    const loaded = loadPlanFolder(folder.abs, { strict: options.strict === true });
    const diagnostics = validatePlan(loaded);
    const giant = giantPlanDiagnostic(
      { name: loaded.name, file: loaded.parallelFile ?? loaded.planFile ?? folder.abs },
      targetAchievementCount(loaded),
      options.maxAchievementTargets ?? configuredMaxAchievementTargets(folder.abs)
    );
    if (giant) diagnostics.push(giant);
    return { folder, loaded, diagnostics };
  });
}

/**
 * `maxAchievementTargets` of the plugin entry in the nx.json of the workspace
 * holding the plan (PLAN040 must agree with the targets the plugin inferred);
 * the default when there is none or nx.json cannot be read.
 */
function configuredMaxAchievementTargets(planDir: string): number {
  const root = findWorkspaceRoot(planDir);
  if (root === undefined) return DEFAULT_MAX_ACHIEVEMENT_TARGETS;
  try {
    return maxAchievementTargetsOf(readPluginEntry(root).options);
  } catch {
    return DEFAULT_MAX_ACHIEVEMENT_TARGETS;
  }
}
