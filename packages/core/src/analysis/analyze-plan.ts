/**
 * The plan's state and what to do next: derived status per achievement,
 * levels and waves, ready/blocked, next available work, parallel
 * opportunities, the critical path and time savings as hour ranges, and one
 * recommended action with its exact command. O(V + E) apart from sorting
 * ids for display.
 */
import type { Diagnostic } from '@nx-plan/schema';
import { approvedPath, fixPathForAttempt, formatAttempt } from '../files/plan-file-names';
import { defaultProjectName, nmOf, parseAchievementId } from '../model/ids';
import type {
  AchievementFiles,
  AchievementNode,
  AnalyzedAchievement,
  AnalyzeOptions,
  DerivedStatus,
  HoursRange,
  LoadedPlan,
  ParallelOpportunity,
  PlanAchievementText,
  PlanAnalysis,
  RecommendedAction,
  TimeSavings,
} from '../model/types';
import { awaitingReviewAttempt, deriveStatus, isDoneStatus } from '../status/derive-status';
import { buildDependencyGraph, nodeIndex, type DependencyGraph } from '../graph/dependency-graph';
import { planFileOverlaps } from '../overlaps/plan-file-overlaps';
import { computeLevelsAndOrder } from '../graph/compute-levels';
import { hasErrors, validatePlan } from '../checks/validate-plan';

const PRE_EXECUTION: ReadonlySet<DerivedStatus> = new Set(['not_started', 'subplan_created', 'execution_created']);

/** Orders nodes by priority, index, then id (numeric parts first, so 1.10 follows 1.9). */
function compareNodes(a: AchievementNode, b: AchievementNode): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.index !== b.index) return a.index - b.index;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorts in place unless already in order (plans usually list achievements in id order). */
function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < list.length; k++) {
    if (compare(list[k - 1], list[k]) > 0) return list.sort(compare);
  }
  return list;
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function ordered(a: number, b: number): HoursRange {
  return a <= b ? { min: a, max: b } : { min: b, max: a };
}

