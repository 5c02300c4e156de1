/**
 * TypeScript shape of parallel.json. The strict schema
 * (`parallel.schema.json`) matches these types exactly; the tolerant schema
 * (default mode) also accepts `estimated_hours` as a range string `"4-6"`,
 * a missing `status`, and extra fields (kept, reported as warnings).
 */
export type ParallelizationLevel = 'level_1' | 'level_2' | 'level_3';

export type AchievementStatus =
  | 'not_started'
  | 'subplan_created'
  | 'execution_created'
  | 'in_progress'
  | 'complete'
  | 'failed'
  | 'skipped';

export const ACHIEVEMENT_STATUSES: readonly AchievementStatus[] = [
  'not_started',
  'subplan_created',
  'execution_created',
  'in_progress',
  'complete',
  'failed',
  'skipped',
];

/** A number of hours, or (tolerant mode only) a range string such as `"4-6"`. */
export type HoursValue = number | string;

export interface ParallelAchievement {
  /** `<priority>.<index>`, e.g. `2.3`. */
  achievement_id: string;
  title?: string;
  /** Ids of the achievements that must be complete (or skipped) first. */
  dependencies: string[];
  /** Ignored by nx-plan: status is derived from the plan folder's files. */
  status?: AchievementStatus;
  estimated_hours?: HoursValue;
  actual_hours?: number;
  started_at?: string;
  completed_at?: string;
  executor?: string;
  /** Tolerant mode keeps any other field. */
  [extra: string]: unknown;
}

export interface ParallelJson {
  $schema?: string;
  plan_name: string;
  parallelization_level: ParallelizationLevel;
  created_date?: string;
  achievements: ParallelAchievement[];
  notes?: string;
  [extra: string]: unknown;
}
