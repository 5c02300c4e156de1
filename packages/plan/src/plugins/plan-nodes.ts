/**
 * Inferred plan projects. Every folder holding a `PLAN_<NAME>.md` becomes an
 * Nx project (`plan-<name>`) with `validate`, `status` and `graph` targets, one
 * target per achievement wired with `dependsOn`, and an `execute` target that
 * runs the whole plan through Nx's scheduler. One aggregate project (`plan`)
 * validates, reports and draws every plan of the workspace.
 *
 * Which PLAN files are seen is controlled the Nx way, with `include`/`exclude`
 * globs on the plugin entry in nx.json.
 */
import {
  createNodesFromFiles,
  type CreateNodes,
  type CreateNodesContext,
  type CreateNodesResult,
  type PreTasksExecution,
  type ProjectConfiguration,
  type TargetConfiguration,
  workspaceRoot,
} from '@nx/devkit';
import { calculateHashesForCreateNodes, workspaceDataDirectory } from '@nx/devkit/internal';
import { loadPlanFolder } from '@nx-plan/core';
import { dirname, join, basename, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { achievementTarget, finishedPlanExecuteTarget, giantPlanExecuteTarget } from './lib/achievement-target';
import { aggregateProjectRoot } from './lib/aggregate-project-root';
import { documentOutputEnv } from './lib/document-output-hook';
import { FINISHED_PLAN_HINT, finishedPlanReason, isFinishedPlan } from './lib/finished-plan';
import { giantPlanHint, giantPlanReason, isGiantPlan, maxAchievementTargetsOf } from './lib/giant-plan';
import { InferenceCache, inferenceCacheFile, pluginVersionKey, stableHash } from './lib/inference-cache';
import { planFolderFingerprint } from './lib/plan-folder-fingerprint';
import { planNameFromFile, planProjectName } from './lib/plan-project-name';
import { selectAchievementTargets, type AchievementProblem } from './lib/select-achievement-targets';
import { targetAchievementCount, targetAchievements } from './lib/target-achievements';
import { quickAchievementCount } from './lib/quick-achievement-count';
import { runStateInput } from './lib/run-state-input';

export interface PlanPluginOptions {
  /** Prefix of inferred plan project names; default `plan-`. */
  projectNamePrefix?: string;
  /** Name of the aggregate project; default `plan`. */
  aggregateProjectName?: string;
  /** Root of the aggregate project; default `.nx-plan` (a folder no other project uses; it need not exist). */
  aggregateProjectRoot?: string;
  validateTargetName?: string;
  statusTargetName?: string;
  graphTargetName?: string;
  /** Target running every achievement of a plan through the task graph; default `execute`. */
  executeTargetName?: string;
  /** Prefix of per-achievement targets; default `achievement-` (target `achievement-1.1`). */
  achievementTargetPrefix?: string;
  /** Validate with the published schema exactly. */
  strict?: boolean;
  /** Agent command for run-achievement, with {plan} {achievement} {subplanFile} {executionFile} placeholders. */
  agentCommand?: string;
  /**
   * Workspace-relative glob(s) of the PLAN files that become projects, e.g.
   * `plans/**\/PLAN_*.md`; default every `PLAN_*.md` Nx sees. Nx's own
   * `include`/`exclude` on the plugin entry narrow the search the same way.
   */
  plansGlob?: string | string[];
  /**
   * A plan with more achievements than this gets no per-achievement targets
   * (Nx's merge of a project's targets grows faster than linearly; see
   * docs/performance.md); it keeps validate/status/graph, `execute` fails
   * with the reason and validate/status report PLAN040. Default
   * DEFAULT_MAX_ACHIEVEMENT_TARGETS.
   */
  maxAchievementTargets?: number;

  // Options of the achievement run (read by `nx-plan run-achievement` from
  // nx.json, also accepted as its flags and forwarded from `execute`); the
  // plugin only carries their types and defaults.
  /** Where an agent works: a git worktree of its own, or the main tree. */
  isolation?: 'worktree' | 'none';
  /** Command run once in a fresh worktree before the agent (e.g. `npm ci`). */
  worktreeSetup?: string;
  /** Command that reviews an agent's work and records the verdict. */
  reviewCommand?: string;
  /** Attempts per achievement before the run gives up; default 3. */
  maxAttempts?: number;
  /** Keep the run's git branches after merging. */
  keepBranches?: boolean;
  /** Create a missing SUBPLAN / EXECUTION_TASK when an achievement's turn comes; default true. */
  prepare?: boolean;
  /** When dependents may start: once their dependencies are approved (default), or as soon as the agent succeeded. */
  startDependentsOn?: 'approved' | 'agentSuccess';
  /** Seconds an agent may run before it is stopped. */
  timeout?: number;
}

/** Run options that have no default here (absent means "the run decides"). */
type OptionalRunOptions = 'agentCommand' | 'isolation' | 'worktreeSetup' | 'reviewCommand' | 'keepBranches' | 'timeout';

export type NormalizedPlanPluginOptions = Required<Omit<PlanPluginOptions, OptionalRunOptions | 'plansGlob'>> &
  Pick<PlanPluginOptions, OptionalRunOptions> & { plansGlob: string[] };

export const PLAN_FILE_GLOB = '**/PLAN_*.md';

const TECHNOLOGIES = ['nx-plan'];

export function normalizeOptions(options: PlanPluginOptions | undefined): NormalizedPlanPluginOptions {
  const o = options ?? {};
  return {
    projectNamePrefix: o.projectNamePrefix ?? 'plan-',
    aggregateProjectName: o.aggregateProjectName ?? 'plan',
    aggregateProjectRoot: o.aggregateProjectRoot ?? '.nx-plan',
    validateTargetName: o.validateTargetName ?? 'validate',
    statusTargetName: o.statusTargetName ?? 'status',
    graphTargetName: o.graphTargetName ?? 'graph',
    executeTargetName: o.executeTargetName ?? 'execute',
    achievementTargetPrefix: o.achievementTargetPrefix ?? 'achievement-',
    strict: o.strict ?? false,
    plansGlob: o.plansGlob === undefined ? [PLAN_FILE_GLOB] : ([] as string[]).concat(o.plansGlob),
    maxAchievementTargets: maxAchievementTargetsOf(o),
    maxAttempts: o.maxAttempts ?? 3,
    prepare: o.prepare ?? true,
    startDependentsOn: o.startDependentsOn ?? 'approved',
    ...(o.agentCommand !== undefined ? { agentCommand: o.agentCommand } : {}),
    ...(o.isolation !== undefined ? { isolation: o.isolation } : {}),
    ...(o.worktreeSetup !== undefined ? { worktreeSetup: o.worktreeSetup } : {}),
    ...(o.reviewCommand !== undefined ? { reviewCommand: o.reviewCommand } : {}),
    ...(o.keepBranches !== undefined ? { keepBranches: o.keepBranches } : {}),
    ...(o.timeout !== undefined ? { timeout: o.timeout } : {}),
  };
}

/** True when a workspace-relative PLAN file path matches one of the globs. */
export function matchesPlansGlob(file: string, globs: readonly string[]): boolean {
  const path = toPosix(file);
  return globs.some((glob) => minimatch(path, glob, { dot: true }));
}

/** One plan folder as the batch sees it. */
interface PlanEntry {
  file: string;
  root: string;
  planName: string;
  projectName: string;
}

export const createNodes: CreateNodes<PlanPluginOptions> = [
  PLAN_FILE_GLOB,
  async (allPlanFiles, rawOptions, context) => {
    const options = normalizeOptions(rawOptions);
    const planFiles = allPlanFiles.filter((file) => matchesPlansGlob(file, options.plansGlob));
    const { entries, conflicts } = planEntries(planFiles, options);
    const byFile = new Map(entries.map((e) => [e.file, e]));
    const first = entries[0];
    const cache = new InferenceCache(
      inferenceCacheFile(dataDirectory(context), options),
      pluginVersionKey()
    );
    const hashes = await planHashes(entries, options, context);

    try {
      return await createNodesFromFiles<NormalizedPlanPluginOptions>(
        (file, opts, ctx) => {
          const conflict = conflicts.get(file);
          if (conflict) throw new Error(conflict);
          const entry = byFile.get(file);
          const result: CreateNodesResult = { projects: {} };
          if (entry) {
            const hash = hashes?.get(entry.root);
            result.projects![entry.root] =
              hash === undefined
                ? planProject(entry, opts!, ctx)
                : cache.project(entry.root, hash, () => planProject(entry, opts!, ctx));
          }
          if (entry && entry === first) {
            const aggregate = aggregateProject(entries, opts!);
            result.projects![aggregate.root] = aggregate;
          }
          return result;
        },
        planFiles,
        options,
        context
      );
    } finally {
      if (hashes) cache.write();
      if (process.env['NX_PLAN_DEBUG_CACHE'] === '1') process.stderr.write(`${cache.report()}\n`);
    }
  },
];

/**
 * Runs before Nx runs any task: makes Nx print a document asked of a plan
 * target whole instead of streaming it (lib/document-output-hook).
 */
export const preTasksExecution: PreTasksExecution<PlanPluginOptions> = (rawOptions, context) => {
  // In the daemon this process serves many commands and keeps what an earlier one set:
  // that is not a value the user chose.
  const current = { ...process.env };
  if (streamOutputSetHere && current['NX_STREAM_OUTPUT'] === 'false') delete current['NX_STREAM_OUTPUT'];
  const env = documentOutputEnv(context.argv, normalizeOptions(rawOptions), current);
  for (const [key, value] of Object.entries(env)) {
    process.env[key] = value;
    streamOutputSetHere = true;
  }
};

let streamOutputSetHere = false;

/**
 * Nx's workspace data directory (`.nx/workspace-data`, or what
 * NX_WORKSPACE_DATA_DIRECTORY says) — deliberately taken from
 * `@nx/devkit/internal`, as Nx's own plugins do. For another root than the
 * one Nx runs in (unit tests) the same layout under that root.
 */
function dataDirectory(context: CreateNodesContext): string {
  return resolve(context.workspaceRoot) === resolve(workspaceRoot)
    ? workspaceDataDirectory
    : join(context.workspaceRoot, '.nx', 'workspace-data');
}

/**
 * The cache key of every plan folder: the fingerprint of the folder's files
 * (lib/plan-folder-fingerprint: file-system metadata, no workspace-wide
 * scan), or Nx's hash of them for a folder that has none, plus the options,
 * the PLAN file and the project name chosen for it. Undefined (no caching
 * this time) if a folder has neither.
 */
async function planHashes(
  entries: readonly PlanEntry[],
  options: NormalizedPlanPluginOptions,
  context: CreateNodesContext
): Promise<Map<string, string> | undefined> {
  const keys = new Map<string, string>();
  const unprinted: PlanEntry[] = [];
  const optionsKey = stableHash(options);
  for (const e of entries) {
    const fingerprint = planFolderFingerprint(context.workspaceRoot, e.root);
    if (fingerprint === undefined) unprinted.push(e);
    else keys.set(e.root, stableHash(['files', fingerprint, optionsKey, e.file, e.projectName]));
  }
  if (unprinted.length === 0) return keys;
  try {
    const hashes = await calculateHashesForCreateNodes(
      unprinted.map((e) => e.root),
      options,
      context
    );
    unprinted.forEach((e, i) => keys.set(e.root, stableHash(['nx', hashes[i], e.file, e.projectName])));
    return keys;
  } catch {
    return undefined;
  }
}

/**
 * One entry per plan folder. A folder holding several PLAN files (an error the
 * validator reports as PLAN024) still yields one project: the PLAN named after
 * the folder, else the first in name order.
 */
function planEntries(
  planFiles: readonly string[],
  options: NormalizedPlanPluginOptions
): { entries: PlanEntry[]; conflicts: Map<string, string> } {
  const byRoot = new Map<string, PlanEntry>();
  for (const file of [...planFiles].sort()) {
    const planName = planNameFromFile(basename(file));
    if (planName === undefined) continue;
    const root = toPosix(dirname(file));
    const existing = byRoot.get(root);
    const folderName = basename(root);
    if (existing && (existing.planName === folderName || planName !== folderName)) continue;
    byRoot.set(root, { file, root, planName, projectName: planProjectName(planName, options.projectNamePrefix) });
  }
  const sorted = [...byRoot.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));

  // Two plans (or a plan and the aggregate) with one project name would make
  // Nx reject the whole graph: keep the first, report the others by file.
  const entries: PlanEntry[] = [];
  const conflicts = new Map<string, string>();
  const taken = new Map<string, string>([[options.aggregateProjectName, 'the aggregate project']]);
  for (const entry of sorted) {
    const owner = taken.get(entry.projectName);
    if (owner !== undefined) {
      conflicts.set(
        entry.file,
        `nx-plan: the plan in ${entry.root} would be a project named "${entry.projectName}", ` +
          `the name of ${owner}; rename the plan or set "projectNamePrefix"/"aggregateProjectName" ` +
          'in the @nx-plan/plan plugin options'
      );
      continue;
    }
    taken.set(entry.projectName, `the plan in ${entry.root}`);
    entries.push(entry);
  }
  return { entries, conflicts };
}

