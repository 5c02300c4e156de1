/**
 * The plans the CLI works on, found with the plugin's own rules and without
 * Nx: the workspace root is the nearest folder holding nx.json (else the
 * current folder), the @nx-plan/plan entry of nx.json gives `plansGlob`,
 * `projectNamePrefix`, `strict` and Nx's `include`/`exclude`, and a plan
 * folder is a folder holding PLAN_<NAME>.md (node_modules, dist, tmp and
 * dot-folders are not searched, as in the executors).
 */
import { findPlanFolders, planProjectName } from '@nx-plan/core';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { findWorkspaceRoot } from '../config/find-workspace-root';
import { readPluginEntry } from '../config/read-plugin-options';
import { relativeToRoot, type PlanFolder } from '../executors/lib/resolve-plan-folders';
import { UsageError } from '../executors/lib/usage-error';
import type { ReportContext } from '../reports/report-context';

const PLAN_FILE = /^PLAN_(.+)\.md$/;

export interface CliWorkspace extends ReportContext {
  /** Whether nx.json was found (else `root` is the current folder). */
  hasNxJson: boolean;
  /** The plugin's `strict` option. */
  strict: boolean;
  projectNamePrefix: string;
  plansGlob: string[];
  include?: string[];
  exclude?: string[];
}

/** A plan folder of the workspace with its plan name. */
export interface WorkspacePlan extends PlanFolder {
  name: string;
  project: string;
}

export function openWorkspace(cwd: string): CliWorkspace {
  const found = findWorkspaceRoot(cwd);
  const root = found ?? resolve(cwd);
  const entry = found ? readPluginEntry(found) : { options: {}, registered: false };
  const o = entry.options;
  const prefix = typeof o['projectNamePrefix'] === 'string' ? o['projectNamePrefix'] : 'plan-';
  const globs = o['plansGlob'];
  const plansGlob =
    typeof globs === 'string' ? [globs] : Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : ['**/PLAN_*.md'];
  return {
    root,
    hasNxJson: found !== undefined,
    strict: o['strict'] === true,
    projectNamePrefix: prefix,
    plansGlob,
    ...(entry.include ? { include: entry.include } : {}),
    ...(entry.exclude ? { exclude: entry.exclude } : {}),
    projectNameOf: (_relDir, planName) => planProjectName(planName, prefix),
  };
}

/** Every plan folder the plugin would turn into a project, sorted by folder. */
export function workspacePlans(workspace: CliWorkspace): WorkspacePlan[] {
  const plans: WorkspacePlan[] = [];
  for (const abs of findPlanFolders(workspace.root)) {
    const rel = relativeToRoot(workspace.root, abs);
    const names = planFilesIn(abs)
      .filter((file) => selected(workspace, rel === '.' ? file : `${rel}/${file}`))
      .map((file) => PLAN_FILE.exec(file)![1]);
    if (names.length === 0) continue;
    // Several PLANs in one folder (PLAN024): the one named after the folder, else the first, as the plugin does.
    const folderName = rel.slice(rel.lastIndexOf('/') + 1);
    const name = names.includes(folderName) ? folderName : names.sort()[0];
    plans.push({ abs, rel, name, project: planProjectName(name, workspace.projectNamePrefix) });
  }
  return plans;
}

/**
 * The plan folders named on the command line: a folder (relative to the
 * current folder), a plan NAME or a project name; all plans when none.
 */
export function resolvePlanArguments(workspace: CliWorkspace, args: readonly string[], cwd: string): PlanFolder[] {
  if (args.length === 0) {
    const all = workspacePlans(workspace);
    if (all.length === 0) {
      throw new UsageError(`no plan folder (a folder with PLAN_<NAME>.md) found under ${workspace.root}; give a plan folder as argument`);
    }
    return all.map(({ abs, rel }) => ({ abs, rel }));
  }
  let known: WorkspacePlan[] | undefined;
  const folders = new Map<string, PlanFolder>();
  for (const arg of args) {
    const folder = asFolder(workspace, arg, cwd) ?? byName((known ??= workspacePlans(workspace)), arg, workspace);
    folders.set(folder.abs, folder);
  }
  return [...folders.values()];
}

function asFolder(workspace: CliWorkspace, arg: string, cwd: string): PlanFolder | undefined {
  const abs = isAbsolute(arg) ? arg : resolve(cwd, arg);
  if (!existsSync(abs)) {
    if (arg.includes('/') || arg.includes('\\') || arg.startsWith('.')) throw new UsageError(`plan folder "${arg}" does not exist`);
    return undefined;
  }
  if (!statSync(abs).isDirectory()) throw new UsageError(`plan folder "${arg}" is not a directory`);
  return { abs, rel: relativeToRoot(workspace.root, abs) };
}

function byName(plans: readonly WorkspacePlan[], arg: string, workspace: CliWorkspace): PlanFolder {
  const lower = arg.toLowerCase();
  const match =
    plans.find((p) => p.name === arg) ??
    plans.find((p) => p.project === arg) ??
    plans.find((p) => p.name.toLowerCase() === lower || p.project === `${workspace.projectNamePrefix}${lower}`);
  if (match) return { abs: match.abs, rel: match.rel };
  const listed = plans.length === 0 ? 'this workspace has none' : `plans here: ${plans.map((p) => `${p.name} (${p.rel})`).join(', ')}`;
  throw new UsageError(`no plan "${arg}": give a plan folder, a plan NAME (PLAN_<NAME>.md) or its project name; ${listed}`);
}

function planFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => PLAN_FILE.test(f));
  } catch {
    return [];
  }
}

function selected(workspace: CliWorkspace, file: string): boolean {
  // Loaded only when plans are searched (not for a plan folder argument).
  const { minimatch } = require('minimatch') as typeof import('minimatch');
  const match = (globs: readonly string[]) => globs.some((glob) => minimatch(file, glob, { dot: true }));
  if (!match(workspace.plansGlob)) return false;
  if (workspace.include && !match(workspace.include)) return false;
  if (workspace.exclude && match(workspace.exclude)) return false;
  return true;
}
