// STUB (owner: core-graph helper)
import type { Diagnostic } from '@nx-plan/schema';
import type { LoadedPlan } from '../model/types';
/** loaded.diagnostics + checkGraph + checkConsistency, sorted by file, line, column, code. */
export function validatePlan(plan: LoadedPlan): Diagnostic[] { throw new Error('not implemented'); }
export function hasErrors(diagnostics: readonly { severity: string }[]): boolean { return diagnostics.some((d) => d.severity === 'error'); }