function planProject(
  entry: PlanEntry,
  options: NormalizedPlanPluginOptions,
  context: CreateNodesContext
): ProjectConfiguration {
  const { root, projectName, planName } = entry;
  const inputs = ['{projectRoot}/**/*'];
  const targets: Record<string, TargetConfiguration> = {
    [options.validateTargetName]: planTarget(
      'validate',
      projectName,
      inputs,
      [root],
      {},
      options,
      `Validate plan ${planName}: parallel.json, dependencies, cycles, file names, PLAN consistency`
    ),
    [options.statusTargetName]: planTarget('status', projectName, inputs, [root], {}, options, `Show the status of plan ${planName}`),
    [options.graphTargetName]: planTarget(
      'graph',
      projectName,
      inputs,
      [root],
      {},
      options,
      `Draw the dependency graph of plan ${planName}`
    ),
  };

  const { achievementTargets, problems, excluded, omitted, loadError } = readAchievementTargets(entry, options, context);
  Object.assign(targets, achievementTargets);
  const achievementTargetNames = Object.keys(achievementTargets);
  if (omitted) {
    targets[options.executeTargetName] = omitted.execute;
  } else if (achievementTargetNames.length > 0) {
    targets[options.executeTargetName] = {
      executor: 'nx:noop',
      cache: false,
      // Flags given to execute (--agentCommand, --timeout, --isolation, …) reach every achievement.
      dependsOn: achievementTargetNames.map((target) => ({ target, params: 'forward' as const })),
      metadata: {
        technologies: TECHNOLOGIES,
        description: `Run every achievement of plan ${planName} in dependency order (use --parallel=N)`,
      },
    };
  }

  return {
    root,
    name: projectName,
    tags: ['type:plan'],
    targets,
    metadata: {
      description: `Plan ${planName}`,
      technologies: TECHNOLOGIES,
      targetGroups: {
        'nx-plan': [options.validateTargetName, options.statusTargetName, options.graphTargetName],
        ...(achievementTargetNames.length > 0 || omitted
          ? { achievements: [options.executeTargetName, ...achievementTargetNames] }
          : {}),
      },
      plan: {
        name: planName,
        file: entry.file,
        achievementTargets: achievementTargetNames.length,
        ...(omitted ? { achievementTargetsOmitted: omitted.metadata } : {}),
        ...(problems.length > 0 ? { achievementProblems: problems } : {}),
        ...(excluded.length > 0 ? { achievementsWithoutTarget: excluded } : {}),
        ...(loadError ? { loadError } : {}),
      },
    },
  };
}