/** Quotes a command-line argument only when it needs it. */
function shellArg(value: string): string {
  return /^[\w.,:=@/+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `1.1, 1.2, 1.3` or `1.1, …, 1.10 and 5 more` for long lists. */
function listIds(list: readonly string[], max = 10): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Analyses a loaded plan. Pass `options.diagnostics` (from validatePlan) to
 * avoid validating twice. The result shares dependency arrays and estimate
 * objects with `plan`; treat both as read-only (toStatusDocument copies).
 */
export function analyzePlan(plan: LoadedPlan, options: AnalyzeOptions = {}): PlanAnalysis {
  const graph = buildDependencyGraph(plan.achievements);
  const diagnostics: Diagnostic[] = options.diagnostics ?? validatePlan(plan, { graph });
  const { levels, order } = computeLevelsAndOrder(graph);
  const { ids, depStart, deps } = graph;
  const n = ids.length;
  const nodes: AchievementNode[] = new Array(n);
  for (let i = 0; i < n; i++) nodes[i] = plan.achievements[graph.source ? graph.source[i] : i];

  // Status from files, then ready = not done and every dependency done.
  const statuses: DerivedStatus[] = new Array(n);
  const fileSets: (AchievementFiles | undefined)[] = new Array(n);
  const done = new Uint8Array(n);
  const byNm = plan.files.byNm;
  for (let i = 0; i < n; i++) {
    const files = byNm.size === 0 ? undefined : byNm.get(nmOf(ids[i]));
    fileSets[i] = files;
    const status = deriveStatus(files);
    statuses[i] = status;
    if (isDoneStatus(status)) done[i] = 1;
  }
  const ready = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (done[i]) continue;
    let ok = 1;
    for (let e = depStart[i]; e < depStart[i + 1]; e++) {
      if (!done[deps[e]]) {
        ok = 0;
        break;
      }
    }
    ready[i] = ok;
  }

  const achievements: AnalyzedAchievement[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    // The graph keeps listed dependencies in order, so when none was dropped the node's own list is the answer.
    let depIds = node.dependencies;
    if (depIds.length !== depStart[i + 1] - depStart[i]) {
      depIds = new Array(depStart[i + 1] - depStart[i]);
      for (let e = depStart[i], k = 0; e < depStart[i + 1]; e++, k++) depIds[k] = ids[deps[e]];
    }
    const files = fileSets[i];
    const attempts = files ? files.executions.length : 0;
    // One literal per shape (estimate last, as if added afterwards): adding a property later would allocate a property store per object.
    achievements[i] = node.estimate
      ? { id: node.id, title: node.title, status: statuses[i], level: levels[i], ready: ready[i] === 1, dependencies: depIds, attempts, estimate: node.estimate }
      : { id: node.id, title: node.title, status: statuses[i], level: levels[i], ready: ready[i] === 1, dependencies: depIds, attempts };
    // Rare extras, added only where they apply.
    if (files !== undefined) addFileFacts(achievements[i], files);
  }

  const byLevelThenId = (a: number, b: number): number => levels[a] - levels[b] || compareNodes(nodes[a], nodes[b]);

  // Waves: ids per level (a counting sort by level), cycle members (level -1) left out.
  let maxLevel = -1;
  for (let i = 0; i < n; i++) if (levels[i] > maxLevel) maxLevel = levels[i];
  const levelStart = new Int32Array(maxLevel + 2);
  for (let i = 0; i < n; i++) if (levels[i] >= 0) levelStart[levels[i] + 1]++;
  for (let l = 0; l <= maxLevel; l++) levelStart[l + 1] += levelStart[l];
  const byLevel = new Int32Array(levelStart[maxLevel + 1]);
  const fill = levelStart.slice(0, maxLevel + 1);
  for (let i = 0; i < n; i++) if (levels[i] >= 0) byLevel[fill[levels[i]]++] = i;
  const waves: string[][] = new Array(maxLevel + 1);
  for (let l = 0; l <= maxLevel; l++) {
    const from = levelStart[l];
    const to = levelStart[l + 1];
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = compareNodes(nodes[byLevel[k - 1]], nodes[byLevel[k]]) <= 0;
    const members = sorted ? byLevel.subarray(from, to) : byLevel.slice(from, to).sort((x, y) => compareNodes(nodes[x], nodes[y]));
    const wave: string[] = new Array(to - from);
    for (let k = 0; k < members.length; k++) wave[k] = ids[members[k]];
    waves[l] = wave;
  }

  // Ready work.
  const readyIndex: number[] = [];
  for (let i = 0; i < n; i++) if (ready[i]) readyIndex.push(i);
  sortIfNeeded(readyIndex, byLevelThenId);
  const nextAvailable = readyIndex.filter((i) => PRE_EXECUTION.has(statuses[i])).map((i) => ids[i]);
  const parallelOpportunities: ParallelOpportunity[] = [];
  for (let k = 0; k < readyIndex.length; ) {
    const level = levels[readyIndex[k]];
    let end = k;
    while (end < readyIndex.length && levels[readyIndex[end]] === level) end++;
    if (end - k >= 2) parallelOpportunities.push({ level, ids: readyIndex.slice(k, end).map((i) => ids[i]) });
    k = end;
  }

  // Critical path: longest path by maximum hours over the acyclic part, in topological order.
  const bestMax = new Float64Array(n);
  const bestMin = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  const length = new Int32Array(n);
  // Longer in maximum hours, then in minimum hours, then in achievements; then the smaller id.
  const better = (a: number, b: number): boolean =>
    bestMax[a] !== bestMax[b]
      ? bestMax[a] > bestMax[b]
      : bestMin[a] !== bestMin[b]
        ? bestMin[a] > bestMin[b]
        : length[a] !== length[b]
          ? length[a] > length[b]
          : compareNodes(nodes[a], nodes[b]) < 0;
  let end = -1;
  for (let k = 0; k < order.length; k++) {
    const u = order[k];
    let p = -1;
    for (let e = depStart[u]; e < depStart[u + 1]; e++) {
      const d = deps[e];
      if (p === -1 || better(d, p)) p = d;
    }
    const estimate = nodes[u].estimate;
    bestMax[u] = (estimate ? estimate.max : 0) + (p === -1 ? 0 : bestMax[p]);
    bestMin[u] = (estimate ? estimate.min : 0) + (p === -1 ? 0 : bestMin[p]);
    length[u] = p === -1 ? 1 : length[p] + 1;
    pred[u] = p;
    if (end === -1 || better(u, end)) end = u;
  }
  const pathIndex: number[] = [];
  for (let v = end; v !== -1; v = pred[v]) pathIndex.push(v);
  pathIndex.reverse();
  const criticalPath = {
    ids: pathIndex.map((i) => ids[i]),
    hours: end === -1 ? { min: 0, max: 0 } : { min: bestMin[end], max: bestMax[end] },
  };

  // Time savings: everything one after another vs the critical path.
  let sequentialMin = 0;
  let sequentialMax = 0;
  const unestimated: string[] = [];
  for (let i = 0; i < n; i++) {
    const estimate = nodes[i].estimate;
    if (estimate) {
      sequentialMin += estimate.min;
      sequentialMax += estimate.max;
    } else {
      unestimated.push(ids[i]);
    }
  }
  const sequential: HoursRange = { min: sequentialMin, max: sequentialMax };
  const saved = ordered(sequential.min - criticalPath.hours.min, sequential.max - criticalPath.hours.max);
  const timeSavings: TimeSavings = {
    sequential,
    parallel: { min: criticalPath.hours.min, max: criticalPath.hours.max },
    saved,
    percent: ordered(percentOf(sequential.min - criticalPath.hours.min, sequential.min), percentOf(sequential.max - criticalPath.hours.max, sequential.max)),
    unestimated,
  };

  const planOnly = planOnlyAchievements(plan, graph);
  const fileOverlaps = planFileOverlaps(plan, graph, levels, (i) => !done[i]);
  const recommendedAction = recommend(plan, options, diagnostics, ids, statuses, readyIndex, fileSets, planOnly);

  return {
    name: plan.name,
    dir: plan.dir,
    dependencySource: plan.dependencySource,
    achievements,
    nextAvailable,
    parallelOpportunities,
    waves,
    criticalPath,
    timeSavings,
    recommendedAction,
    diagnostics,
    planOnly,
    fileOverlaps,
  };
}

/** awaitingReview and run, from the achievement's files. */
function addFileFacts(a: AnalyzedAchievement, files: AchievementFiles): void {
  if (a.status === 'awaiting_review') {
    const attempt = awaitingReviewAttempt(files);
    if (attempt !== undefined) a.awaitingReview = attempt;
  }
  const record = files.run?.record;
  if (record) a.run = { file: files.run!.file, ...record };
}

/**
 * Achievements the PLAN lists and parallel.json does not (PLAN013): shown,
 * flagged, never scheduled. Usually both list the same ids in the same order,
 * which is checked first without any lookup.
 */
function planOnlyAchievements(plan: LoadedPlan, graph: DependencyGraph): AnalyzedAchievement[] {
  const texts = plan.plan?.achievements;
  if (!texts || plan.dependencySource !== 'parallel.json') return [];
  const ids = graph.ids;
  if (texts.length <= ids.length) {
    let aligned = true;
    for (let k = 0; k < texts.length && aligned; k++) aligned = texts[k].id === ids[k];
    if (aligned) return [];
  }
  const out: AnalyzedAchievement[] = [];
  for (const text of texts) {
    if (nodeIndex(graph, text.id) >= 0 || !parseAchievementId(text.id)) continue;
    out.push(planOnlyAchievement(plan, text));
  }
  return out;
}

function planOnlyAchievement(plan: LoadedPlan, text: PlanAchievementText): AnalyzedAchievement {
  const files = plan.files.byNm.size === 0 ? undefined : plan.files.byNm.get(nmOf(text.id));
  const a: AnalyzedAchievement = {
    id: text.id,
    title: text.title,
    status: deriveStatus(files),
    level: -1,
    ready: false,
    dependencies: [],
    attempts: files ? files.executions.length : 0,
  };
  if (text.estimate) a.estimate = text.estimate;
  a.planOnly = true;
  if (files) addFileFacts(a, files);
  return a;
}

/** The ways to record a verdict on achievements that await review. */
function reviewDetails(ids: readonly string[], fileSets: readonly (AchievementFiles | undefined)[], indexOf: (id: string) => number, project: string): string[] {
  const shown = ids.slice(0, 5);
  const more = ids.length > shown.length ? `, … (${ids.length - shown.length} more)` : '';
  const approve = shown.map((id) => approvedPath(id)).join(', ');
  const fixes = shown
    .map((id) => {
      const attempt = awaitingReviewAttempt(fileSets[indexOf(id)]) ?? 1;
      return `${fixPathForAttempt(id, attempt)} (attempt ${formatAttempt(attempt)})`;
    })
    .join(', ');
  return [
    `approve: write ${approve}${more} in the plan folder (status complete)`,
    `ask for fixes: write ${fixes}${more} with what to change (status failed; the next attempt answers it)`,
    `or call the MCP tool record_review of "npx nx-plan mcp" (verdict approved or fix)`,
    `to run an agent again instead: npx nx run ${project}:execute --rerun`,
  ];
}

function recommend(
  plan: LoadedPlan,
  options: AnalyzeOptions,
  diagnostics: readonly Diagnostic[],
  ids: readonly string[],
  statuses: readonly DerivedStatus[],
  readyIndex: readonly number[],
  fileSets: readonly (AchievementFiles | undefined)[],
  planOnly: readonly AnalyzedAchievement[],
): RecommendedAction {
  const project = shellArg(options.projectName ?? defaultProjectName(plan.name));
  const planArg = shellArg(plan.name);
  if (hasErrors(diagnostics)) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    return {
      kind: 'fix-errors',
      message: `Fix the ${plural(count, 'error')} in plan ${plan.name} first; nothing is scheduled until it validates`,
      command: `npx nx run ${project}:validate`,
      ids: [],
    };
  }
  const withStatus = (wanted: DerivedStatus, among?: readonly number[]): string[] => {
    const found: string[] = [];
    if (among) {
      for (const i of among) if (statuses[i] === wanted) found.push(ids[i]);
    } else {
      for (let i = 0; i < statuses.length; i++) if (statuses[i] === wanted) found.push(ids[i]);
    }
    return found;
  };

  // Achievements awaiting review are recommended for review when nothing can start; until then each message says so.
  const awaiting = withStatus('awaiting_review');
  const also = awaiting.length === 0 ? '' : ` (also: ${plural(awaiting.length, 'achievement')} ${awaiting.length === 1 ? 'awaits' : 'await'} review: ${listIds(awaiting)})`;

  // Failed achievements whose dependencies are all done can get a new attempt now (the others wait for those).
  const failed = withStatus('failed', readyIndex);
  if (failed.length > 0) {
    return {
      kind: 'retry-failed',
      message: `Retry ${plural(failed.length, 'failed achievement')} (review asked for fixes): ${listIds(failed)}${also}`,
      command: `npx nx g @nx-plan/plan:batch-execution --plan=${planArg} --achievements=${failed.join(',')}`,
      ids: failed,
    };
  }
  const needSubplan = withStatus('not_started', readyIndex);
  if (needSubplan.length > 0) {
    return {
      kind: 'create-subplans',
      message: `Create SUBPLANs for ${plural(needSubplan.length, 'ready achievement')}: ${listIds(needSubplan)}${also}`,
      command: `npx nx g @nx-plan/plan:batch-subplan --plan=${planArg}`,
      ids: needSubplan,
    };
  }
  const needExecution = withStatus('subplan_created', readyIndex);
  if (needExecution.length > 0) {
    return {
      kind: 'create-executions',
      message: `Create EXECUTION tasks for ${plural(needExecution.length, 'ready achievement')}: ${listIds(needExecution)}${also}`,
      command: `npx nx g @nx-plan/plan:batch-execution --plan=${planArg}`,
      ids: needExecution,
    };
  }
  const runnable = withStatus('execution_created', readyIndex);
  if (runnable.length > 0) {
    return {
      kind: 'execute',
      message: `Execute ${plural(runnable.length, 'ready achievement')}: ${listIds(runnable)}${also}`,
      command: `npx nx run ${project}:execute --parallel=${runnable.length}`,
      ids: runnable,
    };
  }
  if (awaiting.length > 0) {
    let index: Map<string, number> | undefined;
    const indexOf = (id: string): number => {
      if (!index) {
        index = new Map();
        for (let i = 0; i < ids.length; i++) if (statuses[i] === 'awaiting_review') index.set(ids[i], i);
      }
      return index.get(id) ?? -1;
    };
    return {
      kind: 'review',
      message: `Review ${plural(awaiting.length, 'achievement')} whose agent finished: ${listIds(awaiting)}; dependents wait for the verdict`,
      ids: awaiting,
      details: reviewDetails(awaiting, fileSets, indexOf, project),
    };
  }
  if (statuses.every(isDoneStatus)) {
    const open = planOnly.filter((a) => !isDoneStatus(a.status)).map((a) => a.id);
    if (open.length > 0) {
      return {
        kind: 'wait',
        message: `Every scheduled achievement of plan ${plan.name} is complete or skipped; ${listIds(open)} ${open.length === 1 ? 'is' : 'are'} only in the PLAN: add ${open.length === 1 ? 'it' : 'them'} to parallel.json to schedule ${open.length === 1 ? 'it' : 'them'}`,
        ids: open,
      };
    }
    return { kind: 'done', message: `All ${plural(ids.length, 'achievement')} of plan ${plan.name} are complete or skipped`, ids: [] };
  }
  const inProgress = withStatus('in_progress');
  if (inProgress.length > 0) {
    return {
      kind: 'wait',
      message: `Wait: ${plural(inProgress.length, 'achievement')} in progress (${listIds(inProgress)}); the rest depends on them`,
      ids: inProgress,
    };
  }
  return { kind: 'wait', message: 'Nothing is ready to start', ids: [] };
}
