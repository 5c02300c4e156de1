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
