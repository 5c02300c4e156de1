import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { pathInPlan, pathObstacle } from './plan-paths';

describe('pathInPlan', () => {
  it('joins plan-relative paths', () => {
    expect(pathInPlan('plans/a', 'subplans/SUBPLAN_A_11.md')).toBe('plans/a/subplans/SUBPLAN_A_11.md');
    expect(pathInPlan('plans/a/', 'execution/EXECUTION_TASK_A_11_01.md')).toBe('plans/a/execution/EXECUTION_TASK_A_11_01.md');
  });

  it.each(['../b/x.md', 'subplans/../../x.md', '/etc/passwd', 'subplans//x.md', './x.md', 'a\\..\\..\\x', 'x\0.md', ''])(
    'refuses %j, which would leave the folder or is not a plain relative path',
    (relative) => {
      expect(pathInPlan('plans/a', relative)).toBeUndefined();
    },
  );
});

describe('pathObstacle', () => {
  it('tells a free path from an existing file, a folder, and a file in place of a parent folder', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('plans/a/subplans/existing.md', 'x');
    tree.write('plans/a/subplans/folder.md/inner.txt', 'x');
    tree.write('plans/a/execution', 'a file');
    expect(pathObstacle(tree, 'plans/a', 'plans/a/subplans/new.md')).toEqual({ kind: 'none' });
    expect(pathObstacle(tree, 'plans/a', 'plans/a/subplans/existing.md')).toEqual({ kind: 'file-exists' });
    expect(pathObstacle(tree, 'plans/a', 'plans/a/subplans/folder.md')).toEqual({ kind: 'is-directory' });
    expect(pathObstacle(tree, 'plans/a', 'plans/a/execution/x.md')).toEqual({ kind: 'parent-is-file', parent: 'plans/a/execution' });
  });
});
