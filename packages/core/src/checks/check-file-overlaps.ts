/**
 * PLAN036: open achievements that can run at the same time (same dependency
 * level) and name the same files — conflicts foreseen before the agents
 * meet in a merge. Located at the PLAN line of the first achievement (else
 * its parallel.json entry).
 */
import type { Diagnostic } from '@nx-plan/schema';
import { computeLevels } from '../graph/compute-levels';
import { buildDependencyGraph, type DependencyGraph } from '../graph/dependency-graph';
import { nmOf } from '../model/ids';
import type { LoadedPlan, SourceLocation } from '../model/types';
import type { FileOverlap } from '../overlaps/find-file-overlaps';
import { namedPathsById, planFileOverlaps } from '../overlaps/plan-file-overlaps';
import { deriveStatus } from '../status/derive-status';

const PATHS_SHOWN = 5;
const IDS_SHOWN = 10;

function shown(list: readonly string[], max: number): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

/** The diagnostic of one overlap. */
export function fileOverlapDiagnostic(overlap: FileOverlap, location: SourceLocation, parallelFileName = 'parallel.json'): Diagnostic {
  const paths = shown(overlap.paths, PATHS_SHOWN);
  const both = overlap.ids.length === 2;
  const message = both
    ? `achievements ${overlap.ids[0]} and ${overlap.ids[1]} can run at the same time (level ${overlap.level}) and both name ${paths}`
    : `${overlap.ids.length} achievements of level ${overlap.level} can run at the same time and all name ${paths}: ${shown(overlap.ids, IDS_SHOWN)}`;
  const hint = both
    ? `add a dependency (e.g. "${overlap.ids[0]}" in the dependencies of ${overlap.ids[1]} in ${parallelFileName}), or split the file so that each edits its own`
    : `order them with dependencies in ${parallelFileName}, or split ${overlap.paths.length === 1 ? 'the file' : 'the files'} so that each edits its own`;
  const d: Diagnostic = { code: 'PLAN036', severity: 'warning', message, hint, file: location.file, line: location.line, column: location.column };
  if (location.pointer !== undefined) d.pointer = location.pointer;
  return d;
}

export interface CheckFileOverlapsOptions {
  /** The graph of plan.achievements, when the caller already built it. */
  graph?: DependencyGraph;
}

export function checkFileOverlaps(plan: LoadedPlan, options: CheckFileOverlapsOptions = {}): Diagnostic[] {
  if (plan.achievements.length < 2) return [];
  // Nothing to compare unless two achievements name some path: skip the graph and the levels then.
  if (namedPathsById(plan).size < 2) return [];
  const graph = options.graph ?? buildDependencyGraph(plan.achievements);
  const levels = computeLevels(graph);
  const byNm = plan.files.byNm;
  const open = (i: number): boolean => {
    if (byNm.size === 0) return true;
    const status = deriveStatus(byNm.get(nmOf(graph.ids[i])));
    return status !== 'complete' && status !== 'skipped';
  };
  const overlaps = planFileOverlaps(plan, graph, levels, open);
  if (overlaps.length === 0) return [];
  return fileOverlapDiagnostics(plan, overlaps);
}

/** Diagnostics for overlaps already computed (analyzePlan's). */
export function fileOverlapDiagnostics(plan: LoadedPlan, overlaps: readonly FileOverlap[]): Diagnostic[] {
  const planLocations = new Map<string, SourceLocation>();
  for (const a of plan.plan?.achievements ?? []) if (!planLocations.has(a.id)) planLocations.set(a.id, a.location);
  let nodeLocations: Map<string, SourceLocation> | undefined;
  const locate = (id: string): SourceLocation => {
    const fromPlan = planLocations.get(id);
    if (fromPlan) return fromPlan;
    if (!nodeLocations) {
      nodeLocations = new Map();
      for (const a of plan.achievements) if (!nodeLocations.has(a.id)) nodeLocations.set(a.id, a.location);
    }
    return nodeLocations.get(id) ?? { file: plan.planFile ?? plan.dir, line: 1, column: 1 };
  };
  const parallelName = plan.parallelFile ? plan.parallelFile.split(/[\\/]/).pop() : 'parallel.json';
  return overlaps.map((overlap) => fileOverlapDiagnostic(overlap, locate(overlap.ids[0]), parallelName));
}
