/**
 * `nx-plan run-achievement --plan=<folder> --achievement=<id> [options]`:
 * the command every inferred `achievement-<id>` target runs (an
 * nx:run-commands target, so Nx spawns it without forking an executor).
 * Options given to `nx run plan-x:execute --…` are forwarded here; the rest
 * comes from the @nx-plan/plan plugin options in nx.json.
 */
import { parseArgs } from 'node:util';
import { findWorkspaceRoot } from '../config/find-workspace-root';
import { NxJsonError, readPluginEntry } from '../config/read-plugin-options';
import { taskLogger } from '../executors/lib/task-logger';
import { runAchievement } from './run-achievement';
import { resolveRunOptions, RunAchievementError, type RawRunOptions } from './run-options';

const BOOLEAN_FLAGS = ['keepBranches', 'prepare', 'rerun', 'strict'] as const;
const STRING_FLAGS = [
  'plan',
  'achievement',
  'agentCommand',
  'reviewCommand',
  'isolation',
  'worktreeSetup',
  'maxAttempts',
  'startDependentsOn',
  'timeout',
  'project',
  'target',
  'workspaceRoot',
] as const;

export const RUN_ACHIEVEMENT_HELP = `Usage: nx-plan run-achievement --plan=<plan folder> --achievement=<id> [options]

Runs one achievement: prepares its missing SUBPLAN/EXECUTION_TASK, runs the
agent (in its own git worktree by default), the optional review loop, and
merges the result into the checked-out branch.

Options (default: the @nx-plan/plan plugin options in nx.json):
  --agentCommand=<cmd>        agent command with {plan} {planDir} {achievement} {subplanFile}
                              {executionFile} {workspaceRoot} {mainWorkspaceRoot} {attempt}
  --reviewCommand=<cmd>       review command: exit 0 approves, non-zero asks for fixes
  --isolation=worktree|none   own git worktree per achievement (default in a git repo)
  --worktreeSetup=<cmd>       run once in each new worktree (default: link node_modules)
  --maxAttempts=<n>           attempts with a reviewCommand (default 3)
  --startDependentsOn=approved|agentSuccess   (default approved)
  --timeout=<seconds>         stop a command after this long (default: no limit)
  --env=NAME=value            extra environment variable (repeatable)
  --[no-]prepare              create missing SUBPLAN/EXECUTION_TASK (default on)
  --rerun                     run again an achievement that awaits review
  --keepBranches              keep the worktree and branch after merging
  --strict                    validate parallel.json with the published schema exactly
`;

/** `--flag` → `--flag=true`, `--no-flag` → `--flag=false` for boolean flags, so `--flag=false` (as Nx forwards it) works too. */
function normalizeBooleans(argv: readonly string[]): string[] {
  return argv.map((arg) => {
    for (const name of BOOLEAN_FLAGS) {
      if (arg === `--${name}`) return `--${name}=true`;
      if (arg === `--no-${name}`) return `--${name}=false`;
    }
    return arg;
  });
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(RUN_ACHIEVEMENT_HELP);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: normalizeBooleans(argv),
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(BOOLEAN_FLAGS.map((name) => [name, { type: 'string' as const }])),
        env: { type: 'string', multiple: true },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`nx-plan run-achievement: ${(error as Error).message}\n  See: nx-plan run-achievement --help\n`);
    return 2;
  }
  const values = parsed.values as Record<string, string | string[] | undefined>;
  const start = typeof values.workspaceRoot === 'string' ? values.workspaceRoot : process.cwd();
  const workspaceRoot = findWorkspaceRoot(start);
  if (workspaceRoot === undefined) {
    process.stderr.write(`nx-plan run-achievement: no nx.json in ${start} or any folder above it; run it inside an Nx workspace\n`);
    return 1;
  }
  const raw: RawRunOptions = {};
  for (const name of [...STRING_FLAGS, ...BOOLEAN_FLAGS]) {
    if (name === 'project' || name === 'target' || name === 'workspaceRoot') continue;
    if (values[name] !== undefined) (raw as Record<string, unknown>)[name] = values[name];
  }
  if (Array.isArray(values.env)) {
    const env: Record<string, string> = {};
    for (const pair of values.env) {
      const at = pair.indexOf('=');
      if (at <= 0) {
        process.stderr.write(`nx-plan run-achievement: --env expects NAME=value (got "${pair}")\n`);
        return 2;
      }
      env[pair.slice(0, at)] = pair.slice(at + 1);
    }
    raw.env = env;
  }
  try {
    const plugin = readPluginEntry(workspaceRoot);
    const options = resolveRunOptions(raw, plugin.options, workspaceRoot, {
      ...(typeof values.project === 'string' ? { projectName: values.project } : {}),
      ...(typeof values.target === 'string' ? { targetName: values.target } : {}),
    });
    return await runAchievement(options, taskLogger);
  } catch (error) {
    if (error instanceof RunAchievementError || error instanceof NxJsonError) {
      taskLogger.error(`run-achievement: ${error.message}`);
      return 1;
    }
    taskLogger.error(`run-achievement: unexpected error: ${(error as Error).message}`);
    return 1;
  }
}
