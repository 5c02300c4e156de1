/**
 * Checks and completes run-achievement's options: a plan folder inside the
 * workspace, a well-formed achievement id, the agent command (target option,
 * else the plugin's `agentCommand` in nx.json), env and timeout.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { ACHIEVEMENT_ID_PATTERN } from '@nx-plan/core';
import type { RunAchievementExecutorSchema } from '../schema';

/** A problem with the run's inputs: reported as a message, never as a stack trace. */
export class RunAchievementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunAchievementError';
    Object.setPrototypeOf(this, RunAchievementError.prototype);
  }
}

export interface NormalizedRunOptions {
  workspaceRoot: string;
  /** Absolute plan folder. */
  planDirAbs: string;
  /** Plan folder relative to the workspace root, '/'-separated ('.' for the root itself). */
  planDir: string;
  achievement: string;
  /** Undefined when neither the target nor the plugin configures one. */
  agentCommand?: string;
  /** Where the command came from, for messages. */
  agentCommandSource?: 'target option' | 'nx.json plugin option';
  env: Record<string, string>;
  /** Milliseconds; 0 = no limit. */
  timeoutMs: number;
  /** Project and target of this run, when Nx tells us. */
  projectName?: string;
  targetName?: string;
}

/** Does this nx.json plugin entry refer to the nx-plan plugin (package name, `plan` alias or source path)? */
export function isNxPlanPluginEntry(plugin: string): boolean {
  const normalized = plugin.replace(/\\/g, '/');
  return (
    normalized === '@nx-plan/plan' ||
    normalized === 'plan' ||
    normalized.startsWith('@nx-plan/plan/') ||
    /(^|\/)packages\/plan\/src\/index(\.[cm]?[jt]s)?$/.test(normalized)
  );
}

/** The plugin's `agentCommand` option from nx.json, if set. */
export function agentCommandFromNxJson(context: ExecutorContext): string | undefined {
  for (const entry of context.nxJsonConfiguration?.plugins ?? []) {
    if (typeof entry === 'string' || !isNxPlanPluginEntry(entry.plugin)) continue;
    const command = (entry.options as { agentCommand?: unknown } | undefined)?.agentCommand;
    if (typeof command === 'string' && command.trim() !== '') return command;
  }
  return undefined;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function normalizeOptions(options: RunAchievementExecutorSchema, context: ExecutorContext): NormalizedRunOptions {
  const workspaceRoot = context.root;

  const plan = typeof options.plan === 'string' ? options.plan.trim() : '';
  if (plan === '') throw new RunAchievementError('option "plan" is missing: give the plan folder relative to the workspace root');
  if (plan.includes('\0')) throw new RunAchievementError('option "plan" contains a NUL character');
  const planDirAbs = resolve(workspaceRoot, plan);
  const planDirRel = relative(workspaceRoot, planDirAbs);
  if (planDirRel === '..' || planDirRel.startsWith(`..${sep}`) || isAbsolute(planDirRel)) {
    throw new RunAchievementError(`plan folder "${plan}" is outside the workspace (${workspaceRoot}); refusing to run`);
  }

  const achievement = typeof options.achievement === 'string' ? options.achievement.trim() : '';
  if (!ACHIEVEMENT_ID_PATTERN.test(achievement)) {
    throw new RunAchievementError(
      `achievement id "${String(options.achievement ?? '')}" is not of the form <priority>.<number> (e.g. 1.2)`,
    );
  }

  let agentCommand: string | undefined;
  let agentCommandSource: NormalizedRunOptions['agentCommandSource'];
  if (typeof options.agentCommand === 'string' && options.agentCommand.trim() !== '') {
    agentCommand = options.agentCommand;
    agentCommandSource = 'target option';
  } else {
    agentCommand = agentCommandFromNxJson(context);
    if (agentCommand !== undefined) agentCommandSource = 'nx.json plugin option';
  }

  const env: Record<string, string> = {};
  if (options.env !== undefined) {
    if (typeof options.env !== 'object' || options.env === null || Array.isArray(options.env)) {
      throw new RunAchievementError('option "env" must be an object of NAME: value strings');
    }
    for (const [name, value] of Object.entries(options.env)) {
      if (name === '' || name.includes('=') || name.includes('\0')) {
        throw new RunAchievementError(`option "env" has an invalid variable name "${name}"`);
      }
      env[name] = String(value);
    }
  }

  const timeout = options.timeout ?? 0;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0) {
    throw new RunAchievementError(`option "timeout" must be a number of seconds >= 0 (got ${String(options.timeout)})`);
  }

  return {
    workspaceRoot,
    planDirAbs,
    planDir: planDirRel === '' ? '.' : toPosix(planDirRel),
    achievement,
    ...(agentCommand !== undefined ? { agentCommand, agentCommandSource } : {}),
    env,
    timeoutMs: Math.round(timeout * 1000),
    ...(context.projectName ? { projectName: context.projectName } : {}),
    ...(context.targetName ? { targetName: context.targetName } : {}),
  };
}
