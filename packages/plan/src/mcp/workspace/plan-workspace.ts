/**
 * The plans of the workspace an MCP server is rooted at, found with the
 * plugin's own rules: every folder holding a `PLAN_<NAME>.md` (the walk of
 * `findPlanFolders`), kept when its PLAN file matches the plugin options'
 * `plansGlob` and the entry's `include`/`exclude` in nx.json, named
 * `<projectNamePrefix><name>` as the inferred Nx project is. nx.json is read
 * again on every call, so edits made during a session are seen.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findPlanFolders, planProjectName } from '@nx-plan/core';
import { minimatch } from 'minimatch';
import { readPluginEntry } from '../../config/read-plugin-options';
import { ToolInputError } from '../lib/tool-input-error';
import { confinePath, workspaceRelative } from './confine-path';

export interface WorkspacePlan {
  /** `<NAME>` of `PLAN_<NAME>.md`. */
  name: string;
  /** The Nx project the plugin infers for it. */
  project: string;
  /** Workspace-relative plan folder. */
  dir: string;
  /** Absolute plan folder. */
  abs: string;
  /** Workspace-relative PLAN file. */
  planFile: string;
}

export interface PlanSettings {
  strict: boolean;
  projectNamePrefix: string;
  plansGlob: string[];
  include?: string[];
  exclude?: string[];
}

const PLAN_FILE = /^PLAN_(.+)\.md$/;
const DEFAULT_GLOB = '**/PLAN_*.md';

function globs(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return undefined;
}

function matchesAny(file: string, patterns: readonly string[]): boolean {
  return patterns.some((glob) => minimatch(file, glob, { dot: true }));
}

/** The PLAN file the plugin takes for a folder: the one named after the folder, else the first by name. */
function planFileOf(folder: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => PLAN_FILE.test(f)).sort();
  } catch {
    return undefined;
  }
  const base = folder.split(/[\\/]/).pop() ?? '';
  return names.find((f) => f === `PLAN_${base}.md`) ?? names[0];
}

export class PlanWorkspace {
  constructor(readonly root: string) {}

  /** Plugin options that matter here; NxJsonError when nx.json cannot be read. */
  settings(): PlanSettings {
    const entry = readPluginEntry(this.root);
    const o = entry.options;
    return {
      strict: o['strict'] === true,
      projectNamePrefix: typeof o['projectNamePrefix'] === 'string' ? o['projectNamePrefix'] : 'plan-',
      plansGlob: globs(o['plansGlob']) ?? [DEFAULT_GLOB],
      ...(entry.include ? { include: entry.include } : {}),
      ...(entry.exclude ? { exclude: entry.exclude } : {}),
    };
  }

  /** Every plan the plugin would infer, sorted by folder. */
  plans(settings: PlanSettings = this.settings()): WorkspacePlan[] {
    const found: WorkspacePlan[] = [];
    for (const abs of findPlanFolders(this.root)) {
      const fileName = planFileOf(abs);
      if (!fileName) continue;
      const dir = workspaceRelative(this.root, abs);
      if (dir === '.') continue;
      const planFile = `${dir}/${fileName}`;
      if (!matchesAny(planFile, settings.plansGlob)) continue;
      if (settings.include && !matchesAny(planFile, settings.include)) continue;
      if (settings.exclude && matchesAny(planFile, settings.exclude)) continue;
      found.push(this.planAt(abs, fileName, settings));
    }
    return found;
  }

  private planAt(abs: string, fileName: string, settings: PlanSettings): WorkspacePlan {
    const name = PLAN_FILE.exec(fileName)![1];
    const dir = workspaceRelative(this.root, abs);
    return { name, project: planProjectName(name, settings.projectNamePrefix), dir, abs, planFile: `${dir}/${fileName}` };
  }

  /**
   * The plan a tool argument names: a plan name (`RELEASE-PIPELINE`, any
   * case), its Nx project name, or its folder (workspace-relative, confined
   * to the workspace). A folder holding a PLAN that the plugin's globs leave
   * out is still accepted when named explicitly, as `--plan=<folder>` is.
   */
  resolvePlan(argument: string, value: string, settings: PlanSettings = this.settings()): WorkspacePlan {
    const requested = value.trim();
    if (requested === '') throw new ToolInputError(argument, 'is empty; give a plan name, its project name or its folder');
    if (requested.includes('\0')) throw new ToolInputError(argument, 'cannot contain a NUL character');
    const plans = this.plans(settings);
    const looksLikePath = /[\\/]/.test(requested) || requested.startsWith('.');

    if (!looksLikePath) {
      const exact = plans.filter((p) => p.name === requested || p.project === requested);
      if (exact.length === 1) return exact[0];
      const key = requested.toLowerCase();
      const loose = exact.length > 1 ? exact : plans.filter((p) => p.name.toLowerCase() === key || p.project.toLowerCase() === key);
      if (loose.length === 1) return loose[0];
      if (loose.length > 1) {
        throw new ToolInputError(argument, `"${requested}" matches several plans (${loose.map((p) => p.dir).join(', ')}); pass the folder instead`);
      }
    }

    const abs = confinePath(this.root, argument, requested);
    const dir = workspaceRelative(this.root, abs);
    const inferred = plans.find((p) => p.dir === dir);
    if (inferred) return inferred;
    let isFolder = false;
    try {
      isFolder = statSync(abs).isDirectory();
    } catch {
      isFolder = false;
    }
    const fileName = isFolder ? planFileOf(abs) : undefined;
    if (fileName && dir !== '.') return this.planAt(abs, fileName, settings);

    const known = plans.map((p) => p.name).join(', ') || 'none found';
    throw new ToolInputError(argument, `no plan "${requested}" in this workspace (plans: ${known}); give a plan name, its project name or its folder`);
  }

  /** Absolute path of a file of a plan. */
  file(plan: WorkspacePlan, relative: string): string {
    return join(plan.abs, ...relative.split('/'));
  }
}
