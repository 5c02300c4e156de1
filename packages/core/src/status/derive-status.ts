/**
 * SPEC §4: the status of an achievement is read from the plan folder's
 * files, never from parallel.json. First match wins.
 */
import type { AchievementFiles, DerivedStatus } from '../model/types';

/**
 * The attempt that awaits review, or undefined: the latest
 * `AWAITING_REVIEW_<NM>_<NN>.md` names the latest EXECUTION_TASK attempt, and
 * no FIX judged that attempt yet (`FIX_<NM>.md` judges attempt 1,
 * `FIX_<NM>_<NN>.md` attempt NN).
 */
export function awaitingReviewAttempt(files: AchievementFiles | undefined): number | undefined {
  const awaiting = files?.awaitingReview;
  if (!files || !awaiting || awaiting.length === 0 || files.executions.length === 0) return undefined;
  const attempt = awaiting[awaiting.length - 1].attempt;
  if (attempt !== files.executions[files.executions.length - 1].attempt) return undefined;
  const judged = files.fix === undefined ? 0 : (files.fixAttempt ?? 1);
  return attempt > judged ? attempt : undefined;
}

/**
 * In order: live in_progress marker → in_progress; APPROVED → complete;
 * a run record saying the review gave up (maxAttempts, the work kept on its
 * branch) → failed; the latest attempt awaits review (see awaitingReviewAttempt) →
 * awaiting_review; FIX → failed; SKIPPED → skipped; EXECUTION_TASK →
 * execution_created; SUBPLAN → subplan_created; else not_started.
 */
export function deriveStatus(files: AchievementFiles | undefined): DerivedStatus {
  if (!files) return 'not_started';
  if (files.marker && !files.marker.stale) return 'in_progress';
  if (files.approved) return 'complete';
  if (files.run?.record?.outcome === 'review-rejected') return 'failed';
  if (files.awaitingReview && awaitingReviewAttempt(files) !== undefined) return 'awaiting_review';
  if (files.fix) return 'failed';
  if (files.skipped) return 'skipped';
  if (files.executions.length > 0) return 'execution_created';
  if (files.subplan) return 'subplan_created';
  return 'not_started';
}

/** Complete or skipped: nothing is left to do for the achievement, and its dependents may start. */
export function isDoneStatus(status: DerivedStatus): boolean {
  return status === 'complete' || status === 'skipped';
}

/**
 * The status the lifecycle files give, ignoring an in_progress marker: what
 * the plan says once no run is going on (a run reads it while it holds the
 * marker itself; the plugin reads it to know whether a plan is finished).
 */
export function deriveFileStatus(files: AchievementFiles | undefined): DerivedStatus {
  if (files === undefined || files.marker === undefined) return deriveStatus(files);
  const { marker: _marker, ...rest } = files;
  return deriveStatus(rest);
}
