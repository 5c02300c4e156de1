/**
 * The call of this server's own tools that carries out a plan's recommended
 * action, when one exists: an agent driving the plan through MCP does not
 * have to translate the shell command.
 */
import type { PlanAnalysis } from '@nx-plan/core';
import type { WorkspacePlan } from '../workspace/plan-workspace';

export interface ToolCall {
  tool: string;
  arguments: Record<string, unknown>;
}

export function nextToolCall(plan: WorkspacePlan, analysis: PlanAnalysis): ToolCall | undefined {
  const action = analysis.recommendedAction;
  const ids = [...action.ids];
  switch (action.kind) {
    case 'fix-errors':
      return { tool: 'validate_plan', arguments: { plan: plan.dir } };
    case 'create-subplans':
      return { tool: 'prepare_achievements', arguments: { plan: plan.dir, kind: 'subplans', ...(ids.length ? { achievements: ids } : {}) } };
    case 'create-executions':
    case 'retry-failed':
      return { tool: 'prepare_achievements', arguments: { plan: plan.dir, kind: 'executions', ...(ids.length ? { achievements: ids } : {}) } };
    case 'review':
      return ids.length > 0 ? { tool: 'get_achievement', arguments: { plan: plan.dir, id: ids[0] } } : undefined;
    default:
      return undefined;
  }
}
