/**
 * Checks that compare sources with each other (SPEC §3, §4), beyond the
 * schema and the graph:
 *
 * - plan_name against the PLAN/folder name (PLAN009) and file-name safety (PLAN010);
 * - redundant parallel.json fields that disagree with `dependencies` (PLAN012):
 *   `blocks`, `parallelizable_with`, `priority`, `total_achievements`, `priority_groups`;
 * - PLAN ↔ parallel.json: missing on either side (PLAN013, PLAN014), titles (PLAN015);
 * - odd life-cycle files (PLAN030–PLAN034, PLAN038).
 *
 * Pure; every diagnostic is located (parallel.json by JSON pointer, the PLAN by
 * the achievement's line, files at 1:1 of the file).
 */
import type { Diagnostic, ParallelJson } from '@nx-plan/schema';
import { parallelPositions } from '../files/json-pointer-location';
import { compareAchievementIds, isSafeNameComponent, nmOf, parseAchievementId } from '../model/ids';
import type { AchievementFiles, LoadedPlan } from '../model/types';

/** Above this many BFS steps, `parallelizable_with` is checked against direct dependencies only. */
const REACHABILITY_BUDGET = 20_000_000;

interface Context {
  plan: LoadedPlan;
  out: Diagnostic[];
}

function filePath(dir: string, relative: string): string {
  if (dir === '' || dir === '.') return relative;
  if (dir.includes('\\') && !dir.includes('/')) return `${dir.replace(/\\+$/, '')}\\${relative.replace(/\//g, '\\')}`;
  return `${dir.replace(/\/+$/, '')}/${relative}`;
}

function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

function atPointer(ctx: Context, pointer: string): { file: string; line: number; column: number; pointer: string } {
  const file = ctx.plan.parallelFile ?? filePath(ctx.plan.dir, 'parallel.json');
  // One index of the text per plan, shared with the nodes' own locations.
  const { line, column } = parallelPositions(ctx.plan)?.positionOf(pointer) ?? { line: 1, column: 1 };
  return { file, line, column, pointer };
}

function push(ctx: Context, d: Diagnostic): void {
  ctx.out.push(d);
}

function sameSet(a: readonly string[], b: ReadonlySet<string>): boolean {
  const set = new Set(a);
  if (set.size !== b.size) return false;
  for (const id of set) if (!b.has(id)) return false;
  return true;
}

function list(ids: Iterable<string>): string {
  const sorted = [...ids].sort(compareAchievementIds);
  return sorted.length === 0 ? '(none)' : sorted.join(', ');
}

