/**
 * Resolve `--plan` and load that plan through the Tree, for generators that
 * only read a plan (discover, next). Problems become one Error whose first
 * line is the summary and whose next lines are the located diagnostics: Nx
 * prints exactly that (no stack trace) and exits non-zero.
 */
import type { Tree } from '@nx/devkit';
import { loadPlanFromSource, renderDiagnostics, type LoadedPlan, type LoadOptions } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { PlanResolutionError, resolvePlan, treePlanSource, type PlanLocation } from './tree-plan';

/** Codes that leave nothing to work on: no readable PLAN or no achievements in it. */
const FATAL_PLAN_CODES = new Set(['PLAN020', 'PLAN021', 'PLAN022', 'PLAN024']);

export class PlanRefusedError extends Error {
  constructor(
    summary: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(diagnostics.length > 0 ? `${summary}\n${renderDiagnostics(diagnostics, { color: false })}` : summary);
    this.name = 'PlanRefusedError';
    // A refusal is not a crash: without a stack Nx prints the message alone, without "Pass --verbose to see the stacktrace."
    Object.defineProperty(this, 'stack', { value: '', writable: true, configurable: true, enumerable: false });
  }
}

export interface TreePlan {
  location: PlanLocation;
  loaded: LoadedPlan;
}

/** Load `--plan` from the Tree; throws PlanRefusedError when it names no usable plan. */
export function loadTreePlan(tree: Tree, plan: string | undefined, generator: string, options: LoadOptions = {}): TreePlan {
  let location: PlanLocation;
  try {
    location = resolvePlan(tree, plan ?? '');
  } catch (error) {
    if (error instanceof PlanResolutionError) throw new PlanRefusedError(`${generator}: ${error.message}`);
    throw error;
  }
  const loaded = loadPlanFromSource(treePlanSource(tree, location.dir), options);
  const fatal = loaded.diagnostics.filter((d) => d.severity === 'error' && FATAL_PLAN_CODES.has(d.code));
  if (fatal.length > 0 || !loaded.plan) {
    throw new PlanRefusedError(`${generator}: cannot read the plan in ${location.dir}; nothing was written`, fatal);
  }
  return { location, loaded };
}
