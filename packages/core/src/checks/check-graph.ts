// STUB (owner: core-graph helper)
import type { Diagnostic } from '@nx-plan/schema';
import type { LoadedPlan } from '../model/types';
/** Duplicate ids, unknown/self/duplicate dependencies, every cycle with its path, <NM> collisions. */
export function checkGraph(plan: LoadedPlan): Diagnostic[] { throw new Error('not implemented'); }