/** Titles equal up to case, spacing and markdown emphasis/code/links. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function checkPlanName(ctx: Context): void {
  const parallel = ctx.plan.parallel;
  if (!parallel || typeof parallel.plan_name !== 'string') return;
  const name = parallel.plan_name;
  if (!isSafeNameComponent(name)) {
    push(ctx, {
      code: 'PLAN010',
      severity: 'error',
      message: `plan_name ${JSON.stringify(name)} is not a safe file-name component`,
      hint: `use letters, digits, "-", "_" and "." only, e.g. "${ctx.plan.name}"`,
      ...atPointer(ctx, '/plan_name'),
    });
    return;
  }
  if (name !== ctx.plan.name) {
    const source = ctx.plan.planFile ? `the PLAN file (PLAN_${ctx.plan.name}.md)` : `the folder`;
    push(ctx, {
      code: 'PLAN009',
      severity: 'warning',
      message: `plan_name "${name}" does not match ${source}: "${ctx.plan.name}"`,
      hint: `set "plan_name": "${ctx.plan.name}"`,
      ...atPointer(ctx, '/plan_name'),
    });
  }
}

function checkRedundantFields(ctx: Context): void {
  const parallel = ctx.plan.parallel;
  if (!parallel || !Array.isArray(parallel.achievements)) return;
  const entries = parallel.achievements;
  const doc = parallel as Record<string, unknown>;

  // Which per-entry redundant fields are present at all: without any (the usual case), no graph is built.
  let hasBlocks = false;
  let hasParallelizable = false;
  let hasPriority = false;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as unknown;
    if (!entry || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    if (record['blocks'] !== undefined) hasBlocks = true;
    const field = record['parallelizable_with'];
    if (Array.isArray(field) && field.length > 0) hasParallelizable = true;
    if (record['priority'] !== undefined) hasPriority = true;
  }
  if (hasBlocks || hasParallelizable) checkAgainstDependencies(ctx, entries, hasBlocks, hasParallelizable);
  if (hasPriority) checkPriorities(ctx, entries);

  // total_achievements
  const total = doc['total_achievements'];
  if (typeof total === 'number' && total !== entries.length) {
    push(ctx, {
      code: 'PLAN012',
      severity: 'warning',
      message: `total_achievements is ${total}, but the file lists ${entries.length} achievements`,
      hint: `set "total_achievements": ${entries.length} or remove it`,
      ...atPointer(ctx, '/total_achievements'),
    });
  }

  const groups = doc['priority_groups'];
  if (Array.isArray(groups)) checkPriorityGroups(ctx, entries, groups);
}

/** Position of the first entry of each id. */
function firstIndexById(entries: ParallelJson['achievements']): Map<string, number> {
  const index = new Map<string, number>();
  entries.forEach((entry, i) => {
    const id = entry && typeof entry === 'object' ? entry.achievement_id : undefined;
    if (typeof id === 'string' && !index.has(id)) index.set(id, i);
  });
  return index;
}

/** `blocks` and `parallelizable_with` against the graph of `dependencies`. */
function checkAgainstDependencies(ctx: Context, entries: ParallelJson['achievements'], hasBlocks: boolean, hasParallelizable: boolean): void {
  // Graph from `dependencies`, over the ids that exist (first occurrence of an id wins).
  const index = firstIndexById(entries);
  const deps: number[][] = entries.map(() => []);
  const dependents: number[][] = entries.map(() => []);
  entries.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object' || index.get(entry.achievement_id) !== i) return;
    if (!Array.isArray(entry.dependencies)) return;
    const seen = new Set<number>();
    for (const dep of entry.dependencies) {
      const j = typeof dep === 'string' ? index.get(dep) : undefined;
      if (j === undefined || j === i || seen.has(j)) continue;
      seen.add(j);
      deps[i].push(j);
      dependents[j].push(i);
    }
  });
  const idAt = (i: number) => entries[i].achievement_id;

  // blocks
  if (hasBlocks) {
    entries.forEach((entry, i) => {
      if (!entry || typeof entry !== 'object' || index.get(entry.achievement_id) !== i) return;
      const blocks = (entry as Record<string, unknown>)['blocks'];
      if (!Array.isArray(blocks)) return;
      const expected = new Set(dependents[i].map(idAt));
      const given = blocks.filter((b): b is string => typeof b === 'string');
      if (given.length !== blocks.length || !sameSet(given, expected)) {
        push(ctx, {
          code: 'PLAN012',
          severity: 'warning',
          message: `achievement ${entry.achievement_id}: blocks [${given.join(', ')}] disagrees with the dependencies, which make it block ${list(expected)}`,
          hint: expected.size === 0 ? `remove "blocks" or set it to []` : `set "blocks" to [${[...expected].sort(compareAchievementIds).map((id) => JSON.stringify(id)).join(', ')}] or remove it`,
          ...atPointer(ctx, `/achievements/${i}/blocks`),
        });
      }
    });
  }

  // parallelizable_with: no ancestor or descendant.
  const queries: { i: number; field: unknown[] }[] = [];
  if (hasParallelizable) {
    entries.forEach((entry, i) => {
      if (!entry || typeof entry !== 'object' || index.get(entry.achievement_id) !== i) return;
      const field = (entry as Record<string, unknown>)['parallelizable_with'];
      if (Array.isArray(field) && field.length > 0) queries.push({ i, field });
    });
  }
  if (queries.length > 0) {
    let edges = 0;
    for (const d of deps) edges += d.length;
    const fullReachability = queries.length * (entries.length + edges) <= REACHABILITY_BUDGET;
    const mark = new Int32Array(entries.length);
    let stamp = 0;
    for (const { i, field } of queries) {
      const related = new Set<number>();
      if (fullReachability) {
        // Ancestors and descendants of i, iteratively (a fresh stamp per walk).
        for (const adjacency of [deps, dependents]) {
          stamp++;
          const stack = [i];
          mark[i] = stamp;
          while (stack.length > 0) {
            const v = stack.pop()!;
            for (const w of adjacency[v]) {
              if (mark[w] === stamp) continue;
              mark[w] = stamp;
              related.add(w);
              stack.push(w);
            }
          }
        }
      } else {
        for (const w of deps[i]) related.add(w);
        for (const w of dependents[i]) related.add(w);
      }
      const conflicts: string[] = [];
      for (const other of field) {
        if (typeof other !== 'string') continue;
        const j = index.get(other);
        if (j !== undefined && (j === i || related.has(j))) conflicts.push(other);
      }
      if (conflicts.length > 0) {
        const id = idAt(i);
        push(ctx, {
          code: 'PLAN012',
          severity: 'warning',
          message: `achievement ${id}: parallelizable_with names ${list(conflicts)}, but ${conflicts.length === 1 ? 'it is' : 'they are'} ${conflicts.includes(id) ? 'itself or ' : ''}connected to ${id} by dependencies`,
          hint: `remove ${list(conflicts)} from "parallelizable_with"`,
          ...atPointer(ctx, `/achievements/${i}/parallelizable_with`),
        });
      }
    }
  }
}

