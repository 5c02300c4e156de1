import {
  approvedPath,
  executionPath,
  fixPath,
  formatAttempt,
  inProgressMarkerContent,
  inProgressMarkerPath,
  planFileName,
  skippedPath,
  subplanPath,
} from './plan-file-names';

describe('plan file names', () => {
  it('match the names of the real plan folders', () => {
    expect(planFileName('LLM-DASHBOARD-CLI')).toBe('PLAN_LLM-DASHBOARD-CLI.md');
    expect(subplanPath('LLM-DASHBOARD-CLI', '0.1')).toBe('subplans/SUBPLAN_LLM-DASHBOARD-CLI_01.md');
    expect(executionPath('PARALLEL-EXECUTION-AUTOMATION', '3.3', 1)).toBe(
      'execution/EXECUTION_TASK_PARALLEL-EXECUTION-AUTOMATION_33_01.md',
    );
    expect(approvedPath('2.2')).toBe('execution/feedbacks/APPROVED_22.md');
    expect(fixPath('1.1')).toBe('execution/feedbacks/FIX_11.md');
    expect(skippedPath('2.10')).toBe('execution/SKIPPED_210.md');
    expect(inProgressMarkerPath('1.1')).toBe('execution/.in-progress/IN_PROGRESS_11.json');
  });

  it('pads attempts to two digits and grows past 99', () => {
    expect(formatAttempt(2)).toBe('02');
    expect(formatAttempt(10)).toBe('10');
    expect(formatAttempt(100)).toBe('100');
    expect(executionPath('X', '1.2', 123)).toBe('execution/EXECUTION_TASK_X_12_123.md');
  });

  it('refuses attempt numbers that cannot be written', () => {
    expect(() => formatAttempt(0)).toThrow(RangeError);
    expect(() => formatAttempt(1.5)).toThrow(RangeError);
  });

  it('writes the marker JSON the scanner reads', () => {
    const text = inProgressMarkerContent({ pid: 42, startedAt: '2025-11-14T10:00:00.000Z', achievement: '1.1' });
    expect(JSON.parse(text)).toEqual({ pid: 42, startedAt: '2025-11-14T10:00:00.000Z', achievement: '1.1' });
  });
});
