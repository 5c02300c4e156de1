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
import { namedFilePaths, withoutShortNames } from './file-mentions';
import { findFileOverlaps, type FileOverlap, type OverlapCandidate } from './find-file-overlaps';

/** Paths per achievement id, computed once per loaded plan (validate and analyze build graphs of their own). */
const cache = new WeakMap<LoadedPlan, Map<string, string[]>>();

function merge(into: Map<string, string[]>, id: string, paths: string[]): void {
  if (paths.length === 0) return;
  const known = into.get(id);
  if (!known) {
    into.set(id, paths);
    return;
  }
  const seen = new Set(known);
  for (const path of paths) if (!seen.has(path)) known.push(path);
}

/** Paths named by each achievement's PLAN text and by the SUBPLAN of each open achievement, by id (only achievements that name some). */
export function namedPathsById(plan: LoadedPlan): Map<string, string[]> {
  const cached = cache.get(plan);
  if (cached) return cached;
  const paths = new Map<string, string[]>();
  for (const a of plan.plan?.achievements ?? []) {
    const named = namedFilePaths(a.body === '' ? a.title : `${a.title}\n${a.body}`);
    if (named.length > 0) merge(paths, a.id, named);
  }
  const read = plan.readPlanFile;
  if (read && plan.files.byNm.size > 0) {
    let known: Set<string> | undefined;
    for (const [nm, files] of plan.files.byNm) {
      // Only open achievements: a finished one conflicts with nobody.
      if (!files.subplan || files.approved || files.skipped) continue;
      known ??= new Set(plan.achievements.map((a) => a.id));
      const ids = idsOfNm(nm).filter((id) => known!.has(id));
      // No achievement of that number, or several (an NM collision, PLAN008): the SUBPLAN cannot be attributed.
      if (ids.length !== 1) continue;
      const text = read(files.subplan);
      if (text !== undefined) merge(paths, ids[0], namedFilePaths(text));
    }
  }
  // The PLAN may say `utils.py` where the SUBPLAN says `src/utils.py`: one file.
  for (const [id, list] of paths) paths.set(id, withoutShortNames(list));
  cache.set(plan, paths);
  return paths;
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
  const byId = namedPathsById(plan);
  if (byId.size < 2) return [];
  const indexed: { i: number; paths: string[] }[] = [];
  for (const [id, paths] of byId) {
    const i = nodeIndex(graph, id);
    if (i >= 0 && levels[i] >= 0 && open(i)) indexed.push({ i, paths });
  }
  indexed.sort((a, b) => a.i - b.i);
  const candidates: OverlapCandidate[] = indexed.map(({ i, paths }) => ({ id: graph.ids[i], level: levels[i], paths }));
  return findFileOverlaps(candidates);
}
