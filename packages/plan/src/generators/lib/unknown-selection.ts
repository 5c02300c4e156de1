/**
 * Refusals for selections that name nothing real: ids the plan lacks, a
 * level no achievement is on.
 */
import type { PlanAnalysis } from '@nx-plan/core';
import type { Selection } from './batch-selection';
import type { BatchItem } from './batch-summary';

export interface SelectionRefusal {
  refused: BatchItem[];
  refusal: string;
}

function knownRange(analysis: PlanAnalysis): string {
  const ids = analysis.achievements.map((a) => a.id);
  if (ids.length === 0) return 'the plan has no achievements';
  if (ids.length <= 12) return `the plan has ${ids.join(', ')}`;
  return `the plan has ${ids.length} achievements, ${ids[0]} … ${ids[ids.length - 1]}`;
}

export function unknownSelection(analysis: PlanAnalysis, selection: Selection, unknown: readonly string[], selectedCount: number): SelectionRefusal | undefined {
  if (unknown.length > 0) {
    return {
      refused: unknown.map((id) => ({ id, reason: 'not an achievement of this plan' })),
      refusal: `unknown achievement id${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} (${knownRange(analysis)})`,
    };
  }
  if (selection.kind === 'level' && selectedCount === 0) {
    let max = -1;
    for (const a of analysis.achievements) if (a.level > max) max = a.level;
    return {
      refused: [{ reason: `no achievement is on level ${selection.level}` }],
      refusal: `no achievement is on level ${selection.level} (${max >= 0 ? `levels are 0 to ${max}` : 'the plan has no levels'})`,
    };
  }
  return undefined;
}