/** What inference gives a plan in achievement targets (see readAchievementTargets). */
interface AchievementTargets {
  achievementTargets: Record<string, TargetConfiguration>;
  problems: AchievementProblem[];
  excluded: AchievementProblem[];
  /** Why the plan has no achievement targets at all: `metadata.plan.achievementTargetsOmitted`, and the `execute` that says so. */
  omitted?: { metadata: Record<string, unknown>; execute: TargetConfiguration };
  loadError?: string;
}

/** No achievement targets for a plan above maxAchievementTargets: its execute explains and fails. */
function giantPlanTargets(planName: string, achievements: number, limit: number): AchievementTargets {
  const reason = giantPlanReason(planName, achievements, limit);
  const hint = giantPlanHint(achievements);
  return {
    achievementTargets: {},
    problems: [],
    excluded: [],
    omitted: {
      metadata: { achievements, maxAchievementTargets: limit, reason, hint },
      execute: giantPlanExecuteTarget(reason, hint, TECHNOLOGIES),
    },
  };
}

/** No achievement targets for a finished plan: its execute says so and succeeds. */
function finishedPlanTargets(planName: string, achievements: number): AchievementTargets {
  const reason = finishedPlanReason(planName, achievements);
  return {
    achievementTargets: {},
    problems: [],
    excluded: [],
    omitted: {
      metadata: { achievements, finished: true, reason, hint: FINISHED_PLAN_HINT },
      execute: finishedPlanExecuteTarget(reason, TECHNOLOGIES),
    },
  };
}

