import { classifyPlanFile, scanPlanFiles } from './scan-plan-files';

const NAME = 'LLM-DASHBOARD-CLI';

describe('scanPlanFiles', () => {
  it('classifies the life-cycle files of the real corpus names', () => {
    const files = scanPlanFiles(NAME, [
      'PLAN_LLM-DASHBOARD-CLI.md',
      'subplans/SUBPLAN_LLM-DASHBOARD-CLI_01.md',
      'execution/EXECUTION_TASK_LLM-DASHBOARD-CLI_01_01.md',
      'execution/feedbacks/APPROVED_01.md',
      'subplans/SUBPLAN_LLM-DASHBOARD-CLI_11.md',
      'execution/EXECUTION_TASK_LLM-DASHBOARD-CLI_11_01.md',
      'execution/feedbacks/FIX_11.md',
      'execution/SKIPPED_32.md',
      'execution/INDEX.md',
      'execution/COMMON_ISSUES_ANALYSIS.md',
    ]);
    expect([...files.byNm.keys()]).toEqual(['01', '11', '32']);
    expect(files.byNm.get('01')).toEqual({
      subplan: 'subplans/SUBPLAN_LLM-DASHBOARD-CLI_01.md',
      executions: [{ attempt: 1, file: 'execution/EXECUTION_TASK_LLM-DASHBOARD-CLI_01_01.md' }],
      approved: 'execution/feedbacks/APPROVED_01.md',
    });
    expect(files.byNm.get('11')?.fix).toBe('execution/feedbacks/FIX_11.md');
    expect(files.byNm.get('32')).toEqual({ executions: [], skipped: 'execution/SKIPPED_32.md' });
    expect(files.unrecognised).toEqual([]);
  });

  it('orders attempts numerically, including attempts past 99', () => {
    const files = scanPlanFiles('P', [
      'execution/EXECUTION_TASK_P_21_100.md',
      'execution/EXECUTION_TASK_P_21_02.md',
      'execution/EXECUTION_TASK_P_21_01.md',
    ]);
    expect(files.byNm.get('21')?.executions.map((e) => e.attempt)).toEqual([1, 2, 100]);
  });

  it('reports look-alike files that do not parse as unrecognised', () => {
    const files = scanPlanFiles('P', [
      'subplans/SUBPLAN_OTHER_11.md',
      'subplans/SUBPLAN_P_1.1.md',
      'execution/EXECUTION_TASK_P_11.md',
      'execution/EXECUTION_TASK_P_11_1.md',
      'execution/EXECUTION_TASK_P_11_00.md',
      'execution/feedbacks/APPROVED_11_old.md',
      'execution/feedbacks/FIX_.md',
      'feedbacks/APPROVED_11.md',
      'SUBPLAN_P_11.md',
      'execution/.in-progress/IN_PROGRESS_11.json.tmp',
      'notes/README.md',
    ]);
    expect(files.byNm.size).toBe(0);
    expect(files.unrecognised).toEqual([
      'SUBPLAN_P_11.md',
      'execution/.in-progress/IN_PROGRESS_11.json.tmp',
      'execution/EXECUTION_TASK_P_11.md',
      'execution/EXECUTION_TASK_P_11_00.md',
      'execution/EXECUTION_TASK_P_11_1.md',
      'execution/feedbacks/APPROVED_11_old.md',
      'execution/feedbacks/FIX_.md',
      'feedbacks/APPROVED_11.md',
      'subplans/SUBPLAN_OTHER_11.md',
      'subplans/SUBPLAN_P_1.1.md',
    ]);
  });

  it('does not confuse a plan name that is a prefix of another', () => {
    const files = scanPlanFiles('A', ['subplans/SUBPLAN_A_B_11.md', 'subplans/SUBPLAN_A_11.md']);
    expect(files.byNm.get('11')?.subplan).toBe('subplans/SUBPLAN_A_11.md');
    expect(files.unrecognised).toEqual(['subplans/SUBPLAN_A_B_11.md']);
  });

  it('keys files by NM, so 1.11 and 11.1 files share one entry', () => {
    const files = scanPlanFiles('P', ['subplans/SUBPLAN_P_111.md']);
    expect([...files.byNm.keys()]).toEqual(['111']);
  });

  it('reads in_progress markers and asks whether their pid is alive', () => {
    const markers: Record<string, string> = {
      'execution/.in-progress/IN_PROGRESS_11.json': JSON.stringify({ pid: 4242, startedAt: '2025-11-14T10:00:00Z', achievement: '1.1' }),
      'execution/.in-progress/IN_PROGRESS_12.json': JSON.stringify({ pid: 999, startedAt: '2025-11-14T10:00:00Z', achievement: '1.2' }),
      'execution/.in-progress/IN_PROGRESS_13.json': '{ not json',
      'execution/.in-progress/IN_PROGRESS_21.json': JSON.stringify({ achievement: '2.1' }),
    };
    const asked: number[] = [];
    const files = scanPlanFiles('P', Object.keys(markers), {
      readMarker: (p) => markers[p],
      isProcessAlive: (pid) => {
        asked.push(pid);
        return pid === 4242;
      },
    });
    expect(files.byNm.get('11')?.marker).toEqual({
      file: 'execution/.in-progress/IN_PROGRESS_11.json',
      pid: 4242,
      startedAt: '2025-11-14T10:00:00Z',
      stale: false,
    });
    expect(files.byNm.get('12')?.marker?.stale).toBe(true);
    expect(files.byNm.get('13')?.marker).toEqual({ file: 'execution/.in-progress/IN_PROGRESS_13.json', stale: true });
    expect(files.byNm.get('21')?.marker?.stale).toBe(true);
    expect(asked.sort()).toEqual([4242, 999].sort());
  });

  it('treats a marker it cannot read as stale, and a reader that throws as unreadable', () => {
    const files = scanPlanFiles('P', ['execution/.in-progress/IN_PROGRESS_11.json'], {
      readMarker: () => {
        throw new Error('EACCES');
      },
    });
    expect(files.byNm.get('11')?.marker?.stale).toBe(true);
  });

  it('keeps every FIX by attempt and takes the latest as fix (FIX_<NM>.md is attempt 1)', () => {
    const files = scanPlanFiles('P', [
      'execution/feedbacks/FIX_21_03.md',
      'execution/feedbacks/FIX_21.md',
      'execution/feedbacks/FIX_21_02.md',
      'execution/feedbacks/FIX_22.md',
    ]);
    expect(files.byNm.get('21')).toEqual({
      executions: [],
      fixes: [
        { attempt: 1, file: 'execution/feedbacks/FIX_21.md' },
        { attempt: 2, file: 'execution/feedbacks/FIX_21_02.md' },
        { attempt: 3, file: 'execution/feedbacks/FIX_21_03.md' },
      ],
      fix: 'execution/feedbacks/FIX_21_03.md',
      fixAttempt: 3,
    });
    expect(files.byNm.get('22')).toMatchObject({ fix: 'execution/feedbacks/FIX_22.md', fixAttempt: 1 });
    expect(files.unrecognised).toEqual([]);
  });

  it('lists AWAITING_REVIEW_<NM>_<NN>.md files by attempt', () => {
    const files = scanPlanFiles('P', ['execution/AWAITING_REVIEW_11_02.md', 'execution/AWAITING_REVIEW_11_01.md', 'execution/AWAITING_REVIEW_210_10.md']);
    expect(files.byNm.get('11')?.awaitingReview).toEqual([
      { attempt: 1, file: 'execution/AWAITING_REVIEW_11_01.md' },
      { attempt: 2, file: 'execution/AWAITING_REVIEW_11_02.md' },
    ]);
    expect(files.byNm.get('210')?.awaitingReview).toEqual([{ attempt: 10, file: 'execution/AWAITING_REVIEW_210_10.md' }]);
  });

  it('reports look-alike FIX, AWAITING_REVIEW and run record names as unrecognised, and ignores RUN_ files elsewhere', () => {
    const files = scanPlanFiles('P', [
      'execution/feedbacks/FIX_11_old.md',
      'execution/feedbacks/FIX_11_1.md',
      'execution/feedbacks/FIX_11_00.md',
      'execution/AWAITING_REVIEW_11.md',
      'execution/AWAITING_REVIEW_11_01.txt',
      'execution/feedbacks/AWAITING_REVIEW_11_01.md',
      'execution/.runs/RUN_1.1.json',
      'execution/.runs/RUN_11.json.tmp',
      'execution/RUN_11.json',
      'notes/RUN_BOOK.md',
    ]);
    expect(files.byNm.size).toBe(0);
    expect(files.unrecognised).toEqual([
      'execution/.runs/RUN_1.1.json',
      'execution/.runs/RUN_11.json.tmp',
      'execution/AWAITING_REVIEW_11.md',
      'execution/AWAITING_REVIEW_11_01.txt',
      'execution/feedbacks/AWAITING_REVIEW_11_01.md',
      'execution/feedbacks/FIX_11_00.md',
      'execution/feedbacks/FIX_11_1.md',
      'execution/feedbacks/FIX_11_old.md',
    ]);
  });

  it('reads run records leniently: a record, or the reason it cannot be used', () => {
    const texts: Record<string, string> = {
      'execution/.runs/RUN_11.json': JSON.stringify({
        achievement: '1.1',
        outcome: 'merge-conflict',
        at: '2026-12-01T10:00:00Z',
        attempt: 2,
        branch: 'nx-plan/p/11',
        worktree: '.nx-plan/worktrees/p-11',
        targetBranch: 'main',
        files: ['src/app.ts', 42],
        message: 'merge of nx-plan/p/11 into main conflicts\n in src/app.ts',
        extra: true,
      }),
      'execution/.runs/RUN_12.json': '{ "outcome": "merge-conflict", ',
      'execution/.runs/RUN_13.json': JSON.stringify({ outcome: 'exploded' }),
      'execution/.runs/RUN_14.json': '[]',
    };
    const files = scanPlanFiles('P', [...Object.keys(texts), 'execution/.runs/RUN_15.json', 'execution/.runs/RUN_16.json'], {
      readRunRecord: (p) => {
        if (p.endsWith('RUN_16.json')) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return texts[p];
      },
    });
    expect(files.byNm.get('11')?.run).toEqual({
      file: 'execution/.runs/RUN_11.json',
      record: {
        achievement: '1.1',
        outcome: 'merge-conflict',
        at: '2026-12-01T10:00:00Z',
        attempt: 2,
        branch: 'nx-plan/p/11',
        worktree: '.nx-plan/worktrees/p-11',
        targetBranch: 'main',
        files: ['src/app.ts'],
        message: 'merge of nx-plan/p/11 into main conflicts in src/app.ts',
      },
    });
    expect(files.byNm.get('12')?.run?.problem).toMatch(/^not valid JSON/);
    expect(files.byNm.get('13')?.run?.problem).toBe('unknown outcome "exploded" (expected one of merge-conflict, dirty-main, review-rejected, agent-failed, interrupted, setup-failed)');
    expect(files.byNm.get('14')?.run?.problem).toBe('not a JSON object');
    expect(files.byNm.get('15')?.run).toEqual({ file: 'execution/.runs/RUN_15.json', problem: 'cannot be read' });
    expect(files.byNm.get('16')?.run).toEqual({ file: 'execution/.runs/RUN_16.json', problem: 'cannot be read (EACCES)' });
  });

  it('accepts Windows separators and a leading ./', () => {
    const files = scanPlanFiles('P', ['.\\subplans\\SUBPLAN_P_11.md', './execution/feedbacks/APPROVED_11.md']);
    expect(files.byNm.get('11')).toEqual({
      subplan: 'subplans/SUBPLAN_P_11.md',
      approved: 'execution/feedbacks/APPROVED_11.md',
      executions: [],
    });
  });
});

