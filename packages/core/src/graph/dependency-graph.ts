/**
 * The dependency graph in compressed sparse row form: one Int32Array of edge
 * targets, sliced per node by offsets. Built in O(V + E) with no per-node
 * allocations, so a million-achievement plan costs a few arrays.
 */
import type { AchievementNode } from '../model/types';
import { IdTable } from './id-table';

/** Compact index-based graph: node i's dependencies are deps[depStart[i] .. depStart[i+1]). Unknown/self/duplicate edges dropped. */
export interface DependencyGraph {
  ids: string[];
  /** id → node index. Built on first access when the graph comes from buildDependencyGraph (use `lookup` in hot loops). */
  indexOf: Map<string, number>;
  depStart: Int32Array;
  deps: Int32Array;
  /**
   * For node i, the position in the achievements array it was built from
   * (differs from i only when duplicate ids were dropped).
   */
  source?: Int32Array;
  /** Node index of an id, or -1: the same answer as indexOf, without building a Map. */
  lookup?: (id: string) => number;
}

/** Node index of id in graph, or -1. */
export function nodeIndex(graph: DependencyGraph, id: string): number {
  return graph.lookup ? graph.lookup(id) : (graph.indexOf.get(id) ?? -1);
}

/**
 * Builds the graph. Each distinct id becomes one node (the first achievement
 * with that id wins; later duplicates are ignored). A dependency is an edge
 * only when it names a known id other than the node itself, once per pair.
 */
export function buildDependencyGraph(achievements: readonly AchievementNode[]): DependencyGraph {
  const table = new IdTable(achievements.length);
  const sourceOf = new Int32Array(achievements.length);
  let edgeBound = 0;
  for (let a = 0; a < achievements.length; a++) {
    const node = achievements[a];
    const size = table.size;
    if (table.add(node.id) !== -1) continue;
    sourceOf[size] = a;
    edgeBound += node.dependencies.length;
  }

  const ids = table.keys;
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
      const dep = list[k];
      if (typeof dep !== 'string') continue;
      const d = table.get(dep);
      if (d === -1 || d === i || lastOwner[d] === i + 1) continue;
      lastOwner[d] = i + 1;
      deps[e++] = d;
    }
  }
  depStart[n] = e;
  if (e < edgeBound) deps = deps.slice(0, e);

  let indexOf: Map<string, number> | undefined;
  const graph = {
    ids,
    depStart,
    deps,
    source: n === achievements.length ? sourceOf : sourceOf.slice(0, n),
    lookup: (id: string) => table.get(id),
  } as DependencyGraph;
  Object.defineProperty(graph, 'indexOf', {
    enumerable: true,
    configurable: true,
    get(): Map<string, number> {
      if (!indexOf) {
        indexOf = new Map();
        for (let i = 0; i < n; i++) indexOf.set(ids[i], i);
      }
      return indexOf;
    },
  });
  return graph;
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
