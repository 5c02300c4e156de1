/** The plans a tool works on: the one its `plan` argument names, or every plan of the workspace. */
import { ToolInputError } from '../lib/tool-input-error';
import { analyzeWorkspacePlan, type AnalyzedWorkspacePlan } from '../workspace/analyze-workspace-plan';
import type { PlanWorkspace } from '../workspace/plan-workspace';

export function analyzeSelectedPlans(workspace: PlanWorkspace, args: { plan?: string; strict?: boolean }): AnalyzedWorkspacePlan[] {
  const settings = workspace.settings();
  const strict = args.strict ?? settings.strict;
  const plans = args.plan !== undefined ? [workspace.resolvePlan('plan', args.plan, settings)] : workspace.plans(settings);
  if (plans.length === 0) {
    throw new ToolInputError('plan', `no plan (folder holding PLAN_<NAME>.md) found in ${workspace.root}`);
  }
  return plans.map((plan) => analyzeWorkspacePlan(workspace.root, plan, strict));
}

export function analyzeOnePlan(workspace: PlanWorkspace, args: { plan: string; strict?: boolean }): AnalyzedWorkspacePlan {
  const settings = workspace.settings();
  const plan = workspace.resolvePlan('plan', args.plan, settings);
  return analyzeWorkspacePlan(workspace.root, plan, args.strict ?? settings.strict);
}