describe('classifyPlanFile', () => {
  it('names the life-cycle file, its achievement and attempt, by the scanner\'s rule', () => {
    expect(classifyPlanFile('DEMO', 'subplans/SUBPLAN_DEMO_21.md')).toEqual({ kind: 'subplan', nm: '21' });
    expect(classifyPlanFile('DEMO', './execution/EXECUTION_TASK_DEMO_21_02.md')).toEqual({ kind: 'execution', nm: '21', attempt: 2 });
    expect(classifyPlanFile('DEMO', 'execution/feedbacks/FIX_21.md')).toEqual({ kind: 'fix', nm: '21', attempt: 1 });
    expect(classifyPlanFile('DEMO', 'execution/feedbacks/FIX_21_03.md')).toEqual({ kind: 'fix', nm: '21', attempt: 3 });
    expect(classifyPlanFile('DEMO', 'execution/AWAITING_REVIEW_21_01.md')).toEqual({ kind: 'awaiting', nm: '21', attempt: 1 });
    expect(classifyPlanFile('DEMO', 'execution/.runs/RUN_21.json')).toEqual({ kind: 'run', nm: '21' });
  });

  it('is undefined for other files, other plans and life-cycle names in the wrong folder', () => {
    expect(classifyPlanFile('DEMO', 'PLAN_DEMO.md')).toBeUndefined();
    expect(classifyPlanFile('DEMO', 'subplans/SUBPLAN_OTHER_21.md')).toBeUndefined();
    expect(classifyPlanFile('DEMO', 'subplans/APPROVED_21.md')).toBeUndefined();
  });
});
