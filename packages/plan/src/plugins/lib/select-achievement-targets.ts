/**
 * Which achievements can safely become Nx targets. Nx refuses a task graph with
 * a circular `dependsOn` and fails on a `dependsOn` that names a missing
 * target, so an achievement gets a target only when it and everything it
 * depends on (transitively) is well formed. Everything else is reported with a
 * reason, which the plugin records in the project's metadata.
 *
 * Iterative and O(V + E): Kahn's algorithm over the well-formed edges leaves
 * exactly the achievements that are on a cycle or behind one.
 */
import { ACHIEVEMENT_ID_PATTERN } from '@nx-plan/core';
import type { AchievementNode } from '@nx-plan/core';

export interface ExcludedAchievement {
  id: string;
  reason: string;
}

export interface AchievementTargetSelection {
  /** Achievements that get a target, in source order, each with its (deduplicated) dependencies. */
  included: { id: string; title: string; dependencies: string[] }[];
  excluded: ExcludedAchievement[];
}

export function selectAchievementTargets(
  achievements: readonly AchievementNode[]
): AchievementTargetSelection {
  const count = new Map<string, number>();
  for (const a of achievements) count.set(a.id, (count.get(a.id) ?? 0) + 1);

  // One entry per distinct id (first occurrence), in source order.
  const nodes: AchievementNode[] = [];
  const seen = new Set<string>();
  for (const a of achievements) {
    if (!seen.has(a.id)) {
      seen.add(a.id);
      nodes.push(a);
    }
  }
  const indexOf = new Map<string, number>();
  nodes.forEach((n, i) => indexOf.set(n.id, i));

  const reason: (string | undefined)[] = new Array(nodes.length).fill(undefined);
  const deps: number[][] = nodes.map(() => []);
  const dependents: number[][] = nodes.map(() => []);
  // lastEdgeFrom[j] === i when the edge i → j is already recorded (drops repeated dependencies).
  const lastEdgeFrom = new Int32Array(nodes.length).fill(-1);

  nodes.forEach((node, i) => {
    if (!ACHIEVEMENT_ID_PATTERN.test(node.id)) {
      reason[i] = `invalid achievement id "${node.id}"`;
    } else if ((count.get(node.id) ?? 0) > 1) {
      reason[i] = `achievement id ${node.id} is defined ${count.get(node.id)} times`;
    }
    for (const dep of node.dependencies) {
      const j = indexOf.get(dep);
      if (dep === node.id) {
        reason[i] ??= `achievement ${node.id} depends on itself`;
      } else if (j === undefined) {
        reason[i] ??= `depends on ${dep}, which does not exist`;
      } else if (lastEdgeFrom[j] !== i) {
        lastEdgeFrom[j] = i;
        deps[i].push(j);
        dependents[j].push(i);
      }
    }
  });

  // Kahn's algorithm: whatever never reaches in-degree 0 is on or behind a cycle.
  const pending = deps.map((d) => d.length);
  const queue: number[] = [];
  pending.forEach((p, i) => {
    if (p === 0) queue.push(i);
  });
  const resolved = new Uint8Array(nodes.length);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    resolved[i] = 1;
    for (const k of dependents[i]) {
      if (--pending[k] === 0) queue.push(k);
    }
  }
  markCycles(nodes, deps, resolved, reason);

  // Propagate exclusion to every dependent, breadth first.
  const excludedQueue: number[] = [];
  reason.forEach((r, i) => {
    if (r !== undefined) excludedQueue.push(i);
  });
  for (let head = 0; head < excludedQueue.length; head++) {
    const i = excludedQueue[head];
    for (const k of dependents[i]) {
      if (reason[k] === undefined) {
        reason[k] = `depends on ${nodes[i].id}, which has no target`;
        excludedQueue.push(k);
      }
    }
  }

  const included: AchievementTargetSelection['included'] = [];
  const excluded: ExcludedAchievement[] = [];
  nodes.forEach((node, i) => {
    const r = reason[i];
    if (r === undefined) {
      included.push({ id: node.id, title: node.title, dependencies: deps[i].map((j) => nodes[j].id) });
    } else {
      excluded.push({ id: node.id, reason: r });
    }
  });
  return { included, excluded };
}

/**
 * Among the unresolved nodes (on or behind a cycle), find the cycles
 * themselves and give their members the cycle path as reason. A node is on a
 * cycle when following unresolved dependencies from it comes back to it; the
 * walk below follows, from each unvisited unresolved node, one unresolved
 * dependency at a time (every unresolved node has at least one), so it always
 * ends on a node of the current walk, which closes a cycle. Each node is
 * walked once: O(V + E).
 */
function markCycles(
  nodes: readonly AchievementNode[],
  deps: readonly number[][],
  resolved: Uint8Array,
  reason: (string | undefined)[]
): void {
  const state = new Uint8Array(nodes.length); // 0 new, 1 on current walk, 2 done
  for (let start = 0; start < nodes.length; start++) {
    if (resolved[start] || state[start] !== 0) continue;
    const walk: number[] = [];
    let current = start;
    while (state[current] === 0) {
      state[current] = 1;
      walk.push(current);
      const next = deps[current].find((j) => !resolved[j]);
      if (next === undefined) break;
      current = next;
    }
    if (state[current] === 1 && walk.length > 0) {
      const from = walk.indexOf(current);
      if (from >= 0 && deps[walk[walk.length - 1]].includes(current)) {
        const members = walk.slice(from);
        const text = `on dependency cycle ${cyclePath(members, nodes)}`;
        for (const i of members) reason[i] ??= text;
      }
    }
    for (const i of walk) state[i] = 2;
  }
}

/**
 * `members` follow dependencies (each depends on the next, the last on the
 * first). The path is printed like `validate` prints cycles: from the member
 * listed first in the plan, each arrow pointing to a dependent.
 */
function cyclePath(members: readonly number[], nodes: readonly AchievementNode[]): string {
  let first = 0;
  for (let k = 1; k < members.length; k++) if (members[k] < members[first]) first = k;
  const ids: string[] = [];
  for (let k = 0; k < members.length; k++) {
    ids.push(nodes[members[(first - k + members.length) % members.length]].id);
  }
  ids.push(ids[0]);
  return ids.join(' → ');
}
