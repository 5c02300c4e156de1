import { execFileSync } from 'node:child_process';
import { achievementBranch, achievementWorktreeDir, slugForGit } from './branch-name';

const gitAccepts = (branch: string) => {
  try {
    execFileSync('git', ['check-ref-format', '--branch', branch], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

describe('branch names', () => {
  it('lowercases the plan name and uses <NM>', () => {
    expect(achievementBranch('RELEASE-PIPELINE', '2.1')).toBe('nx-plan/release-pipeline/21');
    expect(achievementWorktreeDir('RELEASE-PIPELINE', '2.10')).toBe('.nx-plan/worktrees/release-pipeline/210');
  });

  it.each([
    ['My Plan: v2?', 'my-plan-v2'],
    ['..hidden', 'hidden'],
    ['a..b', 'a.b'],
    ['x.lock', 'x-lock'],
    ['~^:*[\\', 'plan'],
    ['ÉTÉ', 't'],
    ['trailing.', 'trailing'],
  ])('sanitises %j to %j', (name, slug) => {
    expect(slugForGit(name)).toBe(slug);
  });

  it.each(['RELEASE-PIPELINE', 'My Plan: v2?', '..x..', 'a/b\\c', 'x.lock', '@{', '-lead', 'end.', 'sp ace', '日本'])(
    'git accepts the branch made from %j',
    (name) => {
      expect(gitAccepts(achievementBranch(name, '1.1'))).toBe(true);
    },
  );
});
