/**
 * The dependency graph in compressed sparse row form: one Int32Array of edge
 * targets, sliced per node by offsets. Built in O(V + E) with no per-node
 * allocations, so a million-achievement plan costs a few arrays.
 */
import type { AchievementNode } from '../model/types';

/** Compact index-based graph: node i's dependencies are deps[depStart[i] .. depStart[i+1]). Unknown/self/duplicate edges dropped. */
export interface DependencyGraph {
  ids: string[];
  indexOf: Map<string, number>;
  depStart: Int32Array;
  deps: Int32Array;
  /**
   * For node i, the position in the achievements array it was built from
   * (differs from i only when duplicate ids were dropped).
   */
  source?: Int32Array;
}

/**
 * Builds the graph. Each distinct id becomes one node (the first achievement
 * with that id wins; later duplicates are ignored). A dependency is an edge
 * only when it names a known id other than the node itself, once per pair.
 */
export function buildDependencyGraph(achievements: readonly AchievementNode[]): DependencyGraph {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const sourceOf = new Int32Array(achievements.length);
  let edgeBound = 0;
  for (let a = 0; a < achievements.length; a++) {
    const node = achievements[a];
    if (indexOf.get(node.id) !== undefined) continue;
    const size = ids.length;
    indexOf.set(node.id, size);
    sourceOf[size] = a;
    ids.push(node.id);
    edgeBound += node.dependencies.length;
  }

  const n = ids.length;
  const depStart = new Int32Array(n + 1);
  let deps = new Int32Array(edgeBound);
  // lastOwner[d] === i + 1 means the edge i → d was already added.
  const lastOwner = new Int32Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    depStart[i] = e;
    const list = achievements[sourceOf[i]].dependencies;
    for (let k = 0; k < list.length; k++) {
      const d = indexOf.get(list[k]);
      if (d === undefined || d === i || lastOwner[d] === i + 1) continue;
      lastOwner[d] = i + 1;
      deps[e++] = d;
    }
  }
  depStart[n] = e;
  if (e < edgeBound) deps = deps.slice(0, e);
  return { ids, indexOf, depStart, deps, source: n === achievements.length ? sourceOf : sourceOf.slice(0, n) };
}

/**
 * The reverse graph (dependents): node i's dependents are
 * dependents[start[i] .. start[i+1]), in increasing node order.
 */
export function buildDependents(graph: DependencyGraph): { start: Int32Array; dependents: Int32Array } {
  const n = graph.ids.length;
  const { depStart, deps } = graph;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < deps.length; e++) start[deps[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const dependents = new Int32Array(deps.length);
  for (let i = 0; i < n; i++) {
    for (let e = depStart[i]; e < depStart[i + 1]; e++) dependents[fill[deps[e]]++] = i;
  }
  return { start, dependents };
}
