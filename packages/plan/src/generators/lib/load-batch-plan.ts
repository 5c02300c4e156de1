/**
 * Find, load, validate and analyse the plan a batch generator acts on, all
 * through the Tree. Refuses (BatchRefusal) before anything is written when
 * the plan has validation errors, an unsafe name or `<NM>` collisions.
 */
import { logger, type Tree } from '@nx/devkit';
import {
  ACHIEVEMENT_ID_PATTERN,
  analyzePlan,
  isSafeNameComponent,
  loadPlanFromSource,
  nmOf,
  renderDiagnostics,
  validatePlan,
  type LoadedPlan,
  type PlanAnalysis,
} from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { PlanResolutionError, resolvePlan, treePlanSource, type PlanLocation } from '../../utils/tree-plan';
import { BatchRefusal } from './batch-refusal';

export interface BatchPlan {
  location: PlanLocation;
  loaded: LoadedPlan;
  analysis: PlanAnalysis;
  diagnostics: Diagnostic[];
}

/** Resolve `--plan` to a plan folder; every failure becomes a one-line refusal. */
export function resolveBatchPlan(tree: Tree, plan: string | undefined): PlanLocation {
  if (plan === undefined || String(plan).trim() === '') {
    throw new BatchRefusal('--plan is required: give a plan name (PLAN_<NAME>.md), its folder, or its project name');
  }
  try {
    return resolvePlan(tree, String(plan));
  } catch (error) {
    if (error instanceof PlanResolutionError) throw new BatchRefusal(error.message);
    throw error;
  }
}

/** Groups of ids that map to the same `<NM>` file-name part (`1.11` and `11.1`). */
export function nmCollisions(ids: readonly string[]): string[][] {
  const byNm = new Map<string, string[]>();
  for (const id of ids) {
    const nm = nmOf(id);
    const group = byNm.get(nm);
    if (group) group.push(id);
    else byNm.set(nm, [id]);
  }
  return [...byNm.values()].filter((group) => group.length > 1);
}

function blocking(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/**
 * Load and check the plan. `generator` names the caller in messages.
 * Prints the located diagnostics before refusing.
 */
export function loadBatchPlan(tree: Tree, location: PlanLocation, generator: string, strict = false): BatchPlan {
  const loaded = loadPlanFromSource(treePlanSource(tree, location.dir), { strict });
  const diagnostics = validatePlan(loaded);
  const problems = blocking(diagnostics, strict);
  if (problems.length > 0) {
    logger.error(renderDiagnostics(problems, { color: false }));
    const errors = problems.filter((d) => d.severity === 'error').length;
    const warnings = problems.length - errors;
    const counted = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'} (--strict)` : '']
      .filter(Boolean)
      .join(' and ');
    throw new BatchRefusal(`${generator} refused: plan ${location.name} (${location.dir}) has ${counted}, listed above; nothing was written`);
  }

  if (!isSafeNameComponent(loaded.name)) {
    throw new BatchRefusal(`${generator} refused: plan name ${JSON.stringify(loaded.name)} is not a safe file-name part (letters, digits, ".", "_", "-"); nothing was written`);
  }
  const ids = loaded.achievements.map((a) => a.id);
  const unsafe = ids.filter((id) => !ACHIEVEMENT_ID_PATTERN.test(id));
  if (unsafe.length > 0) {
    throw new BatchRefusal(`${generator} refused: achievement ids ${unsafe.map((id) => JSON.stringify(id)).join(', ')} are not <priority>.<index>; nothing was written`);
  }
  const collisions = nmCollisions(ids);
  if (collisions.length > 0) {
    const listed = collisions.map((group) => `${group.join(' and ')} → ${nmOf(group[0])}`).join('; ');
    throw new BatchRefusal(`${generator} refused: achievement ids share a file-name number (${listed}); rename one of each; nothing was written`);
  }

  const analysis = analyzePlan(loaded, { strict, diagnostics });
  return { location, loaded, analysis, diagnostics };
}
