/**
 * Levels by Kahn's algorithm: a node is settled once all its dependencies
 * are, so nodes on a cycle, or depending (transitively) on one, are never
 * settled and keep level -1. Iterative, O(V + E).
 */
import { buildDependents, type DependencyGraph } from './dependency-graph';

/** Levels plus the order in which Kahn's algorithm settled the nodes (a topological order of the acyclic part). */
export interface LevelResult {
  levels: Int32Array;
  /** Settled nodes, dependencies before dependents; length = number of nodes with level ≥ 0. */
  order: Int32Array;
}

export function computeLevelsAndOrder(graph: DependencyGraph): LevelResult {
  const n = graph.ids.length;
  const { depStart } = graph;
  const { start, dependents } = buildDependents(graph);
  const levels = new Int32Array(n).fill(-1);
  const remaining = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    remaining[i] = depStart[i + 1] - depStart[i];
    if (remaining[i] === 0) {
      levels[i] = 0;
      order[tail++] = i;
    }
  }
  // The level of a node is final when it is dequeued (all its dependencies were dequeued before).
  const level = new Int32Array(n);
  for (let head = 0; head < tail; head++) {
    const u = order[head];
    const next = level[u] + 1;
    for (let e = start[u]; e < start[u + 1]; e++) {
      const w = dependents[e];
      if (next > level[w]) level[w] = next;
      if (--remaining[w] === 0) {
        levels[w] = level[w];
        order[tail++] = w;
      }
    }
  }
  return { levels, order: tail === n ? order : order.slice(0, tail) };
}

/** level = 0 without dependencies, else 1 + max(level of deps); -1 for nodes on or depending on a cycle. Iterative (Kahn). */
export function computeLevels(graph: DependencyGraph): Int32Array {
  return computeLevelsAndOrder(graph).levels;
}
