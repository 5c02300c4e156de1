/**
 * A draft dependency tree for a PLAN that has no parallel.json (SPEC §5), for
 * the discover generator and for analysing such plans. It keeps what the PLAN
 * says and infers only where the PLAN says nothing:
 *
 * - achievements in PLAN order;
 * - an achievement whose own fields state its dependencies (`**Dependencies**:
 *   1.2`, `Depends on: 1.1`, `Prerequisites: …`, `Requires: …`, "None") gets
 *   exactly those that are achievements of this plan (itself and unknown ids
 *   are left out, and said so in the notes);
 * - any other achievement is inferred: priorities run in order (it depends on
 *   every achievement of the nearest lower priority present), plus earlier
 *   achievements its text names as prerequisites ("depends on 1.2", "(from
 *   Achievement 3.1)"); references to itself or to later ids are dropped, so
 *   inference alone never makes a cycle;
 * - estimates keep the PLAN's form: a number for `3h`, a range string `"2-3"`
 *   for `2-3h` (the tolerant schema's form, so totals stay ranges).
 *
 * `notes` says, per achievement, which dependencies were stated and which were
 * inferred.
 */
import type { ParallelAchievement, ParallelJson } from '@nx-plan/schema';
import { compareAchievementIds, parseAchievementId } from '../model/ids';
import type { HoursRange, PlanDocument } from '../model/types';
import { statedDependencies } from './stated-dependencies';

/** `$id` of the tolerant parallel.json schema (ranges such as "2-3" allowed), the draft's default `$schema`. */
export const TOLERANT_PARALLEL_SCHEMA_ID = 'https://nx-plan.dev/schemas/parallel.tolerant.schema.json';

/** Cheap pre-check before reading a body line by line. */
const MAY_STATE_DEPENDENCIES = /depend|prerequisite|requires|blocked/i;

export interface InferParallelJsonOptions {
  /** `created_date` (YYYY-MM-DD); default: today (UTC). */
  createdDate?: string;
  /** `$schema` of the draft; default: the tolerant schema's `$id`. The discover generator passes the path `init` writes. */
  schemaReference?: string;
}

/** How one achievement's dependencies were decided, for notes and for the discover prompt. */
export interface DependencyOrigin {
  id: string;
  source: 'stated' | 'inferred';
  /** stated: the field as written. */
  statedLine?: string;
  /** stated ids that are not achievements of this plan (or the achievement itself), left out. */
  ignored?: string[];
}

export interface InferredParallelJson extends ParallelJson {
  achievements: ParallelAchievement[];
}

/** The draft tree and, per achievement, where its dependencies came from. */
export function inferDependencyTree(
  plan: PlanDocument,
  planName: string,
  options: InferParallelJsonOptions = {},
): { tree: InferredParallelJson; origins: DependencyOrigin[] } {
  const ids = new Set<string>();
  const entries = plan.achievements.filter((a) => {
    if (!parseAchievementId(a.id) || ids.has(a.id)) return false;
    ids.add(a.id);
    return true;
  });

  // Distinct priorities in ascending order, and the members of each.
  const byPriority = new Map<number, string[]>();
  for (const a of entries) {
    const priority = parseAchievementId(a.id)!.priority;
    const members = byPriority.get(priority);
    if (members) members.push(a.id);
    else byPriority.set(priority, [a.id]);
  }
  const priorities = [...byPriority.keys()].sort((x, y) => x - y);
  const previousPriority = new Map<number, number>();
  for (let i = 1; i < priorities.length; i++) previousPriority.set(priorities[i], priorities[i - 1]);

  const origins: DependencyOrigin[] = [];
  const achievements: ParallelAchievement[] = entries.map((a) => {
    const stated = a.body && MAY_STATE_DEPENDENCIES.test(a.body) ? statedDependencies(a.body) : undefined;
    let dependencies: string[];
    if (stated) {
      dependencies = stated.ids.filter((id) => id !== a.id && ids.has(id));
      const ignored = stated.ids.filter((id) => !dependencies.includes(id));
      origins.push({ id: a.id, source: 'stated', statedLine: stated.line, ...(ignored.length > 0 ? { ignored } : {}) });
    } else {
      const lower = previousPriority.get(parseAchievementId(a.id)!.priority);
      const deps = new Set<string>(lower === undefined ? [] : byPriority.get(lower));
      for (const ref of a.referencedIds) {
        if (ref !== a.id && ids.has(ref) && compareAchievementIds(ref, a.id) < 0) deps.add(ref);
      }
      dependencies = [...deps].sort(compareAchievementIds);
      origins.push({ id: a.id, source: 'inferred' });
    }
    const entry: ParallelAchievement = { achievement_id: a.id, title: a.title, dependencies };
    if (a.estimate) entry.estimated_hours = hoursValue(a.estimate);
    return entry;
  });

  if (origins.some((o, i) => o.source === 'stated' && achievements[i].dependencies.some((d) => compareAchievementIds(d, o.id) > 0))) {
    dropInferredEdgesThatCloseCycles(achievements, origins);
  }

  const tree: InferredParallelJson = {
    $schema: options.schemaReference ?? TOLERANT_PARALLEL_SCHEMA_ID,
    plan_name: planName,
    parallelization_level: 'level_2',
    created_date: options.createdDate ?? new Date().toISOString().slice(0, 10),
    achievements,
    notes: draftNotes(plan, planName, origins, achievements),
  };
  return { tree, origins };
}

