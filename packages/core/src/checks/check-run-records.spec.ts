import { loadPlanFolder } from '../files/load-plan-folder';
import { runRecordContent, runRecordPath } from '../files/plan-file-names';
import { createTempPlanFolder, parallelJson, planMarkdown, type TempPlanFolder } from '../testing/temp-plan-folder';
import { validatePlan } from './validate-plan';
import { checkRunRecords, describeRunRecord } from './check-run-records';

const NAME = 'WEB';
let folder: TempPlanFolder;

beforeEach(() => {
  folder = createTempPlanFolder(NAME);
  folder.write(
    `PLAN_${NAME}.md`,
    planMarkdown(NAME, [
      { id: '1.1', title: 'Layout' },
      { id: '1.2', title: 'Styles' },
      { id: '2.1', title: 'Pages' },
    ]),
  );
  folder.write('parallel.json', parallelJson(NAME, { '1.1': [], '1.2': [], '2.1': ['1.1', '1.2'] }));
});
afterEach(() => folder.remove());

describe('checkRunRecords', () => {
  it('reports a merge conflict left on a branch with the branch, worktree, files and the git commands that resolve it', () => {
    folder.write(
      runRecordPath('1.2'),
      runRecordContent({
        achievement: '1.2',
        outcome: 'merge-conflict',
        at: '2026-12-02T03:00:00.000Z',
        attempt: 1,
        branch: 'nx-plan/web/12',
        worktree: '.nx-plan/worktrees/web-12',
        targetBranch: 'main',
        files: ['src/styles.css'],
        message: 'merge conflict in src/styles.css',
      }),
    );
    const diagnostics = validatePlan(loadPlanFolder(folder.dir));
    expect(diagnostics).toEqual([
      {
        code: 'PLAN035',
        severity: 'warning',
        message:
          'achievement 1.2 (attempt 01): merging nx-plan/web/12 into main conflicted in src/styles.css; the merge was aborted; the work is kept on branch nx-plan/web/12 in worktree .nx-plan/worktrees/web-12',
        hint:
          'on main run "git merge --no-ff nx-plan/web/12", resolve src/styles.css, "git commit", then "git worktree remove .nx-plan/worktrees/web-12 && git branch -d nx-plan/web/12" (or "npx nx-plan clean" once 1.2 is complete)',
        file: `${folder.dir}/execution/.runs/RUN_12.json`,
        line: 1,
        column: 1,
      },
    ]);
  });

  it('reports an unreadable record as PLAN037 and never throws', () => {
    folder.write(runRecordPath('1.1'), '{ "outcome": ');
    folder.write(runRecordPath('2.1'), JSON.stringify({ outcome: 'lost' }));
    const diagnostics = checkRunRecords(loadPlanFolder(folder.dir));
    expect(diagnostics.map((d) => `${d.code} ${d.file.slice(folder.dir.length + 1)} ${d.message}`)).toEqual([
      expect.stringMatching(/^PLAN037 execution\/\.runs\/RUN_11\.json run record of achievement 1\.1 cannot be used: not valid JSON/),
      'PLAN037 execution/.runs/RUN_21.json run record of achievement 2.1 cannot be used: unknown outcome "lost" (expected one of merge-conflict, dirty-main, review-rejected, agent-failed, interrupted, setup-failed)',
    ]);
    expect(diagnostics[0].hint).toBe(`look for the work with "git branch --list 'nx-plan/*'" and "git worktree list", then delete execution/.runs/RUN_11.json`);
  });

  it('names a record of an achievement the plan does not have by its number, and PLAN031 lists the file', () => {
    folder.write(runRecordPath('9.9'), runRecordContent({ achievement: '9.9', outcome: 'interrupted', at: '', attempt: 1, branch: 'nx-plan/web/99', message: '' }));
    const codes = validatePlan(loadPlanFolder(folder.dir)).map((d) => `${d.code} ${d.message}`);
    expect(codes).toEqual([
      'PLAN031 file for achievement number 99, which the plan does not have: execution/.runs/RUN_99.json',
      'PLAN035 achievement 9.9 (attempt 01): the run was interrupted before the work was merged; the work is kept on branch nx-plan/web/99',
    ]);
  });
});

describe('describeRunRecord', () => {
  const base = { achievement: '2.1', at: '', attempt: 2, branch: 'nx-plan/web/21', worktree: '.nx-plan/worktrees/web-21', targetBranch: 'main', message: '' };

  it('dirty main tree: commit or set aside the changes, then merge', () => {
    expect(describeRunRecord('2.1', { ...base, outcome: 'dirty-main', files: ['README.md', 'src/a.ts'] })).toEqual({
      message:
        'achievement 2.1 (attempt 02): the merge into main would touch uncommitted changes in README.md, src/a.ts, so it was not attempted; the work is kept on branch nx-plan/web/21 in worktree .nx-plan/worktrees/web-21',
      hint: 'commit or set aside your changes to README.md, src/a.ts, then run "git merge --no-ff nx-plan/web/21" and "git worktree remove .nx-plan/worktrees/web-21 && git branch -d nx-plan/web/21"',
    });
  });

  it('review gave up, agent failed, interrupted, setup failed: rerun or discard', () => {
    const discard = 'git worktree remove --force .nx-plan/worktrees/web-21 && git branch -D nx-plan/web/21';
    for (const outcome of ['review-rejected', 'agent-failed', 'interrupted', 'setup-failed'] as const) {
      const { message, hint } = describeRunRecord('2.1', { ...base, outcome });
      expect(message).toMatch(/^achievement 2\.1 /);
      expect(message).toContain('.nx-plan/worktrees/web-21');
      expect(hint).toContain(discard);
      expect(hint).toContain('rerun achievement 2.1');
    }
  });

  it('quotes paths that the shell would split and lists at most five files', () => {
    const { message, hint } = describeRunRecord('2.1', {
      ...base,
      outcome: 'merge-conflict',
      worktree: 'tmp/my worktrees/web-21',
      files: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect(message).toContain('conflicted in a, b, c, d, e and 2 more');
    expect(hint).toContain(`git worktree remove 'tmp/my worktrees/web-21' && git branch -d nx-plan/web/21`);
  });
});
