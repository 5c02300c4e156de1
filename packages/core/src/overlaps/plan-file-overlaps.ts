/**
 * The file overlaps of a loaded plan: for every open achievement (not
 * complete or skipped) the paths named by its PLAN text (title and detail
 * section) and by its SUBPLAN, then findFileOverlaps per dependency level.
 * The paths of each achievement are extracted once per loaded plan and
 * shared by validate and analyze.
 */
import type { DependencyGraph } from '../graph/dependency-graph';
import { nodeIndex } from '../graph/dependency-graph';
import { nmOf } from '../model/ids';
import type { LoadedPlan } from '../model/types';
import { namedFilePaths } from './file-mentions';
import { findFileOverlaps, type FileOverlap, type OverlapCandidate } from './find-file-overlaps';

/** Paths per graph node index, for the plan and graph they were computed for. */
const cache = new WeakMap<LoadedPlan, { graph: DependencyGraph; paths: Map<number, string[]> }>();

function merge(into: Map<number, string[]>, i: number, paths: string[]): void {
  if (paths.length === 0) return;
  const known = into.get(i);
  if (!known) {
    into.set(i, paths);
    return;
  }
  const seen = new Set(known);
  for (const path of paths) if (!seen.has(path)) known.push(path);
}

/** Paths named by each achievement's PLAN text and SUBPLAN, keyed by graph node index (only achievements that name some). */
export function namedPathsByNode(plan: LoadedPlan, graph: DependencyGraph): Map<number, string[]> {
  const cached = cache.get(plan);
  if (cached && cached.graph === graph) return cached.paths;
  const paths = new Map<number, string[]>();
  for (const a of plan.plan?.achievements ?? []) {
    const named = namedFilePaths(a.body === '' ? a.title : `${a.title}\n${a.body}`);
    if (named.length === 0) continue;
    const i = nodeIndex(graph, a.id);
    if (i >= 0) merge(paths, i, named);
  }
  const read = plan.readPlanFile;
  if (read && plan.files.byNm.size > 0) {
    for (const [nm, files] of plan.files.byNm) {
      // Only open achievements: a finished one conflicts with nobody.
      if (!files.subplan || files.approved || files.skipped) continue;
      const i = indexOfNm(graph, nm);
      if (i < 0) continue;
      const text = read(files.subplan);
      if (text !== undefined) merge(paths, i, namedFilePaths(text));
    }
  }
  cache.set(plan, { graph, paths });
  return paths;
}

/** The graph node whose id gives nm, or -1 (none, or several: an NM collision). */
function indexOfNm(graph: DependencyGraph, nm: string): number {
  let found = -1;
  for (const id of idsOfNm(nm)) {
    const i = nodeIndex(graph, id);
    if (i < 0) continue;
    if (found >= 0 && found !== i) return -1;
    found = i;
  }
  return found;
}

/** The ids `<priority>.<index>` whose NM is nm (a dot at each possible place). */
function idsOfNm(nm: string): string[] {
  const ids: string[] = [];
  for (let k = 1; k < nm.length; k++) {
    const id = `${nm.slice(0, k)}.${nm.slice(k)}`;
    if (nmOf(id) === nm) ids.push(id);
  }
  return ids;
}

/**
 * File overlaps between open achievements of the same level. `levels[i]` is
 * node i's level (-1 on a cycle); `open(i)` says whether node i is neither
 * complete nor skipped.
 */
export function planFileOverlaps(plan: LoadedPlan, graph: DependencyGraph, levels: ArrayLike<number>, open: (i: number) => boolean): FileOverlap[] {
  const byNode = namedPathsByNode(plan, graph);
  if (byNode.size < 2) return [];
  const indices = [...byNode.keys()].filter((i) => levels[i] >= 0 && open(i)).sort((a, b) => a - b);
  const candidates: OverlapCandidate[] = indices.map((i) => ({ id: graph.ids[i], level: levels[i], paths: byNode.get(i)! }));
  return findFileOverlaps(candidates);
}
