/**
 * Finding and reading plan folders through the devkit Tree, so generators see
 * pending changes and stay pure under `--dryRun`.
 */
import { normalizePath, type Tree } from '@nx/devkit';
import { defaultProjectName, type PlanSource } from '@nx-plan/core';

/** Folders never searched for plans. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'tmp', 'coverage']);

const PLAN_FILE = /^PLAN_(.+)\.md$/;

export interface PlanLocation {
  /** Workspace-relative plan folder ('' never: a plan at the root is refused). */
  dir: string;
  /** `<NAME>` of `PLAN_<NAME>.md`. */
  name: string;
  /** Workspace-relative path of the PLAN file. */
  planFile: string;
}

/** Thrown when `--plan` names no plan, several plans, or a path outside the workspace. */
export class PlanResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanResolutionError';
  }
}

function isSkipped(folder: string): boolean {
  return folder.startsWith('.') || SKIPPED_FOLDERS.has(folder);
}

function joinRelative(dir: string, child: string): string {
  return dir === '' ? child : `${dir}/${child}`;
}

/** Every `PLAN_<NAME>.md` in the workspace (iterative walk, sorted by folder). */
export function findPlansInTree(tree: Tree, root = ''): PlanLocation[] {
  const found: PlanLocation[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const child of tree.children(dir)) {
      const path = joinRelative(dir, child);
      if (tree.isFile(path)) {
        const match = PLAN_FILE.exec(child);
        if (match && dir !== '') found.push({ dir, name: match[1], planFile: path });
      } else if (!isSkipped(child)) {
        pending.push(path);
      }
    }
  }
  return found.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/**
 * Resolve a `--plan` option: a plan folder (workspace-relative), a plan NAME
 * (case-insensitive), or an inferred project name (`plan-<name>`).
 */
export function resolvePlan(tree: Tree, plan: string): PlanLocation {
  const requested = plan.trim();
  if (requested === '') throw new PlanResolutionError('--plan is empty: give a plan name or folder');
  if (requested.includes('\0')) throw new PlanResolutionError(`--plan "${requested}" is not a valid name`);

  const asPath = normalizePath(requested).replace(/^\.\//, '').replace(/\/+$/, '');
  if (asPath.startsWith('/') || asPath.split('/').includes('..')) {
    throw new PlanResolutionError(`--plan "${requested}" points outside the workspace; give a plan name or a folder inside it`);
  }

  // An explicit folder is looked at directly, so folders the workspace walk skips (tmp/, dist/…) work too.
  if (asPath !== '' && asPath !== '.' && tree.exists(asPath) && !tree.isFile(asPath)) {
    const direct = tree
      .children(asPath)
      .filter((child) => PLAN_FILE.test(child) && tree.isFile(`${asPath}/${child}`))
      .map((child) => ({ dir: asPath, name: (PLAN_FILE.exec(child) as RegExpExecArray)[1], planFile: `${asPath}/${child}` }));
    if (direct.length === 1) return direct[0];
  }

  const plans = findPlansInTree(tree);
  const byFolder = plans.filter((p) => p.dir === asPath);
  if (byFolder.length === 1) return byFolder[0];
  if (byFolder.length > 1) {
    throw new PlanResolutionError(`folder ${asPath} holds several PLAN files (${byFolder.map((p) => p.planFile).join(', ')}); keep one`);
  }

  const key = requested.toLowerCase();
  const matches = plans.filter((p) => p.name.toLowerCase() === key || defaultProjectName(p.name) === key);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new PlanResolutionError(
      `--plan "${requested}" matches several plans: ${matches.map((p) => p.dir).join(', ')}; pass the folder instead`,
    );
  }
  const known = plans.map((p) => p.name).join(', ') || 'none found';
  throw new PlanResolutionError(`no plan named "${requested}" (plans in this workspace: ${known})`);
}

/** A core PlanSource reading one plan folder through the Tree. */
export function treePlanSource(tree: Tree, dir: string): PlanSource {
  const abs = (relativePath: string) => joinRelative(dir, relativePath);
  return {
    dir,
    list() {
      const files: string[] = [];
      const pending = [''];
      while (pending.length > 0) {
        const rel = pending.pop() as string;
        for (const child of tree.children(abs(rel))) {
          const childRel = joinRelative(rel, child);
          if (tree.isFile(abs(childRel))) files.push(childRel);
          else pending.push(childRel);
        }
      }
      return files.sort();
    },
    read(relativePath) {
      const path = abs(relativePath);
      if (!tree.exists(path) || !tree.isFile(path)) return undefined;
      return tree.read(path, 'utf-8') ?? undefined;
    },
    isDirectory(relativePath) {
      const path = abs(relativePath);
      return tree.exists(path) && !tree.isFile(path);
    },
  };
}