/**
 * Reads the plan (PLAN markdown + parallel.json, a cheap synchronous load) to
 * create one target per achievement. A plan with errors still gets its
 * validate/status/graph targets, and every achievement its target: the
 * dependencies Nx cannot wire (unknown ids, cycles) are left out of dependsOn
 * and listed with a reason; the run refuses such achievements with the
 * located diagnostics. A plan above maxAchievementTargets gets none, and
 * neither does a finished plan (every achievement complete or skipped).
 */
function readAchievementTargets(entry: PlanEntry, options: NormalizedPlanPluginOptions, context: CreateNodesContext): AchievementTargets {
  // Far above the limit (twice or more), a plan is giant whatever its details: skip loading it (seconds for 100k).
  const estimate = quickAchievementCount(join(context.workspaceRoot, entry.root));
  if (estimate > 2 * options.maxAchievementTargets) return giantPlanTargets(entry.planName, estimate, options.maxAchievementTargets);
  let loaded;
  try {
    loaded = loadPlanFolder(join(context.workspaceRoot, entry.root), { strict: options.strict });
  } catch (e) {
    return { achievementTargets: {}, problems: [], excluded: [], loadError: e instanceof Error ? e.message : String(e) };
  }
  const count = targetAchievementCount(loaded);
  if (isGiantPlan(count, options.maxAchievementTargets)) return giantPlanTargets(entry.planName, count, options.maxAchievementTargets);
  const achievements = targetAchievements(loaded);
  if (isFinishedPlan(loaded, achievements)) return finishedPlanTargets(entry.planName, count);
  const { included, problems, excluded } = selectAchievementTargets(achievements);
  const achievementTargets: Record<string, TargetConfiguration> = {};
  for (const a of included) {
    achievementTargets[`${options.achievementTargetPrefix}${a.id}`] = achievementTarget(
      entry.root,
      a,
      options.achievementTargetPrefix,
      TECHNOLOGIES
    );
  }
  return { achievementTargets, problems, excluded };
}

