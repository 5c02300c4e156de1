/**
 * Which plan folders an executor works on: `--plan` (one folder), else
 * `plans` (the aggregate project's list, set by the plugin), else the
 * project's own root, else (a project that is not a plan folder and no
 * list) every plan folder of the workspace.
 */
import type { ExecutorContext } from '@nx/devkit';
import { findPlanFolders } from '@nx-plan/core';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from './usage-error';

export interface PlanSelectionOptions {
  /** One plan folder, relative to the workspace root. */
  plan?: string;
  /** Several plan folders, relative to the workspace root. */
  plans?: string[];
}

export interface PlanFolder {
  /** Absolute path. */
  abs: string;
  /** Relative to the workspace root, '/'-separated ('.' for the root itself). */
  rel: string;
}

export function resolvePlanFolders(options: PlanSelectionOptions, context: ExecutorContext): PlanFolder[] {
  const root = context.root;
  let dirs: string[];
  if (options.plan !== undefined && options.plan !== '') {
    dirs = [options.plan];
  } else if (options.plans !== undefined) {
    dirs = options.plans;
  } else {
    const projectRoot = context.projectName
      ? context.projectsConfigurations?.projects?.[context.projectName]?.root
      : undefined;
    if (projectRoot !== undefined && hasPlanFile(resolve(root, projectRoot))) {
      dirs = [projectRoot];
    } else {
      dirs = findPlanFolders(root);
      if (dirs.length === 0) {
        throw new UsageError(`no plan folder (a folder with PLAN_<NAME>.md) found under ${root}; pass --plan=<folder>`);
      }
    }
  }
  return dirs.map((dir) => {
    const abs = resolve(root, dir);
    if (!existsSync(abs)) throw new UsageError(`plan folder "${dir}" does not exist`);
    if (!statSync(abs).isDirectory()) throw new UsageError(`plan folder "${dir}" is not a directory`);
    return { abs, rel: relativeToRoot(root, abs) };
  });
}

/** Workspace-relative, '/'-separated form of a path (kept absolute when it lies outside the workspace). */
export function relativeToRoot(root: string, path: string): string {
  const abs = isAbsolute(path) ? path : resolve(root, path);
  const rel = relative(root, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return abs.split('\\').join('/');
  return rel.split('\\').join('/');
}

function hasPlanFile(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => /^PLAN_.+\.md$/.test(f));
  } catch {
    return false;
  }
}