/** `priority_groups[g].achievements` against the ids of priority `priority_groups[g].priority`. */
function checkPriorityGroups(ctx: Context, entries: ParallelJson['achievements'], groups: unknown[]): void {
  const index = firstIndexById(entries);
  const byPriority = new Map<number, Set<string>>();
  for (const id of index.keys()) {
    const ids = parseAchievementId(id);
    if (!ids) continue;
    const set = byPriority.get(ids.priority) ?? new Set<string>();
    set.add(id);
    byPriority.set(ids.priority, set);
  }
  groups.forEach((group, g) => {
    if (!group || typeof group !== 'object') return;
    const record = group as Record<string, unknown>;
    const priority = record['priority'];
    const members = record['achievements'];
    if (typeof priority !== 'number' || !Array.isArray(members)) return;
    const expected = byPriority.get(priority) ?? new Set<string>();
    const given = members.filter((m): m is string => typeof m === 'string');
    if (given.length !== members.length || !sameSet(given, expected)) {
      push(ctx, {
        code: 'PLAN012',
        severity: 'warning',
        message: `priority_groups[${g}] (priority ${priority}) lists [${given.join(', ')}], but the achievements of priority ${priority} are ${list(expected)}`,
        hint: `set its "achievements" to [${[...expected].sort(compareAchievementIds).map((id) => JSON.stringify(id)).join(', ')}] or remove "priority_groups"`,
        ...atPointer(ctx, `/priority_groups/${g}/achievements`),
      });
    }
  });
}

/** `priority` of an entry against the priority in its id. */
function checkPriorities(ctx: Context, entries: ParallelJson['achievements']): void {
  entries.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object') return;
    const priority = (entry as Record<string, unknown>)['priority'];
    const ids = typeof entry.achievement_id === 'string' ? parseAchievementId(entry.achievement_id) : undefined;
    if (typeof priority === 'number' && ids && priority !== ids.priority) {
      push(ctx, {
        code: 'PLAN012',
        severity: 'warning',
        message: `achievement ${entry.achievement_id}: priority ${priority} disagrees with its id (priority ${ids.priority})`,
        hint: `set "priority": ${ids.priority} or remove it`,
        ...atPointer(ctx, `/achievements/${i}/priority`),
      });
    }
  });
}

