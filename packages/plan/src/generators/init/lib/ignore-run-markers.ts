/**
 * What achievement runs leave that must never be committed nor seen by Nx:
 * the in_progress markers (`<plan>/execution/.in-progress/`), the run records
 * (`<plan>/execution/.runs/`) and the per-achievement git worktrees
 * (`.nx-plan/worktrees/`; Nx skips git-ignored folders, so no plan inside a
 * worktree becomes a project). `init` adds the missing lines, once, to the
 * workspace's root .gitignore.
 */
import type { Tree } from '@nx/devkit';
import { IN_PROGRESS_DIR, RUN_RECORDS_DIR } from '@nx-plan/core';
import { WORKTREES_DIR } from '../../../worktree/branch-name';

export const RUN_MARKERS_IGNORE = `**/${IN_PROGRESS_DIR}/`;
export const RUN_RECORDS_IGNORE = `**/${RUN_RECORDS_DIR}/`;
export const WORKTREES_IGNORE = `${WORKTREES_DIR}/`;

/** Every line nx-plan needs in .gitignore, in the order they are added. */
export const RUN_IGNORE_LINES = [RUN_MARKERS_IGNORE, RUN_RECORDS_IGNORE, WORKTREES_IGNORE] as const;

const COMMENT = '# nx-plan: run markers, run records and per-achievement worktrees';

/** Adds the missing ignore lines in one block; returns true when .gitignore changed. */
export function ignoreRunMarkers(tree: Tree): boolean {
  const current = tree.exists('.gitignore') ? (tree.read('.gitignore', 'utf-8') ?? '') : '';
  const lines = new Set(current.split(/\r?\n/).map((line) => line.trim()));
  const missing = RUN_IGNORE_LINES.filter((line) => !lines.has(line));
  if (missing.length === 0) return false;
  const block = `${COMMENT}\n${missing.join('\n')}\n`;
  if (current === '') tree.write('.gitignore', block);
  else tree.write('.gitignore', `${current}${current.endsWith('\n') ? '' : '\n'}\n${block}`);
  return true;
}
