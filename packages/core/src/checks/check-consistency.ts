// STUB (owner: core-loader helper)
import type { Diagnostic } from '@nx-plan/schema';
import type { LoadedPlan } from '../model/types';
/** plan_name vs folder / unsafe; redundant fields (blocks, parallelizable_with, totals); PLAN ↔ parallel.json; odd status files. */
export function checkConsistency(plan: LoadedPlan): Diagnostic[] { throw new Error('not implemented'); }
