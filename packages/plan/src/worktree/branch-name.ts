/**
 * Branch and folder names of an achievement's worktree:
 * `nx-plan/<plan-slug>/<NM>`, where the slug is the plan name lowercased with
 * every run of characters git refuses in a ref component (or that are awkward
 * in a path) replaced by one '-'.
 */
import { nmOf } from '@nx-plan/core';

/** A lowercase ref/path component made of [a-z0-9._-], never empty, never starting with '.' or '-', never ending with '.lock' or '.'. */
export function slugForGit(name: string): string {
  let slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '');
  if (slug.endsWith('.lock')) slug = `${slug.slice(0, -'.lock'.length)}-lock`;
  return slug === '' ? 'plan' : slug;
}

/** `nx-plan/<plan-slug>/<NM>` */
export function achievementBranch(planName: string, achievementId: string): string {
  return `nx-plan/${slugForGit(planName)}/${nmOf(achievementId)}`;
}

/** Workspace-relative folder holding every worktree of nx-plan (git-ignored and Nx-ignored by `init`). */
export const WORKTREES_DIR = '.nx-plan/worktrees';

/** `.nx-plan/worktrees/<plan-slug>/<NM>` (workspace-relative, '/'-separated). */
export function achievementWorktreeDir(planName: string, achievementId: string): string {
  return `${WORKTREES_DIR}/${slugForGit(planName)}/${nmOf(achievementId)}`;
}
