/**
 * Graph checks beyond the schema: duplicate ids (PLAN003), unknown (PLAN004),
 * self (PLAN005) and repeated (PLAN006) dependencies, every cycle with its
 * full path (PLAN007) and `<NM>` file-name collisions (PLAN008). O(V + E).
 */
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from '@nx-plan/schema';
import { parallelPositions } from '../files/json-pointer-location';
import { compareAchievementIds, nmOf } from '../model/ids';
import type { AchievementNode, LoadedPlan, SourceLocation } from '../model/types';
import { buildDependencyGraph, nodeIndex, type DependencyGraph } from '../graph/dependency-graph';
import { IdTable } from '../graph/id-table';
import { findCycleGroups } from '../graph/find-cycles';

const ACHIEVEMENT_POINTER = /^\/achievements\/\d+/;

/** Position in the achievements array of graph node i. */
function sourceOf(graph: DependencyGraph, i: number): number {
  return graph.source ? graph.source[i] : i;
}

/** Longest cycle printed in full; longer ones keep their first and last steps. */
const MAX_PATH_SHOWN = 200;
const MAX_MEMBERS_SHOWN = 50;

/** `1.2 → 2.1 → 3.1 → 1.2`; a cycle of thousands of achievements is shortened in the middle, saying by how much. */
function cyclePath(cycle: readonly string[]): string {
  const closed = [...cycle, cycle[0]];
  if (closed.length <= MAX_PATH_SHOWN) return closed.join(' → ');
  const half = MAX_PATH_SHOWN / 2;
  return `${closed.slice(0, half).join(' → ')} → … ${closed.length - 2 * half} more … → ${closed.slice(-half).join(' → ')}`;
}

function idList(ids: readonly string[]): string {
  return ids.length <= MAX_MEMBERS_SHOWN ? ids.join(', ') : `${ids.slice(0, MAX_MEMBERS_SHOWN).join(', ')} and ${ids.length - MAX_MEMBERS_SHOWN} more`;
}

export interface CheckGraphOptions {
  /** The graph of plan.achievements, when the caller already built it. */
  graph?: DependencyGraph;
}

