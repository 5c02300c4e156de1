/**
 * The agent command line: placeholder substitution (shell-quoted) and the
 * NX_PLAN_* environment variables the command receives.
 */

/** Values an agent command can refer to. Paths are relative to the workspace root (the command's cwd). */
export interface AgentCommandValues {
  /** Plan name (`<NAME>` of `PLAN_<NAME>.md`). */
  plan: string;
  /** Plan folder. */
  planDir: string;
  /** Achievement id, e.g. `1.2`. */
  achievement: string;
  /** The achievement's SUBPLAN file. */
  subplanFile: string;
  /** The achievement's latest EXECUTION_TASK attempt. */
  executionFile: string;
  /** Absolute workspace root the command runs in (the achievement's worktree when isolated). */
  workspaceRoot: string;
  /** Absolute root of the main checkout (the same as workspaceRoot without isolation). */
  mainWorkspaceRoot: string;
  /** Attempt number of the EXECUTION_TASK being worked on (`1`, `2`, …). */
  attempt: string;
}

export const PLACEHOLDERS = [
  'plan',
  'planDir',
  'achievement',
  'subplanFile',
  'executionFile',
  'workspaceRoot',
  'mainWorkspaceRoot',
  'attempt',
] as const;

/** Characters that never need quoting in a POSIX shell word. */
const BARE_WORD = /^[A-Za-z0-9_./:@%+=,-]+$/;

/** Quote one value as a single shell word (POSIX sh, or cmd.exe on Windows). */
export function shellQuote(value: string, platform: NodeJS.Platform = process.platform): string {
  if (value !== '' && BARE_WORD.test(value)) return value;
  if (platform === 'win32') return `"${value.replace(/"/g, '""')}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Replace every placeholder of PLACEHOLDERS (`{plan}`, `{executionFile}`, …) with shell-quoted values. A placeholder the user already
 * wrapped in quotes (`"{executionFile}"`, `'{plan}'`) is replaced together with
 * those quotes, so the value is never quoted twice. Other braces (`{a,b}`, `${HOME}`)
 * are left alone.
 */
export function substitutePlaceholders(
  command: string,
  values: AgentCommandValues,
  platform: NodeJS.Platform = process.platform,
): string {
  const names = PLACEHOLDERS.join('|');
  const pattern = new RegExp(`(["']?)\\{(${names})\\}(["']?)`, 'g');
  return command.replace(pattern, (match: string, open: string, name: string, close: string) => {
    const quoted = shellQuote(values[name as keyof AgentCommandValues], platform);
    if (open !== '' && open === close) return quoted;
    return `${open}${quoted}${close}`;
  });
}

/** The environment variables describing the achievement, for commands that prefer env over arguments. */
export function agentEnvironment(values: AgentCommandValues): Record<string, string> {
  return {
    NX_PLAN_NAME: values.plan,
    NX_PLAN_DIR: values.planDir,
    NX_PLAN_ACHIEVEMENT: values.achievement,
    NX_PLAN_SUBPLAN_FILE: values.subplanFile,
    NX_PLAN_EXECUTION_FILE: values.executionFile,
    NX_PLAN_WORKSPACE_ROOT: values.workspaceRoot,
    NX_PLAN_MAIN_WORKSPACE_ROOT: values.mainWorkspaceRoot,
    NX_PLAN_ATTEMPT: values.attempt,
  };
}
