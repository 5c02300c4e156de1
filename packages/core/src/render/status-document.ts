// STUB (owner: core-graph helper)
import type { Diagnostic } from '@nx-plan/schema';
import type { AnalyzedAchievement, HoursRange, ParallelOpportunity, PlanAnalysis, RecommendedAction, TimeSavings } from '../model/types';
export const STATUS_DOCUMENT_VERSION = 1;
export interface StatusDocument {
  version: 1;
  plans: {
    name: string;
    dir: string;
    dependencySource: string;
    achievements: Pick<AnalyzedAchievement, 'id' | 'title' | 'status' | 'level' | 'ready' | 'dependencies' | 'estimate' | 'attempts'>[];
    nextAvailable: string[];
    parallelOpportunities: ParallelOpportunity[];
    criticalPath: { ids: string[]; hours: HoursRange };
    timeSavings: TimeSavings;
    recommendedAction: RecommendedAction;
    diagnostics: Diagnostic[];
  }[];
}
export function toStatusDocument(analyses: readonly PlanAnalysis[]): StatusDocument { throw new Error('not implemented'); }