/** Duplicate ids, unknown/self/duplicate dependencies, every cycle with its path, <NM> collisions. */
export function checkGraph(plan: LoadedPlan, options: CheckGraphOptions = {}): Diagnostic[] {
  const achievements = plan.achievements;
  const graph = options.graph ?? buildDependencyGraph(achievements);
  const diagnostics: Diagnostic[] = [];

  /** Location of dependency entry k of a node (falls back to the node's own location). */
  const dependencyLocation = (node: AchievementNode, k: number): SourceLocation => {
    const base = node.location;
    const match = base.pointer === undefined ? null : ACHIEVEMENT_POINTER.exec(base.pointer);
    if (!match) return base;
    const pointer = `${match[0]}/dependencies/${k}`;
    // One index of the text per plan, shared with the nodes' own locations; without the text, the node's own position.
    const { line, column } = parallelPositions(plan)?.positionOf(pointer) ?? base;
    return { file: base.file, line, column, pointer };
  };

  const add = (code: DiagnosticCode, at: SourceLocation, message: string, hint: string): void => {
    const diagnostic: Diagnostic = {
      code,
      severity: DIAGNOSTIC_CODES[code].defaultSeverity,
      message,
      hint,
      file: at.file,
      line: at.line,
      column: at.column,
    };
    if (at.pointer !== undefined) diagnostic.pointer = at.pointer;
    diagnostics.push(diagnostic);
  };

  // PLAN003: every id defined again after its first definition.
  if (graph.ids.length < achievements.length) {
    for (let a = 0; a < achievements.length; a++) {
      const node = achievements[a];
      const first = achievements[sourceOf(graph, nodeIndex(graph, node.id))];
      if (first === node) continue;
      const where = first.location.file === node.location.file ? `line ${first.location.line}` : `${first.location.file}:${first.location.line}`;
      add(
        'PLAN003',
        node.location,
        `achievement ${node.id} is defined more than once (first at ${where}); this entry is ignored`,
        `give this achievement its own id or delete the repeated entry`,
      );
    }
  }

  // PLAN004 / PLAN005 / PLAN006: per dependency entry.
  // A graph node that kept every listed dependency as an edge has nothing to report.
  const clean = new Uint8Array(achievements.length);
  for (let i = 0; i < graph.ids.length; i++) {
    const a = sourceOf(graph, i);
    if (graph.depStart[i + 1] - graph.depStart[i] === achievements[a].dependencies.length) clean[a] = 1;
  }
  for (let a = 0; a < achievements.length; a++) {
    if (clean[a]) continue;
    const node = achievements[a];
    const list = node.dependencies;
    const seen = list.length > 16 ? new Set<string>() : undefined;
    for (let k = 0; k < list.length; k++) {
      const dep = list[k];
      if (typeof dep !== 'string') continue;
      if (dep === node.id) {
        add('PLAN005', dependencyLocation(node, k), `achievement ${node.id} depends on itself`, `remove "${dep}" from the dependencies of ${node.id}`);
      } else if (nodeIndex(graph, dep) === -1) {
        add(
          'PLAN004',
          dependencyLocation(node, k),
          `achievement ${node.id} depends on ${dep}, which does not exist`,
          `remove "${dep}" from dependencies or add achievement ${dep}`,
        );
      } else if (seen ? seen.has(dep) : list.indexOf(dep) < k) {
        add('PLAN006', dependencyLocation(node, k), `achievement ${node.id} lists dependency ${dep} more than once`, `remove the repeated "${dep}"`);
      } else {
        seen?.add(dep);
      }
    }
  }

  // PLAN007: one diagnostic per strongly connected component, with one full cycle path.
  for (const group of findCycleGroups(graph)) {
    const { cycle, members } = group;
    const first = cycle[0];
    const last = cycle[cycle.length - 1];
    const node = achievements[sourceOf(graph, nodeIndex(graph, first))];
    const path = cyclePath(cycle);
    const extra = members.length > cycle.length ? `; ${members.length} achievements are caught in cycles together: ${idList(members)}` : '';
    add(
      'PLAN007',
      dependencyLocation(node, Math.max(0, node.dependencies.indexOf(last))),
      `dependency cycle ${path} (each arrow points to a dependent)${extra}`,
      `remove "${last}" from the dependencies of ${first} to break this cycle`,
    );
  }

  // PLAN008: ids whose dot-less file-name form is the same (compared without building the dot-less strings).
  const byNm = IdTable.skipping('.', graph.ids.length);
  let collisions: Map<number, number[]> | undefined;
  for (let i = 0; i < graph.ids.length; i++) {
    const owner = byNm.add(graph.ids[i]);
    if (owner !== -1) {
      collisions ??= new Map();
      const others = collisions.get(owner);
      if (others) others.push(i);
      else collisions.set(owner, [i]);
    }
  }
  if (collisions) {
    for (const [owner, others] of collisions) {
      const clashing = [owner, ...others].map((i) => graph.ids[i]).sort(compareAchievementIds);
      const nm = nmOf(clashing[0]);
      const file = `SUBPLAN_${plan.name}_${nm}.md`;
      for (const i of others) {
        const node = achievements[sourceOf(graph, i)];
        const names = clashing.length === 2 ? `achievements ${clashing[0]} and ${clashing[1]}` : `achievements ${clashing.join(', ')}`;
        add(
          'PLAN008',
          node.location,
          `${names} share the file-name form "${nm}" (${file}); their files cannot be told apart`,
          `renumber ${node.id} so that its id without the dot differs from ${clashing.filter((id) => id !== node.id).join(', ')}`,
        );
      }
    }
  }

  return diagnostics;
}
