/** Load and validate each selected plan folder with the core engine. */
import { loadPlanFolder, validatePlan, type LoadedPlan } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import type { PlanFolder } from './resolve-plan-folders';

export interface CheckedPlan {
  folder: PlanFolder;
  loaded: LoadedPlan;
  /** validatePlan's diagnostics (file paths as the loader gave them). */
  diagnostics: Diagnostic[];
}

export function loadPlans(folders: readonly PlanFolder[], options: { strict?: boolean }): CheckedPlan[] {
  return folders.map((folder) => {
    const loaded = loadPlanFolder(folder.abs, { strict: options.strict === true });
    return { folder, loaded, diagnostics: validatePlan(loaded) };
  });
}
