/**
 * An Nx FsTree over the workspace for the prompts, which reuse generator code
 * that reads through a Tree (the plan commands of nx.json, the discover
 * generator). Nothing is ever flushed from it. Loaded lazily with @nx/devkit.
 */
import type { Tree } from '@nx/devkit';

export function readOnlyTree(root: string): Tree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FsTree } = require('nx/src/generators/tree') as typeof import('nx/src/generators/tree');
  return new FsTree(root, false);
}