function checkPlanAgainstParallel(ctx: Context): void {
  const { plan: doc, parallel } = ctx.plan;
  if (!doc || !parallel || !Array.isArray(parallel.achievements) || doc.achievements.length === 0) return;
  const parallelName = ctx.plan.parallelFile ? ctx.plan.parallelFile.split(/[\\/]/).pop() : 'parallel.json';
  const planName = ctx.plan.planFile ? ctx.plan.planFile.split(/[\\/]/).pop() : 'the PLAN';
  const entries = parallel.achievements;
  const planAchievements = doc.achievements;

  /** PLAN015 when entry i and the PLAN's achievement of the same id have different titles. */
  const compareTitles = (id: string, i: number, planTitle: string): void => {
    const title = entries[i].title;
    if (typeof title !== 'string' || title === planTitle || planTitle === '' || title.trim() === '') return;
    if (normaliseTitle(title) === normaliseTitle(planTitle)) return;
    push(ctx, {
      code: 'PLAN015',
      severity: 'warning',
      message: `achievement ${id} is titled "${title}" in ${parallelName} but "${planTitle}" in ${planName}`,
      hint: `use the same title in both files`,
      ...atPointer(ctx, `/achievements/${i}/title`),
    });
  };

  // Usually both files list the same ids in the same order; the PLAN's ids are unique (the parser merges repeats),
  // so then nothing is missing on either side and only the titles need comparing, without any lookup table.
  let aligned = entries.length === planAchievements.length;
  for (let i = 0; aligned && i < entries.length; i++) {
    const entry = entries[i];
    aligned = !!entry && typeof entry === 'object' && entry.achievement_id === planAchievements[i].id;
  }
  if (aligned) {
    for (let i = 0; i < entries.length; i++) compareTitles(planAchievements[i].id, i, planAchievements[i].title);
    return;
  }

  const inParallel = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry && typeof entry === 'object' && typeof entry.achievement_id === 'string' && !inParallel.has(entry.achievement_id)) {
      inParallel.set(entry.achievement_id, i);
    }
  });
  const inPlan = new Map(planAchievements.map((a) => [a.id, a] as const));

  for (const a of planAchievements) {
    if (inParallel.has(a.id)) continue;
    push(ctx, {
      code: 'PLAN013',
      severity: 'warning',
      message: `achievement ${a.id} (${a.title}) is in ${planName} but not in ${parallelName}`,
      hint: `add {"achievement_id": "${a.id}", "dependencies": [...]} to ${parallelName}, or remove it from the PLAN`,
      file: a.location.file,
      line: a.location.line,
      column: a.location.column,
    });
  }
  for (const [id, i] of inParallel) {
    const fromPlan = inPlan.get(id);
    if (!fromPlan) {
      push(ctx, {
        code: 'PLAN014',
        severity: 'warning',
        message: `achievement ${id} is in ${parallelName} but not in ${planName}`,
        hint: `add "**Achievement ${id}**: <title>" to the PLAN's Achievement Index, or remove it from ${parallelName}`,
        ...atPointer(ctx, `/achievements/${escapeToken(i)}`),
      });
      continue;
    }
    compareTitles(id, i, fromPlan.title);
  }
}

