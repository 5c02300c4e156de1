/**
 * The options of one achievement run, from three sources in order of
 * precedence: the run's own flags (`nx-plan run-achievement --…`, forwarded
 * by `nx run plan-x:execute --…`, or an executor target's options), the
 * @nx-plan/plan plugin options in nx.json, and the defaults. Every value is
 * checked here, so the steps can trust them.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ACHIEVEMENT_ID_PATTERN } from '@nx-plan/core';

/** A problem with the run's inputs: reported as a message, never as a stack trace. */
export class RunAchievementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunAchievementError';
    Object.setPrototypeOf(this, RunAchievementError.prototype);
  }
}

export type Isolation = 'worktree' | 'none';
export type StartDependentsOn = 'approved' | 'agentSuccess';

/** Options as given (flags, target options or nx.json), not yet checked. */
export interface RawRunOptions {
  plan?: unknown;
  achievement?: unknown;
  agentCommand?: unknown;
  reviewCommand?: unknown;
  isolation?: unknown;
  worktreeSetup?: unknown;
  maxAttempts?: unknown;
  keepBranches?: unknown;
  prepare?: unknown;
  startDependentsOn?: unknown;
  rerun?: unknown;
  timeout?: unknown;
  env?: unknown;
  strict?: unknown;
}

export interface RunOptions {
  workspaceRoot: string;
  /** Absolute plan folder in the main checkout. */
  planDirAbs: string;
  /** Plan folder relative to the workspace root, '/'-separated ('.' for the root). */
  planDir: string;
  achievement: string;
  agentCommand?: string;
  reviewCommand?: string;
  /** Undefined: decided from the repository (worktree in a git repository with a commit, else none). */
  isolation?: Isolation;
  /** Undefined: link the main node_modules into the worktree when there is one. */
  worktreeSetup?: string;
  maxAttempts: number;
  keepBranches: boolean;
  prepare: boolean;
  startDependentsOn: StartDependentsOn;
  rerun: boolean;
  /** Milliseconds; 0 = no limit. */
  timeoutMs: number;
  env: Record<string, string>;
  strict: boolean;
  /** For messages: the Nx project and target running this, when known. */
  projectName?: string;
  targetName?: string;
}

const OPTION_NAMES = [
  'agentCommand',
  'reviewCommand',
  'isolation',
  'worktreeSetup',
  'maxAttempts',
  'keepBranches',
  'prepare',
  'startDependentsOn',
  'rerun',
  'timeout',
  'env',
  'strict',
] as const;

function pick(name: (typeof OPTION_NAMES)[number], own: RawRunOptions, plugin: Record<string, unknown>): { value: unknown; from: string } {
  if (own[name] !== undefined) return { value: own[name], from: `option "${name}"` };
  return { value: plugin[name], from: `plugin option "${name}" in nx.json` };
}

function optionalText(name: (typeof OPTION_NAMES)[number], own: RawRunOptions, plugin: Record<string, unknown>): string | undefined {
  const { value, from } = pick(name, own, plugin);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RunAchievementError(`${from} must be a string (got ${JSON.stringify(value)})`);
  return value.trim() === '' ? undefined : value;
}

function flag(name: (typeof OPTION_NAMES)[number], own: RawRunOptions, plugin: Record<string, unknown>, fallback: boolean): boolean {
  const { value, from } = pick(name, own, plugin);
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '') return true;
  if (value === 'false') return false;
  throw new RunAchievementError(`${from} must be true or false (got ${JSON.stringify(value)})`);
}

function oneOf<T extends string>(name: (typeof OPTION_NAMES)[number], own: RawRunOptions, plugin: Record<string, unknown>, allowed: readonly T[]): T | undefined {
  const { value, from } = pick(name, own, plugin);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new RunAchievementError(`${from} must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (got ${JSON.stringify(value)})`);
}

