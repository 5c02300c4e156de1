import { deriveStatus, scanPlanFiles } from '@nx-plan/core';
import { describeStatus } from './describe-status';

describe('describeStatus', () => {
  const files = scanPlanFiles('WEB', [
    'subplans/SUBPLAN_WEB_11.md',
    'execution/EXECUTION_TASK_WEB_11_01.md',
    'execution/EXECUTION_TASK_WEB_11_02.md',
    'execution/feedbacks/FIX_11.md',
    'execution/AWAITING_REVIEW_11_01.md',
    'execution/AWAITING_REVIEW_11_02.md',
    'execution/EXECUTION_TASK_WEB_12_01.md',
    'execution/feedbacks/FIX_12.md',
    'execution/feedbacks/FIX_12_02.md',
    'execution/EXECUTION_TASK_WEB_12_02.md',
  ]).byNm;
  const described = (nm: string) => describeStatus(deriveStatus(files.get(nm)), files.get(nm));

  it('names the AWAITING_REVIEW file of the attempt that awaits review', () => {
    expect(described('11')).toBe('awaiting_review (AWAITING_REVIEW_11_02.md)');
  });

  it('names the latest FIX of a failed achievement', () => {
    expect(described('12')).toBe('failed (FIX_12_02.md)');
  });

  it('is the bare status without files', () => {
    expect(describeStatus('not_started', undefined)).toBe('not_started');
  });
});