function aggregateProject(entries: readonly PlanEntry[], options: NormalizedPlanPluginOptions): ProjectConfiguration {
  const plans = entries.map((e) => e.root);
  const root = aggregateProjectRoot(options.aggregateProjectRoot, plans);
  const name = options.aggregateProjectName;
  const inputs = plans.map((p) => `{workspaceRoot}/${p}/**/*`);
  return {
    root,
    name: options.aggregateProjectName,
    tags: ['type:plan-aggregate'],
    implicitDependencies: entries.map((e) => e.projectName),
    targets: {
      [options.validateTargetName]: planTarget(
        'validate',
        name,
        inputs,
        plans,
        { plans },
        options,
        `Validate every plan of the workspace (${plans.length})`
      ),
      [options.statusTargetName]: planTarget(
        'status',
        name,
        inputs,
        plans,
        { plans },
        options,
        'Show the status of every plan of the workspace'
      ),
      [options.graphTargetName]: planTarget(
        'graph',
        name,
        inputs,
        plans,
        { plans },
        options,
        'Draw the dependency graph of every plan of the workspace'
      ),
    },
    metadata: {
      description: 'Every nx-plan plan of the workspace',
      technologies: TECHNOLOGIES,
      targetGroups: {
        'nx-plan': [options.validateTargetName, options.statusTargetName, options.graphTargetName],
      },
      plans: entries.map((e) => ({ name: e.planName, project: e.projectName, root: e.root })),
    },
  };
}

type PlanTargetKind = 'validate' | 'status' | 'graph';

const TARGET_EXAMPLES: Record<PlanTargetKind, Record<string, unknown>> = {
  validate: { format: 'json' },
  status: { format: 'json' },
  graph: { format: 'mermaid', outputFile: 'plan-graph.mmd' },
};

/**
 * validate/status/graph of a plan project or of the aggregate. Every one
 * declares its inputs (the plan folders): Nx hashes uncached tasks too, and
 * the aggregate's root holds no files of its own.
 */
function planTarget(
  kind: PlanTargetKind,
  projectName: string,
  inputs: string[],
  planRoots: readonly string[],
  planOptions: Record<string, unknown>,
  options: NormalizedPlanPluginOptions,
  description: string
): TargetConfiguration {
  const targetName = {
    validate: options.validateTargetName,
    status: options.statusTargetName,
    graph: options.graphTargetName,
  }[kind];
  return {
    executor: `@nx-plan/plan:${kind}`,
    cache: kind === 'validate',
    inputs: kind === 'validate' ? [...inputs, runStateInput(planRoots)] : inputs,
    ...(kind === 'validate' ? { outputs: [] } : {}),
    options: { ...planOptions, ...(options.strict ? { strict: true } : {}) },
    metadata: {
      technologies: TECHNOLOGIES,
      description,
      help: help(projectName, targetName, TARGET_EXAMPLES[kind]),
    },
  };
}

/** `nx run <project>:<target> --help` prints the executor's options. */
function help(projectName: string, targetName: string, exampleOptions: Record<string, unknown>) {
  return { command: `npx nx run ${projectName}:${targetName} --help`, example: { options: exampleOptions } };
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}
