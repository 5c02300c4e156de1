/**
 * One plan loaded, validated and analysed by the engine exactly as the
 * `status` and `validate` executors do it (executors/lib/load-plans), with
 * the folder and diagnostic paths made workspace-relative and the
 * recommended commands naming the plan's Nx project.
 */
import { analyzePlan, type LoadedPlan, type PlanAnalysis } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { loadPlans } from '../../executors/lib/load-plans';
import { relativeDiagnostics } from '../../executors/lib/relative-diagnostics';
import type { WorkspacePlan } from './plan-workspace';

export interface AnalyzedWorkspacePlan {
  plan: WorkspacePlan;
  loaded: LoadedPlan;
  /** validatePlan's diagnostics, workspace-relative (what `validate` reports). */
  diagnostics: Diagnostic[];
  /** With `dir` and diagnostics workspace-relative (what `status` reports). */
  analysis: PlanAnalysis;
}

export function analyzeWorkspacePlan(workspaceRoot: string, plan: WorkspacePlan, strict: boolean): AnalyzedWorkspacePlan {
  const [{ loaded, diagnostics }] = loadPlans([{ abs: plan.abs, rel: plan.dir }], { strict });
  const analysis = analyzePlan(loaded, { strict, projectName: plan.project, diagnostics });
  return {
    plan,
    loaded,
    diagnostics: relativeDiagnostics(diagnostics, workspaceRoot),
    analysis: { ...analysis, dir: plan.dir, diagnostics: relativeDiagnostics(analysis.diagnostics, workspaceRoot) },
  };
}
