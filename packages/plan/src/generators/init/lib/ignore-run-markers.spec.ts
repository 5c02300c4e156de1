import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { ignoreRunMarkers } from './ignore-run-markers';

describe('ignoreRunMarkers', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('creates .gitignore with the marker folder when there is none', () => {
    if (tree.exists('.gitignore')) tree.delete('.gitignore');
    expect(ignoreRunMarkers(tree)).toBe(true);
    expect(tree.read('.gitignore', 'utf-8')).toBe(
      '# nx-plan: in_progress markers held while an agent runs an achievement\n**/execution/.in-progress/\n'
    );
  });

  it('appends after existing lines, keeping them, even without a final newline', () => {
    tree.write('.gitignore', 'node_modules\ndist');
    ignoreRunMarkers(tree);
    expect(tree.read('.gitignore', 'utf-8')).toBe(
      'node_modules\ndist\n\n# nx-plan: in_progress markers held while an agent runs an achievement\n**/execution/.in-progress/\n'
    );
  });

  it('is idempotent', () => {
    tree.write('.gitignore', 'node_modules\n');
    expect(ignoreRunMarkers(tree)).toBe(true);
    const once = tree.read('.gitignore', 'utf-8');
    expect(ignoreRunMarkers(tree)).toBe(false);
    expect(tree.read('.gitignore', 'utf-8')).toBe(once);
  });
});
