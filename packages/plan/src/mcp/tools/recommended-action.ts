/** A plan's recommended action as the tools return it: every field the engine gives (e.g. review `details`), copied. */
import type { PlanAnalysis } from '@nx-plan/core';

export function recommendedActionOf(analysis: PlanAnalysis): Record<string, unknown> & { kind: string; message: string; command?: string; ids: string[] } {
  const action = analysis.recommendedAction;
  return JSON.parse(JSON.stringify({ ...action, ids: [...action.ids] }));
}
