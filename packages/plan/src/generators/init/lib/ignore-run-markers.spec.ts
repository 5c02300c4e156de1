import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { ignoreRunMarkers } from './ignore-run-markers';

const BLOCK =
  '# nx-plan: run markers, run records and per-achievement worktrees\n**/execution/.in-progress/\n**/execution/.runs/\n.nx-plan/worktrees/\n';

describe('ignoreRunMarkers', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('creates .gitignore with the markers, run records and worktrees when there is none', () => {
    if (tree.exists('.gitignore')) tree.delete('.gitignore');
    expect(ignoreRunMarkers(tree)).toBe(true);
    expect(tree.read('.gitignore', 'utf-8')).toBe(BLOCK);
  });

  it('appends after existing lines, keeping them, even without a final newline', () => {
    tree.write('.gitignore', 'node_modules\ndist');
    ignoreRunMarkers(tree);
    expect(tree.read('.gitignore', 'utf-8')).toBe(`node_modules\ndist\n\n${BLOCK}`);
  });

  it('adds only the lines that are missing (a workspace set up by an older init)', () => {
    tree.write('.gitignore', '# nx-plan: in_progress markers held while an agent runs an achievement\n**/execution/.in-progress/\n');
    expect(ignoreRunMarkers(tree)).toBe(true);
    const text = tree.read('.gitignore', 'utf-8')!;
    expect(text.match(/\*\*\/execution\/\.in-progress\//g)).toHaveLength(1);
    expect(text).toContain('**/execution/.runs/\n.nx-plan/worktrees/\n');
  });

  it('is idempotent', () => {
    tree.write('.gitignore', 'node_modules\n');
    expect(ignoreRunMarkers(tree)).toBe(true);
    const once = tree.read('.gitignore', 'utf-8');
    expect(ignoreRunMarkers(tree)).toBe(false);
    expect(tree.read('.gitignore', 'utf-8')).toBe(once);
  });
});
