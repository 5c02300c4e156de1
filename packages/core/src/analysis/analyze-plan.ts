// STUB (owner: core-graph helper)
import type { AnalyzeOptions, LoadedPlan, PlanAnalysis } from '../model/types';
export function analyzePlan(plan: LoadedPlan, options?: AnalyzeOptions): PlanAnalysis { throw new Error('not implemented'); }