function checkFiles(ctx: Context): void {
  const { plan } = ctx;
  // Without achievements (no PLAN, empty PLAN) every file would look foreign: PLAN020/PLAN022 say enough.
  if (plan.achievements.length === 0 || plan.files.byNm.size === 0) return;
  const idsByNm = new Map<string, string[]>();
  for (const a of plan.achievements) {
    const nm = nmOf(a.id);
    const ids = idsByNm.get(nm);
    if (!ids) idsByNm.set(nm, [a.id]);
    else if (!ids.includes(a.id)) ids.push(a.id);
  }
  const at = (relative: string) => ({ file: filePath(plan.dir, relative), line: 1, column: 1 });
  const nms = [...plan.files.byNm.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const nm of nms) {
    const files = plan.files.byNm.get(nm)!;
    const ids = idsByNm.get(nm);
    if (!ids) {
      const names = allFiles(files);
      push(ctx, {
        code: 'PLAN031',
        severity: 'warning',
        message: `${names.length === 1 ? 'file' : `${names.length} files`} for achievement number ${nm}, which the plan does not have: ${names.join(', ')}`,
        hint: 'rename the files to an achievement of the plan, or add the achievement to the PLAN',
        ...at(names[0]),
      });
      continue;
    }
    // With an NM collision (PLAN008, reported by the graph checks) the files cannot be attributed.
    if (ids.length > 1) continue;
    const id = ids[0];
    if (files.approved && files.executions.length === 0) {
      push(ctx, {
        code: 'PLAN030',
        severity: 'warning',
        message: `achievement ${id} is APPROVED but has no EXECUTION_TASK file`,
        hint: 'check that the review approved the right achievement, or restore its EXECUTION_TASK file',
        ...at(files.approved),
      });
    }
    if (files.executions.length > 1) {
      const last = files.executions[files.executions.length - 1];
      push(ctx, {
        code: 'PLAN032',
        severity: 'info',
        message: `achievement ${id} has ${files.executions.length} execution attempts (${files.executions.map((e) => String(e.attempt).padStart(2, '0')).join(', ')})`,
        hint: 'several attempts usually mean FIX rounds; the latest attempt is the current one',
        ...at(last.file),
      });
    }
    if (files.marker?.stale) {
      push(ctx, {
        code: 'PLAN033',
        severity: 'warning',
        message: `achievement ${id} has an in_progress marker${files.marker.pid !== undefined ? ` of process ${files.marker.pid}` : ''}, but no such process is running`,
        hint: `delete ${files.marker.file} if no agent is working on ${id}`,
        ...at(files.marker.file),
      });
    }
    for (const awaiting of files.awaitingReview ?? []) {
      if (files.executions.some((e) => e.attempt === awaiting.attempt)) continue;
      const nn = String(awaiting.attempt).padStart(2, '0');
      push(ctx, {
        code: 'PLAN038',
        severity: 'warning',
        message: `achievement ${id}: ${awaiting.file.slice(awaiting.file.lastIndexOf('/') + 1)} names attempt ${nn}, which has no EXECUTION_TASK file; it is ignored`,
        hint: `delete ${awaiting.file}, or restore execution/EXECUTION_TASK_${plan.name}_${nm}_${nn}.md`,
        ...at(awaiting.file),
      });
    }
    // A FIX of an earlier attempt next to APPROVED is history (the next attempt answered it); a FIX of the latest attempt contradicts it.
    const latestAttempt = files.executions.length > 0 ? files.executions[files.executions.length - 1].attempt : 0;
    if (files.approved && files.fix && (files.fixAttempt ?? 1) >= latestAttempt) {
      push(ctx, {
        code: 'PLAN034',
        severity: 'warning',
        message: `achievement ${id} has both APPROVED and FIX feedback; it counts as complete`,
        hint: `delete ${files.fix} if the fixes were made, or ${files.approved} if the review failed`,
        ...at(files.fix),
      });
    }
  }
}

function allFiles(files: AchievementFiles): string[] {
  const out: string[] = [];
  if (files.subplan) out.push(files.subplan);
  for (const e of files.executions) out.push(e.file);
  if (files.approved) out.push(files.approved);
  if (files.fixes) for (const f of files.fixes) out.push(f.file);
  else if (files.fix) out.push(files.fix);
  if (files.skipped) out.push(files.skipped);
  for (const a of files.awaitingReview ?? []) out.push(a.file);
  if (files.marker) out.push(files.marker.file);
  if (files.run) out.push(files.run.file);
  return out;
}

/** plan_name vs folder / unsafe; redundant fields (blocks, parallelizable_with, totals); PLAN ↔ parallel.json; odd status files. */
export function checkConsistency(plan: LoadedPlan): Diagnostic[] {
  const ctx: Context = { plan, out: [] };
  checkPlanName(ctx);
  checkRedundantFields(ctx);
  checkPlanAgainstParallel(ctx);
  checkFiles(ctx);
  return ctx.out;
}
