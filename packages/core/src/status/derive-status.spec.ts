import type { AchievementFiles } from '../model/types';
import { awaitingReviewAttempt, deriveStatus } from './derive-status';

function files(partial: Partial<AchievementFiles>): AchievementFiles {
  return { executions: [], ...partial };
}
const exec = [{ attempt: 1, file: 'execution/EXECUTION_TASK_X_11_01.md' }];

describe('deriveStatus', () => {
  it('is not_started without any file', () => {
    expect(deriveStatus(undefined)).toBe('not_started');
    expect(deriveStatus(files({}))).toBe('not_started');
  });
  it('follows the life cycle SUBPLAN → EXECUTION → APPROVED', () => {
    expect(deriveStatus(files({ subplan: 's' }))).toBe('subplan_created');
    expect(deriveStatus(files({ subplan: 's', executions: exec }))).toBe('execution_created');
    expect(deriveStatus(files({ subplan: 's', executions: exec, approved: 'a' }))).toBe('complete');
  });
  it('keeps the SPEC order: APPROVED wins over FIX, FIX over SKIPPED', () => {
    expect(deriveStatus(files({ executions: exec, approved: 'a', fix: 'f' }))).toBe('complete');
    expect(deriveStatus(files({ executions: exec, fix: 'f', skipped: 's' }))).toBe('failed');
    expect(deriveStatus(files({ skipped: 's', subplan: 'p' }))).toBe('skipped');
  });
  it('is in_progress only while the marker is live', () => {
    const live = { file: 'm', pid: 1, stale: false };
    const stale = { file: 'm', pid: 1, stale: true };
    expect(deriveStatus(files({ executions: exec, marker: live }))).toBe('in_progress');
    expect(deriveStatus(files({ executions: exec, marker: stale }))).toBe('execution_created');
  });

  describe('awaiting_review', () => {
    const attempts = (n: number) => Array.from({ length: n }, (_, k) => ({ attempt: k + 1, file: `execution/EXECUTION_TASK_X_11_0${k + 1}.md` }));
    const awaiting = (...ns: number[]) => ns.map((attempt) => ({ attempt, file: `execution/AWAITING_REVIEW_11_0${attempt}.md` }));
    const fix = (attempt: number) => ({
      fix: attempt === 1 ? 'execution/feedbacks/FIX_11.md' : `execution/feedbacks/FIX_11_0${attempt}.md`,
      fixAttempt: attempt,
    });

    it('is awaiting_review when the latest attempt finished and no review decided', () => {
      expect(deriveStatus(files({ subplan: 's', executions: attempts(1), awaitingReview: awaiting(1) }))).toBe('awaiting_review');
      expect(awaitingReviewAttempt(files({ executions: attempts(1), awaitingReview: awaiting(1) }))).toBe(1);
    });
    it('ranks below a live marker and APPROVED', () => {
      const live = { file: 'm', pid: 1, stale: false };
      expect(deriveStatus(files({ executions: attempts(1), awaitingReview: awaiting(1), marker: live }))).toBe('in_progress');
      expect(deriveStatus(files({ executions: attempts(1), awaitingReview: awaiting(1), approved: 'a' }))).toBe('complete');
    });
    it('ranks above FIX of an earlier attempt and above SKIPPED', () => {
      expect(deriveStatus(files({ executions: attempts(2), awaitingReview: awaiting(1, 2), ...fix(1) }))).toBe('awaiting_review');
      expect(deriveStatus(files({ executions: attempts(1), awaitingReview: awaiting(1), skipped: 'k' }))).toBe('awaiting_review');
    });
    it('is failed once a FIX judged the awaiting attempt (FIX_<NM>.md counts as attempt 1)', () => {
      expect(deriveStatus(files({ executions: attempts(1), awaitingReview: awaiting(1), ...fix(1) }))).toBe('failed');
      expect(deriveStatus(files({ executions: attempts(2), awaitingReview: awaiting(1, 2), ...fix(2) }))).toBe('failed');
      expect(deriveStatus(files({ executions: attempts(2), awaitingReview: awaiting(1, 2), fix: 'execution/feedbacks/FIX_11.md' }))).toBe('awaiting_review');
    });
    it('is not awaiting_review when a newer attempt exists than the one that finished', () => {
      expect(deriveStatus(files({ executions: attempts(2), awaitingReview: awaiting(1), ...fix(1) }))).toBe('failed');
      expect(deriveStatus(files({ executions: attempts(2), awaitingReview: awaiting(1) }))).toBe('execution_created');
      expect(awaitingReviewAttempt(files({ executions: attempts(2), awaitingReview: awaiting(1) }))).toBeUndefined();
    });
    it('ignores an AWAITING_REVIEW without the EXECUTION_TASK it names', () => {
      expect(deriveStatus(files({ subplan: 's', awaitingReview: awaiting(1) }))).toBe('subplan_created');
      expect(deriveStatus(files({ executions: attempts(1), awaitingReview: awaiting(3) }))).toBe('execution_created');
    });
  });

  describe('run records', () => {
    const record = (outcome: 'review-rejected' | 'merge-conflict') => ({
      file: 'execution/.runs/RUN_11.json',
      record: { achievement: '1.1', outcome, at: 'now', attempt: 3, message: 'm' },
    });
    it('is failed when the review gave up (the FIX files are on the branch, not in this folder)', () => {
      expect(deriveStatus(files({ executions: exec, run: record('review-rejected') }))).toBe('failed');
    });
    it('lets APPROVED win and leaves other outcomes to the files', () => {
      expect(deriveStatus(files({ executions: exec, approved: 'a', run: record('review-rejected') }))).toBe('complete');
      expect(deriveStatus(files({ executions: exec, run: record('merge-conflict') }))).toBe('execution_created');
    });
  });
});
