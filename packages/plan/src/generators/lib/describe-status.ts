/**
 * A derived status in words, with the file it was derived from, for the
 * dependency tables of generated SUBPLANs and the batch summaries.
 */
import type { AchievementFiles, DerivedStatus } from '@nx-plan/core';

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function statusEvidence(status: DerivedStatus, files: AchievementFiles | undefined): string | undefined {
  if (!files) return undefined;
  switch (status) {
    case 'complete':
      return files.approved && basename(files.approved);
    case 'failed':
      return files.fix && basename(files.fix);
    case 'skipped':
      return files.skipped && basename(files.skipped);
    case 'in_progress':
      return files.marker && basename(files.marker.file);
    case 'awaiting_review': {
      const last = files.awaitingReview?.[files.awaitingReview.length - 1];
      return last && basename(last.file);
    }
    case 'execution_created': {
      const last = files.executions[files.executions.length - 1];
      return last && basename(last.file);
    }
    case 'subplan_created':
      return files.subplan && basename(files.subplan);
    default:
      return undefined;
  }
}

/** `complete (APPROVED_23.md)`, `not_started`. */
export function describeStatus(status: DerivedStatus, files: AchievementFiles | undefined): string {
  const evidence = statusEvidence(status, files);
  return evidence ? `${status} (${evidence})` : status;
}
