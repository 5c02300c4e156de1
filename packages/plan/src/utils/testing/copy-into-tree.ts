/**
 * Test support: copy a real folder from disk into a devkit Tree (iteratively),
 * so generators can be exercised on corpus plans without touching the copy on disk.
 */
import type { Tree } from '@nx/devkit';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file is packages/plan/src/utils/testing/copy-into-tree.ts). */
export const REPO_ROOT = path.resolve(__dirname, '../../../../..');
/** Where the shared corpus lives when it is present (CI may lack it). */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

/** Copy every file below `fromDir` to `toDir` (workspace-relative) in the tree; returns the count. */
export function copyIntoTree(tree: Tree, fromDir: string, toDir: string): number {
  let count = 0;
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    for (const entry of readdirSync(path.join(fromDir, rel), { withFileTypes: true })) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) pending.push(childRel);
      else if (entry.isFile()) {
        tree.write(`${toDir}/${childRel}`, readFileSync(path.join(fromDir, childRel)));
        count++;
      }
    }
  }
  return count;
}
