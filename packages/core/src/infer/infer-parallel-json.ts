// STUB (owner: core-loader helper)
import type { ParallelJson } from '@nx-plan/schema';
import type { PlanDocument } from '../model/types';
/** Draft dependency tree (SPEC §5): priorities in order; within a priority independent unless the text names a prerequisite. Valid against the strict schema; notes say it is a draft. */
export function inferParallelJson(plan: PlanDocument, planName: string): ParallelJson { throw new Error('not implemented'); }
