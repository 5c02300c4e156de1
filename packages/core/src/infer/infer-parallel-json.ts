/**
 * A draft dependency tree for a PLAN that has no parallel.json (SPEC §5), for
 * the discover generator and for analysing such plans:
 *
 * - achievements in PLAN order;
 * - priorities run in order: every achievement of priority p depends on every
 *   achievement of the nearest lower priority present in the PLAN;
 * - within a priority achievements are independent, unless the text names a
 *   prerequisite (a **Dependencies** line, "depends on 1.2", "(from Achievement
 *   3.1)", …) that is an achievement of this plan with a lower id — references
 *   to itself or to later ids are dropped, so the draft can never hold a cycle.
 *
 * The result is valid against the strict schema: `estimated_hours` is a number
 * (the upper bound of the PLAN's range; the ranges are listed in `notes`).
 */
import { PARALLEL_SCHEMA_ID, type ParallelAchievement, type ParallelJson } from '@nx-plan/schema';
import { formatHours } from '../model/hours';
import { compareAchievementIds, parseAchievementId } from '../model/ids';
import type { PlanDocument } from '../model/types';

/** `$id` of the strict (published) parallel.json schema, written as the draft's `$schema`. */
export const STRICT_PARALLEL_SCHEMA_ID: string = PARALLEL_SCHEMA_ID;

export interface InferParallelJsonOptions {
  /** `created_date` (YYYY-MM-DD); default: today (UTC). */
  createdDate?: string;
}

/** Draft dependency tree (SPEC §5): priorities in order; within a priority independent unless the text names a prerequisite. Valid against the strict schema; notes say it is a draft. */
export function inferParallelJson(plan: PlanDocument, planName: string, options: InferParallelJsonOptions = {}): ParallelJson {
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

  const ranges: string[] = [];
  const achievements: ParallelAchievement[] = entries.map((a) => {
    const priority = parseAchievementId(a.id)!.priority;
    const lower = previousPriority.get(priority);
    const deps = new Set<string>(lower === undefined ? [] : byPriority.get(lower));
    for (const ref of a.referencedIds) {
      if (ref !== a.id && ids.has(ref) && compareAchievementIds(ref, a.id) < 0) deps.add(ref);
    }
    const entry: ParallelAchievement = {
      achievement_id: a.id,
      title: a.title,
      dependencies: [...deps].sort(compareAchievementIds),
    };
    if (a.estimate) {
      entry.estimated_hours = a.estimate.max;
      if (a.estimate.min !== a.estimate.max) ranges.push(`${a.id}: ${formatHours(a.estimate)}`);
    }
    return entry;
  });

  const notes = [
    `Draft inferred by nx-plan from ${plan.file ? baseName(plan.file) : `PLAN_${planName}.md`}: review and edit it before relying on it.`,
    'Priorities run in order (each achievement depends on every achievement of the previous priority); achievements of one priority are independent unless the PLAN names a prerequisite.',
  ];
  if (ranges.length > 0) {
    notes.push(`estimated_hours holds the upper bound of the PLAN's ranges: ${ranges.join(', ')}.`);
  }

  return {
    $schema: STRICT_PARALLEL_SCHEMA_ID,
    plan_name: planName,
    parallelization_level: 'level_2',
    created_date: options.createdDate ?? new Date().toISOString().slice(0, 10),
    achievements,
    notes: notes.join(' '),
  };
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}