/** Draft dependency tree (SPEC §5): stated dependencies kept exactly, the rest inferred; see the file comment. */
export function inferParallelJson(plan: PlanDocument, planName: string, options: InferParallelJsonOptions = {}): ParallelJson {
  return inferDependencyTree(plan, planName, options).tree;
}

/**
 * Inferred edges point to lower ids and stated ones usually do too, so the
 * draft has no cycle. A stated dependency on a later achievement (level 3)
 * can make an inferred edge close one: such inferred edges are dropped.
 * Cycles among stated dependencies alone are the PLAN's and stay for
 * `validate` to report.
 */
function dropInferredEdgesThatCloseCycles(achievements: ParallelAchievement[], origins: readonly DependencyOrigin[]): void {
  const byId = new Map(achievements.map((a) => [a.achievement_id, a] as const));
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === target) return true;
      for (const dep of byId.get(id)?.dependencies ?? []) {
        if (!seen.has(dep)) {
          seen.add(dep);
          stack.push(dep);
        }
      }
    }
    return false;
  };
  achievements.forEach((a, i) => {
    if (origins[i].source !== 'inferred') return;
    a.dependencies = a.dependencies.filter((dep) => !reaches(dep, a.achievement_id));
  });
}

/** `3` for 3h, `"2-3"` for 2-3h. */
function hoursValue(range: HoursRange): number | string {
  return range.min === range.max ? range.max : `${range.min}-${range.max}`;
}

function draftNotes(plan: PlanDocument, planName: string, origins: readonly DependencyOrigin[], achievements: readonly ParallelAchievement[]): string {
  const depsOf = new Map(achievements.map((a) => [a.achievement_id, a.dependencies] as const));
  const list = (deps: readonly string[]) => (deps.length > 0 ? deps.join(', ') : 'none');
  const stated = origins.filter((o) => o.source === 'stated');
  const inferred = origins.filter((o) => o.source === 'inferred');
  const notes = [`Draft by nx-plan from ${plan.file ? baseName(plan.file) : `PLAN_${planName}.md`}: review and edit it before relying on it.`];
  if (stated.length > 0) {
    notes.push(
      `Stated in the PLAN (kept as written): ${stated
        .map((o) => `${o.id} ← ${list(depsOf.get(o.id) ?? [])}${o.ignored ? ` (left out ${o.ignored.join(', ')}: not another achievement of this plan)` : ''}`)
        .join('; ')}.`,
    );
  }
  if (inferred.length > 0) {
    notes.push(
      `Inferred, the PLAN states none (previous priority, plus earlier achievements the text names): ${inferred
        .map((o) => `${o.id} ← ${list(depsOf.get(o.id) ?? [])}`)
        .join('; ')}.`,
    );
  }
  return notes.join(' ');
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}
