/**
 * The Nx names a plan gets from the plugin (project name, target names), read
 * from the `@nx-plan/plan` entry of nx.json through the Tree, so that the
 * commands generators print are the ones that work in this workspace.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { planProjectName } from '../plugins/lib/plan-project-name';
import { normalizeOptions, type PlanPluginOptions } from '../plugins/plan-nodes';

export interface PlanTargetNames {
  projectNamePrefix: string;
  aggregateProjectName: string;
  validate: string;
  status: string;
  graph: string;
  execute: string;
  achievementPrefix: string;
}

const PLUGIN_NAMES = new Set(['@nx-plan/plan', 'plan', './packages/plan/src/index.ts', 'packages/plan/src/index.ts']);

/** Target names configured for the nx-plan plugin in nx.json, defaults otherwise. */
export function readPlanTargetNames(tree: Tree): PlanTargetNames {
  let options: PlanPluginOptions = {};
  try {
    const nxJson = tree.exists('nx.json') ? readNxJson(tree) : null;
    for (const entry of nxJson?.plugins ?? []) {
      if (typeof entry === 'object' && entry !== null && PLUGIN_NAMES.has(entry.plugin)) {
        options = (entry.options ?? {}) as PlanPluginOptions;
        break;
      }
    }
  } catch {
    // An unreadable nx.json is reported by Nx itself; the defaults still give usable commands.
  }
  const o = normalizeOptions(options);
  return {
    projectNamePrefix: o.projectNamePrefix,
    aggregateProjectName: o.aggregateProjectName,
    validate: o.validateTargetName,
    status: o.statusTargetName,
    graph: o.graphTargetName,
    execute: o.executeTargetName,
    achievementPrefix: o.achievementTargetPrefix,
  };
}

/** The exact commands for one plan, as printed by the generators. */
export interface PlanCommands {
  project: string;
  validate: string;
  status: string;
  graph: string;
  /** `npx nx run <project>:execute --parallel=<k>` */
  execute(parallel: number): string;
  /** `npx nx run-many -t achievement-1.1,achievement-1.2 -p <project>` */
  runMany(ids: readonly string[], parallel?: number): string;
  generator(name: string, args?: string): string;
}

/** Quote a command-line argument only when the shell needs it. */
export function shellArg(value: string): string {
  return /^[\w.,:=@/+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function planCommands(tree: Tree, planName: string): PlanCommands {
  const names = readPlanTargetNames(tree);
  const project = planProjectName(planName, names.projectNamePrefix);
  return {
    project,
    validate: `npx nx run ${project}:${names.validate}`,
    status: `npx nx run ${project}:${names.status}`,
    graph: `npx nx run ${project}:${names.graph}`,
    execute: (parallel) => `npx nx run ${project}:${names.execute} --parallel=${Math.max(1, parallel)}`,
    runMany: (ids, parallel) =>
      `npx nx run-many -t ${ids.map((id) => `${names.achievementPrefix}${id}`).join(',')} -p ${project}` +
      (parallel !== undefined ? ` --parallel=${Math.max(1, parallel)}` : ''),
    generator: (name, args) => `npx nx g @nx-plan/plan:${name} --plan=${shellArg(planName)}${args ? ` ${args}` : ''}`,
  };
}
