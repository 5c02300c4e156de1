/**
 * The run executor's in_progress markers (`<plan>/execution/.in-progress/`)
 * live only while an agent works; they must never be committed. `init` adds
 * one ignore line for all plans to the workspace's root .gitignore.
 */
import type { Tree } from '@nx/devkit';
import { IN_PROGRESS_DIR } from '@nx-plan/core';

export const RUN_MARKERS_IGNORE = `**/${IN_PROGRESS_DIR}/`;

const COMMENT = '# nx-plan: in_progress markers held while an agent runs an achievement';

/** Adds the ignore line once; returns true when .gitignore changed. */
export function ignoreRunMarkers(tree: Tree): boolean {
  const current = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const lines = current.split(/\r?\n/).map((line) => line.trim());
  if (lines.includes(RUN_MARKERS_IGNORE)) return false;
  const block = `${COMMENT}\n${RUN_MARKERS_IGNORE}\n`;
  if (current === '') tree.write('.gitignore', block);
  else tree.write('.gitignore', `${current}${current.endsWith('\n') ? '' : '\n'}\n${block}`);
  return true;
}