function number(name: (typeof OPTION_NAMES)[number], own: RawRunOptions, plugin: Record<string, unknown>, check: (n: number) => boolean, rule: string): number | undefined {
  const { value, from } = pick(name, own, plugin);
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || !check(n)) {
    throw new RunAchievementError(`${from} must be ${rule} (got ${JSON.stringify(value)})`);
  }
  return n;
}

function environment(own: RawRunOptions, plugin: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of [plugin.env, own.env]) {
    if (source === undefined) continue;
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      throw new RunAchievementError('option "env" must be an object of NAME: value strings');
    }
    for (const [name, value] of Object.entries(source)) {
      if (name === '' || name.includes('=') || name.includes('\0')) throw new RunAchievementError(`option "env" has an invalid variable name "${name}"`);
      env[name] = String(value);
    }
  }
  return env;
}

const toPosix = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

export function resolveRunOptions(
  own: RawRunOptions,
  pluginOptions: Record<string, unknown>,
  workspaceRoot: string,
  names: { projectName?: string; targetName?: string } = {},
): RunOptions {
  const plan = typeof own.plan === 'string' ? own.plan.trim() : '';
  if (plan === '') throw new RunAchievementError('option "plan" is missing: give the plan folder relative to the workspace root (--plan=plans/MY-PLAN)');
  if (plan.includes('\0')) throw new RunAchievementError('option "plan" contains a NUL character');
  const planDirAbs = resolve(workspaceRoot, plan);
  const planDirRel = relative(workspaceRoot, planDirAbs);
  if (planDirRel === '..' || planDirRel.startsWith(`..${sep}`) || isAbsolute(planDirRel)) {
    throw new RunAchievementError(`plan folder "${plan}" is outside the workspace (${workspaceRoot}); refusing to run`);
  }
  const achievement = typeof own.achievement === 'string' || typeof own.achievement === 'number' ? String(own.achievement).trim() : '';
  if (achievement === '') {
    throw new RunAchievementError('option "achievement" is missing: give the id of the achievement to run (--achievement=1.2)');
  }
  if (!ACHIEVEMENT_ID_PATTERN.test(achievement)) {
    throw new RunAchievementError(`achievement id "${String(own.achievement ?? '')}" is not of the form <priority>.<number> (e.g. 1.2)`);
  }
  const agentCommand = optionalText('agentCommand', own, pluginOptions);
  const reviewCommand = optionalText('reviewCommand', own, pluginOptions);
  const worktreeSetup = optionalText('worktreeSetup', own, pluginOptions);
  const isolation = oneOf<Isolation>('isolation', own, pluginOptions, ['worktree', 'none']);
  const startDependentsOn = oneOf<StartDependentsOn>('startDependentsOn', own, pluginOptions, ['approved', 'agentSuccess']) ?? 'approved';
  const maxAttempts = number('maxAttempts', own, pluginOptions, (n) => Number.isInteger(n) && n >= 1 && n <= 99, 'a whole number from 1 to 99') ?? 3;
  const timeout = number('timeout', own, pluginOptions, (n) => n >= 0, 'a number of seconds >= 0') ?? 0;
  return {
    workspaceRoot,
    planDirAbs,
    planDir: planDirRel === '' ? '.' : toPosix(planDirRel),
    achievement,
    ...(agentCommand !== undefined ? { agentCommand } : {}),
    ...(reviewCommand !== undefined ? { reviewCommand } : {}),
    ...(isolation !== undefined ? { isolation } : {}),
    ...(worktreeSetup !== undefined ? { worktreeSetup } : {}),
    maxAttempts,
    keepBranches: flag('keepBranches', own, pluginOptions, false),
    prepare: flag('prepare', own, pluginOptions, true),
    startDependentsOn,
    rerun: flag('rerun', own, pluginOptions, false),
    timeoutMs: Math.round(timeout * 1000),
    env: environment(own, pluginOptions),
    strict: flag('strict', own, pluginOptions, false),
    ...(names.projectName ? { projectName: names.projectName } : {}),
    ...(names.targetName ? { targetName: names.targetName } : {}),
  };
}
