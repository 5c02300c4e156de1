/**
 * The file-name convention of plan folders (SPEC §1). All paths are relative
 * to the plan folder, with '/' separators.
 */
import { nmOf } from '../model/ids';

/** Names under which a plan folder's dependency tree is looked for, first found wins. */
export const PARALLEL_FILE_NAMES = ['parallel.json', 'PARALLEL-EXECUTION-ANALYSIS.json', 'parallel-execution.json', 'parallel_analysis.json'] as const;

export const SUBPLANS_DIR = 'subplans';
export const EXECUTION_DIR = 'execution';
export const FEEDBACKS_DIR = 'execution/feedbacks';
export const IN_PROGRESS_DIR = 'execution/.in-progress';
/** Git-ignored records of runs that left work in a worktree (merge conflict, review gave up, …). */
export const RUN_RECORDS_DIR = 'execution/.runs';

export function planFileName(name: string): string {
  return `PLAN_${name}.md`;
}

export function subplanPath(name: string, id: string): string {
  return `${SUBPLANS_DIR}/SUBPLAN_${name}_${nmOf(id)}.md`;
}

/** Attempt number as written in file names: 1 → `01`, 99 → `99`, 100 → `100`. */
export function formatAttempt(attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new RangeError(`execution attempt must be a positive integer, got ${attempt}`);
  }
  return String(attempt).padStart(2, '0');
}

/** attempt 1 → `_01`. */
export function executionPath(name: string, id: string, attempt: number): string {
  return `${EXECUTION_DIR}/EXECUTION_TASK_${name}_${nmOf(id)}_${formatAttempt(attempt)}.md`;
}

export function approvedPath(id: string): string {
  return `${FEEDBACKS_DIR}/APPROVED_${nmOf(id)}.md`;
}

export function fixPath(id: string): string {
  return `${FEEDBACKS_DIR}/FIX_${nmOf(id)}.md`;
}

/**
 * Review feedback asking for fixes. The verdict on attempt 1 is `FIX_<NM>.md`
 * (the convention of existing plans); the verdict on a later attempt N is
 * `FIX_<NM>_<NN>.md`, so an earlier FIX is never overwritten.
 */
export function fixPathForAttempt(id: string, attempt: number): string {
  return attempt <= 1 ? fixPath(id) : `${FEEDBACKS_DIR}/FIX_${nmOf(id)}_${formatAttempt(attempt)}.md`;
}

/**
 * Written when the agent of attempt N exited 0 and no review has decided yet:
 * `execution/AWAITING_REVIEW_<NM>_<NN>.md` (status `awaiting_review`).
 */
export function awaitingReviewPath(id: string, attempt: number): string {
  return `${EXECUTION_DIR}/AWAITING_REVIEW_${nmOf(id)}_${formatAttempt(attempt)}.md`;
}

export function skippedPath(id: string): string {
  return `${EXECUTION_DIR}/SKIPPED_${nmOf(id)}.md`;
}

/** The run executor's in_progress marker: JSON `{ pid, startedAt, achievement }`. */
export function inProgressMarkerPath(id: string): string {
  return `${IN_PROGRESS_DIR}/IN_PROGRESS_${nmOf(id)}.json`;
}

/** Content of an in_progress marker, as the run executor writes it. */
export interface InProgressMarker {
  pid: number;
  /** ISO date-time. */
  startedAt: string;
  /** Achievement id, e.g. `1.1`. */
  achievement: string;
}

export function inProgressMarkerContent(marker: InProgressMarker): string {
  return `${JSON.stringify({ pid: marker.pid, startedAt: marker.startedAt, achievement: marker.achievement }, null, 2)}\n`;
}

/** Where a run that left work behind records it: `execution/.runs/RUN_<NM>.json`. */
export function runRecordPath(id: string): string {
  return `${RUN_RECORDS_DIR}/RUN_${nmOf(id)}.json`;
}

/** Why a run ended with work left on its branch / in its worktree. */
export type RunOutcome =
  | 'merge-conflict'
  | 'dirty-main'
  | 'review-rejected'
  | 'agent-failed'
  | 'interrupted'
  | 'setup-failed';

/**
 * Content of a run record (JSON). Written by `nx-plan run-achievement` when an
 * achievement's work stays on its branch; removed when the achievement lands.
 */
export interface RunRecord {
  achievement: string;
  outcome: RunOutcome;
  /** ISO date-time. */
  at: string;
  /** Attempt number of the latest EXECUTION_TASK the run worked on. */
  attempt: number;
  /** Branch holding the work, e.g. `nx-plan/release-pipeline/21`. */
  branch?: string;
  /** Worktree folder, relative to the workspace root. */
  worktree?: string;
  /** Branch that was checked out in the main worktree (the merge target). */
  targetBranch?: string;
  /** Files concerned (conflicting, or dirty in the main tree), workspace-relative. */
  files?: string[];
  /** One-line explanation. */
  message: string;
}

export function runRecordContent(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
