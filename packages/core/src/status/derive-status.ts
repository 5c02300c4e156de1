/**
 * SPEC §4: the status of an achievement is read from the plan folder's
 * files, never from parallel.json. First match wins.
 */
import type { AchievementFiles, DerivedStatus } from '../model/types';

/** SPEC §4: in_progress marker (live) → in_progress; APPROVED → complete; FIX → failed; SKIPPED → skipped; EXECUTION_TASK → execution_created; SUBPLAN → subplan_created; else not_started. */
export function deriveStatus(files: AchievementFiles | undefined): DerivedStatus {
  if (!files) return 'not_started';
  if (files.marker && !files.marker.stale) return 'in_progress';
  if (files.approved) return 'complete';
  if (files.fix) return 'failed';
  if (files.skipped) return 'skipped';
  if (files.executions.length > 0) return 'execution_created';
  if (files.subplan) return 'subplan_created';
  return 'not_started';
}
