/**
 * Cycle detection: an iterative Tarjan SCC pass (explicit stacks, no
 * recursion), then one concrete cycle per strongly connected component,
 * found by a breadth-first search inside the component. O(V + E) overall.
 */
import { compareAchievementIds } from '../model/ids';
import type { DependencyGraph } from './dependency-graph';

export interface CycleGroup {
  /**
   * One real cycle in flow order: each id is a dependency of the next, and
   * the last is a dependency of the first (`['1.2','2.1','3.1']` reads
   * 1.2 → 2.1 → 3.1 → 1.2: 2.1 depends on 1.2, …, 1.2 depends on 3.1).
   * Starts at the component's smallest id.
   */
  cycle: string[];
  /** Every id of the strongly connected component, smallest first (a superset of cycle). */
  members: string[];
}

/** Strongly connected components with more than one node, as node-index arrays. */
export function findStronglyConnectedComponents(graph: DependencyGraph): Int32Array[] {
  const { depStart, deps } = graph;
  const n = graph.ids.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const components: Int32Array[] = [];
  let sp = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let cp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[cp] = root;
    callEdge[cp] = depStart[root];
    cp++;
    while (cp > 0) {
      const v = callNode[cp - 1];
      const e = callEdge[cp - 1];
      if (e < depStart[v + 1]) {
        callEdge[cp - 1] = e + 1;
        const w = deps[e];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[cp] = w;
          callEdge[cp] = depStart[w];
          cp++;
        } else if (onStack[w] === 1 && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      cp--;
      if (cp > 0) {
        const parent = callNode[cp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        let top = sp;
        do {
          top--;
          onStack[stack[top]] = 0;
        } while (stack[top] !== v);
        if (sp - top > 1) components.push(stack.slice(top, sp));
        sp = top;
      }
    }
  }
  return components;
}

/** Every non-trivial strongly connected component with one real cycle through it, ordered by smallest id. */
export function findCycleGroups(graph: DependencyGraph): CycleGroup[] {
  const components = findStronglyConnectedComponents(graph);
  if (components.length === 0) return [];
  const { ids, depStart, deps } = graph;
  const n = ids.length;
  const component = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const groups: CycleGroup[] = [];

  for (let c = 0; c < components.length; c++) {
    const nodes = components[c];
    for (let k = 0; k < nodes.length; k++) component[nodes[k]] = c;
    let start = nodes[0];
    for (let k = 1; k < nodes.length; k++) {
      if (compareAchievementIds(ids[nodes[k]], ids[start]) < 0) start = nodes[k];
    }

    // Breadth-first along dependency edges from start until an edge leads back to it.
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    parent[start] = start;
    let closing = -1;
    while (head < tail && closing === -1) {
      const u = queue[head++];
      for (let e = depStart[u]; e < depStart[u + 1]; e++) {
        const w = deps[e];
        if (component[w] !== c) continue;
        if (w === start) {
          closing = u;
          break;
        }
        if (parent[w] === -1) {
          parent[w] = u;
          queue[tail++] = w;
        }
      }
    }
    // start depends on … depends on closing depends on start; flow order is the reverse.
    const cycle = [ids[start]];
    if (closing !== -1) {
      for (let v = closing; v !== start; v = parent[v]) cycle.push(ids[v]);
    }
    for (let k = 0; k < tail; k++) parent[queue[k]] = -1;
    const members = Array.from(nodes, (i) => ids[i]).sort(compareAchievementIds);
    groups.push({ cycle, members });
  }
  return groups.sort((a, b) => compareAchievementIds(a.cycle[0], b.cycle[0]));
}

/** Iterative Tarjan SCC; one cycle path per non-trivial SCC, e.g. ['1.2','2.1','3.1'] meaning 1.2 → 2.1 → 3.1 → 1.2. */
export function findCycles(graph: DependencyGraph): string[][] {
  return findCycleGroups(graph).map((group) => group.cycle);
}
