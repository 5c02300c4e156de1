/**
 * Plans whose files could not be read as a plan at all: the PLAN is missing or
 * lists no achievements, a file or folder is unreadable (or parallel.json is a
 * directory), parallel.json is not JSON, or a folder holds several PLANs.
 * status and graph still print what they can, but such a report is not a
 * result, so they exit non-zero (SPEC §7). Ordinary validation problems stay
 * part of the report; `validate` is the gate for those.
 */
import { taskLogger as logger } from './task-logger';
import { renderDiagnostics } from '@nx-plan/core';
import type { Diagnostic, DiagnosticCode } from '@nx-plan/schema';

export const UNREADABLE_PLAN_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'PLAN001',
  'PLAN020',
  'PLAN021',
  'PLAN022',
  'PLAN024',
]);

export function unreadablePlanDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && UNREADABLE_PLAN_CODES.has(d.code));
}

/**
 * Print (to stderr, as the Nx logger would, without loading Nx) why each unreadable plan could not
 * be read; true when there was at least one.
 */
export function reportUnreadablePlans(plans: readonly { name: string; diagnostics: readonly Diagnostic[] }[]): boolean {
  let found = false;
  for (const plan of plans) {
    const problems = unreadablePlanDiagnostics(plan.diagnostics);
    if (problems.length === 0) continue;
    found = true;
    logger.error(`error: plan ${plan.name} could not be read:\n${renderDiagnostics(problems, { color: false }).replace(/\n+$/, '')}`);
  }
  return found;
}
