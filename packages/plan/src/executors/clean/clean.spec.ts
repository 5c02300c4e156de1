import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { executorContext } from '../../testing/executor-context';
import { createTempRepo, type TempRepo } from '../../worktree/testing/temp-repo';
import { taskLogger } from '../lib/task-logger';
import { cleanExecutor } from './clean';

const PLAN = 'plans/DEMO';

// Real git and node processes; a loaded CI machine needs more than jest's 5 s.
jest.setTimeout(60_000);

describe('clean executor', () => {
  let repo: TempRepo;
  let lines: string[];
  beforeEach(() => {
    repo = createTempRepo({
      '.gitignore': '.nx-plan/worktrees/\n',
      [`${PLAN}/PLAN_DEMO.md`]: '# PLAN: DEMO\n\n- **Achievement 1.1**: One (1h)\n- **Achievement 1.2**: Two (1h)\n',
      [`${PLAN}/parallel.json`]: JSON.stringify({
        plan_name: 'DEMO',
        parallelization_level: 'level_2',
        achievements: [
          { achievement_id: '1.1', title: 'One', dependencies: [] },
          { achievement_id: '1.2', title: 'Two', dependencies: [] },
        ],
      }),
    });
    lines = [];
    for (const level of ['info', 'warn', 'error'] as const) jest.spyOn(taskLogger, level).mockImplementation((m: string) => void lines.push(`${level}: ${m}`));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    repo.cleanup();
  });

  it('removes merged worktrees and branches, keeps one with unmerged commits, and --dryRun removes nothing', async () => {
    // 1.1: a worktree whose branch has nothing left to merge
    repo.git('worktree', 'add', '-q', '-b', 'nx-plan/demo/11', join(repo.root, '.nx-plan/worktrees/demo/11'));
    // 1.2: a branch with work the main branch does not have
    const wt12 = join(repo.root, '.nx-plan/worktrees/demo/12');
    repo.git('worktree', 'add', '-q', '-b', 'nx-plan/demo/12', wt12);
    writeFileSync(join(wt12, 'work.txt'), 'unmerged work\n');
    repo.git('-C', wt12, 'add', 'work.txt');
    repo.git('-C', wt12, 'commit', '-q', '-m', 'work of 1.2');

    const context = executorContext(repo.root);
    await expect(cleanExecutor({ plan: PLAN, dryRun: true }, context)).resolves.toEqual({ success: true });
    expect(lines.join('\n')).toContain('would remove nx-plan/demo/11 (.nx-plan/worktrees/demo/11): fully merged');
    expect(existsSync(join(repo.root, '.nx-plan/worktrees/demo/11'))).toBe(true);

    lines = [];
    await expect(cleanExecutor({ plan: PLAN }, context)).resolves.toEqual({ success: true });
    const text = lines.join('\n');
    expect(text).toContain('removed      nx-plan/demo/11');
    expect(text).toMatch(/warn: kept +nx-plan\/demo\/12 \(\.nx-plan\/worktrees\/demo\/12\): holds 1 commit\(s\) not merged into main/);
    expect(existsSync(join(repo.root, '.nx-plan/worktrees/demo/11'))).toBe(false);
    expect(repo.git('branch', '--list', '--format=%(refname:short)', 'nx-plan/*').trim()).toBe('nx-plan/demo/12');
    expect(repo.git('log', '-1', '--format=%s', 'nx-plan/demo/12').trim()).toBe('work of 1.2');
  });

  it('says so outside git', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(join(repo.root, '.git'), { recursive: true, force: true });
    await expect(cleanExecutor({ plan: PLAN }, executorContext(repo.root))).resolves.toEqual({ success: true });
    expect(lines.join('\n')).toContain('Not a git repository with a commit');
  });
});
