/**
 * Which `dependsOn` edges the achievement targets of a plan can carry. Every
 * achievement with a well-formed id gets a target — also one that depends on
 * an unknown id, sits on a dependency cycle, is defined twice or is named
 * only in the PLAN — so `nx run <plan>:achievement-<id>` always finds it and
 * the run explains what is wrong with the plan. What Nx must never see is
 * kept out of the edges:
 *  - a dependency on an id that has no target (Nx fails on a missing target),
 *  - a dependency on itself,
 *  - an edge between two members of one strongly connected component (Nx
 *    refuses a circular task graph). Edges between different components stay:
 *    the components form a DAG, so an achievement behind a cycle still waits
 *    for (and fails with) the cycle's targets.
 * Every achievement whose edges were cut, or whose id is defined twice, is
 * listed with the reason, for the project's metadata.
 *
 * Iterative and O(V + E) (core's Tarjan pass with explicit stacks), so plans
 * of any depth are safe.
 */
import { ACHIEVEMENT_ID_PATTERN, findStronglyConnectedComponents } from '@nx-plan/core';

/** The part of an achievement the selection reads (AchievementNode fits). */
export interface AchievementLike {
  id: string;
  title: string;
  dependencies: readonly string[];
}

export interface AchievementProblem {
  id: string;
  reason: string;
}

export interface AchievementTargetSelection {
  /** One entry per distinct well-formed id, in source order, with the edges Nx may see. */
  included: { id: string; title: string; dependencies: string[] }[];
  /** Achievements whose target has fewer edges than the plan says, or whose id is defined twice (the run refuses them). */
  problems: AchievementProblem[];
  /** Achievements without a target: ids that are not of the form `<priority>.<index>`, so no safe target name. */
  excluded: AchievementProblem[];
}

export function selectAchievementTargets(achievements: readonly AchievementLike[]): AchievementTargetSelection {
  const count = new Map<string, number>();
  for (const a of achievements) count.set(a.id, (count.get(a.id) ?? 0) + 1);

  const excluded: AchievementProblem[] = [];
  // One node per distinct well-formed id (first occurrence), in source order.
  const nodes: AchievementLike[] = [];
  const seen = new Set<string>();
  for (const a of achievements) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    if (ACHIEVEMENT_ID_PATTERN.test(a.id)) nodes.push(a);
    else excluded.push({ id: a.id, reason: `invalid achievement id "${a.id}"` });
  }
  const indexOf = new Map<string, number>();
  nodes.forEach((n, i) => indexOf.set(n.id, i));

  const reasons: string[][] = nodes.map(() => []);
  const deps: number[][] = nodes.map(() => []);
  // lastEdgeFrom[j] === i when the edge i → j is already recorded (drops repeated dependencies).
  const lastEdgeFrom = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((node, i) => {
    const times = count.get(node.id) ?? 0;
    if (times > 1) reasons[i].push(`achievement id ${node.id} is defined ${times} times`);
    for (const dep of node.dependencies) {
      const j = indexOf.get(dep);
      if (dep === node.id) {
        reasons[i].push(`achievement ${node.id} depends on itself`);
      } else if (j === undefined) {
        reasons[i].push(`depends on ${dep}, which does not exist`);
      } else if (lastEdgeFrom[j] !== i) {
        lastEdgeFrom[j] = i;
        deps[i].push(j);
      }
    }
  });

  const component = cycleComponents(
    nodes.map((n) => n.id),
    indexOf,
    deps
  );
  const cycleText = new Map<number, string>();
  const kept: string[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    for (const j of deps[i]) {
      if (component[i] === -1 || component[j] !== component[i]) {
        kept[i].push(nodes[j].id);
        continue;
      }
      let text = cycleText.get(component[i]);
      if (text === undefined) {
        text = cyclePath(i, component, deps, nodes);
        cycleText.set(component[i], text);
      }
      if (!reasons[i].includes(text)) reasons[i].push(text);
    }
  });

  const included: AchievementTargetSelection['included'] = [];
  const problems: AchievementProblem[] = [];
  nodes.forEach((node, i) => {
    included.push({ id: node.id, title: node.title, dependencies: kept[i] });
    if (reasons[i].length > 0) problems.push({ id: node.id, reason: reasons[i].join('; ') });
  });
  return { included, problems, excluded };
}

/**
 * The cycle a node sits on, as a number shared by the members of its
 * strongly connected component, or -1 for a node on no cycle (core's
 * iterative Tarjan pass over the edges Nx may see, in compressed rows).
 */
function cycleComponents(ids: string[], indexOf: Map<string, number>, deps: readonly number[][]): Int32Array {
  const depStart = new Int32Array(deps.length + 1);
  for (let i = 0; i < deps.length; i++) depStart[i + 1] = depStart[i] + deps[i].length;
  const flat = new Int32Array(depStart[deps.length]);
  deps.forEach((list, i) => flat.set(list, depStart[i]));
  const component = new Int32Array(deps.length).fill(-1);
  findStronglyConnectedComponents({ ids, indexOf, depStart, deps: flat }).forEach((members, c) => {
    for (const member of members) component[member] = c;
  });
  return component;
}

/**
 * One concrete cycle through `start` inside its component, printed the way
 * validate prints cycles: from the member listed first in the plan, each
 * arrow pointing to a dependent (`1.2 → 2.1 → 1.2`: 2.1 depends on 1.2).
 * Breadth-first search over dependencies within the component, back to the
 * start; O(size of the component).
 */
const CYCLE_ENDS = 5;

function cyclePath(start: number, component: Int32Array, deps: readonly number[][], nodes: readonly AchievementLike[]): string {
  const c = component[start];
  const previous = new Map<number, number>();
  const queue = [start];
  let closing = -1;
  for (let head = 0; head < queue.length && closing === -1; head++) {
    const v = queue[head];
    for (const w of deps[v]) {
      if (component[w] !== c) continue;
      if (w === start) {
        closing = v;
        break;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  // start → … → closing follows dependencies; closing depends on start. Walked back from closing:
  const members: number[] = [];
  for (let v = closing; v !== start; v = previous.get(v)!) members.push(v);
  members.push(start);
  // Each member is a dependency of the next (start depends on the one before it), the last of the first.
  const flow = members;
  let first = 0;
  for (let k = 1; k < flow.length; k++) if (flow[k] < flow[first]) first = k;
  const ids: string[] = [];
  for (let k = 0; k < flow.length; k++) ids.push(nodes[flow[(first + k) % flow.length]].id);
  ids.push(ids[0]);
  // Every member's metadata carries the text: keep it short for long cycles (validate prints them whole).
  const shown =
    ids.length > 2 * CYCLE_ENDS + 1
      ? [...ids.slice(0, CYCLE_ENDS), `… (${flow.length} achievements) …`, ...ids.slice(-CYCLE_ENDS)]
      : ids;
  return `on dependency cycle ${shown.join(' → ')}`;
}
