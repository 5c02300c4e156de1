/**
 * The plans of the workspace an MCP server is rooted at, found exactly as the
 * `nx-plan` CLI finds them (cli/workspace-plans: the plugin's `plansGlob`,
 * the entry's `include`/`exclude`, `projectNamePrefix` and `strict` from
 * nx.json, read again on every call so edits made during a session are
 * seen), plus what a tool argument needs on top: resolving a plan name,
 * project name or folder, with every path confined to the workspace and every
 * failure a ToolInputError naming the argument.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { planProjectName } from '@nx-plan/core';
import { openWorkspace, workspacePlans, type CliWorkspace } from '../../cli/workspace-plans';
import { NxJsonError } from '../../config/read-plugin-options';
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

/** The plugin options of nx.json that matter here. */
export type PlanSettings = CliWorkspace;

const PLAN_FILE = /^PLAN_(.+)\.md$/;

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
    const settings = openWorkspace(this.root);
    if (settings.root !== this.root || !settings.hasNxJson) {
      throw new NxJsonError(`${join(this.root, 'nx.json')} is gone: the server serves the workspace it was started in; restore nx.json or restart the server`);
    }
    return settings;
  }

  /** Every plan the plugin would infer, sorted by folder. */
  plans(settings: PlanSettings = this.settings()): WorkspacePlan[] {
    return workspacePlans(settings)
      .filter((p) => p.rel !== '.')
      .map((p) => ({ name: p.name, project: p.project, dir: p.rel, abs: p.abs, planFile: `${p.rel}/PLAN_${p.name}.md` }));
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
