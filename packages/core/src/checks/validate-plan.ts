/**
 * Everything wrong with a loaded plan, in one sorted list: what the loader
 * found (I/O, JSON, schema), the graph checks and the consistency checks.
 */
import type { Diagnostic } from '@nx-plan/schema';
import type { LoadedPlan } from '../model/types';
import { buildDependencyGraph, type DependencyGraph } from '../graph/dependency-graph';
import { checkConsistency } from './check-consistency';
import { checkFileOverlaps } from './check-file-overlaps';
import { checkGraph } from './check-graph';
import { checkRunRecords } from './check-run-records';

export interface ValidatePlanOptions {
  /** The graph of plan.achievements, when the caller already built it. */
  graph?: DependencyGraph;
}

/** Orders diagnostics by file, line, column, then code (stable for equal keys). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return 0;
}

/** loaded.diagnostics + checkGraph + checkConsistency + run records + file overlaps, sorted by file, line, column, code. */
export function validatePlan(plan: LoadedPlan, options: ValidatePlanOptions = {}): Diagnostic[] {
  const graph = options.graph ?? buildDependencyGraph(plan.achievements);
  return [
    ...plan.diagnostics,
    ...checkGraph(plan, { graph }),
    ...checkConsistency(plan),
    ...checkRunRecords(plan),
    ...checkFileOverlaps(plan, { graph }),
  ].sort(compareDiagnostics);
}

export function hasErrors(diagnostics: readonly { severity: string }[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
