/**
 * Workspace-relative paths inside one plan folder. Every path a batch
 * generator writes is built here and checked to stay inside the plan folder,
 * whatever the plan name or achievement id contains.
 */
import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';

/** Join a plan-relative path onto the plan folder; undefined when the result would leave the folder. */
export function pathInPlan(planDir: string, relativePath: string): string | undefined {
  if (relativePath.includes('\0') || relativePath.includes('\\') || posix.isAbsolute(relativePath)) return undefined;
  if (relativePath.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return undefined;
  const base = posix.normalize(planDir).replace(/\/+$/, '');
  const joined = posix.normalize(posix.join(base, relativePath));
  return joined.startsWith(`${base}/`) ? joined : undefined;
}

/**
 * What stands in the way of writing `path` as a new file: the file itself,
 * a folder of that name, or a file where one of its parent folders should be.
 */
export type PathObstacle =
  | { kind: 'none' }
  | { kind: 'file-exists' }
  | { kind: 'is-directory' }
  | { kind: 'parent-is-file'; parent: string };

export function pathObstacle(tree: Tree, planDir: string, path: string): PathObstacle {
  if (tree.exists(path)) return tree.isFile(path) ? { kind: 'file-exists' } : { kind: 'is-directory' };
  const base = posix.normalize(planDir).replace(/\/+$/, '');
  let parent = posix.dirname(path);
  while (parent.length > base.length && parent.startsWith(`${base}/`)) {
    if (tree.exists(parent) && tree.isFile(parent)) return { kind: 'parent-is-file', parent };
    parent = posix.dirname(parent);
  }
  return { kind: 'none' };
}
