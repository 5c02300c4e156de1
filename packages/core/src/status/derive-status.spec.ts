import type { AchievementFiles } from '../model/types';
import { deriveStatus } from './derive-status';

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
});
