export interface RunAchievementExecutorSchema {
  /** Plan folder, relative to the workspace root. */
  plan: string;
  /** Achievement id, e.g. `1.2`. */
  achievement: string;
  /** Shell command with {plan} {planDir} {achievement} {subplanFile} {executionFile} {workspaceRoot} {mainWorkspaceRoot} {attempt} placeholders. */
  agentCommand?: string;
  /** Review command (same placeholders): exit 0 approves, non-zero asks for fixes. */
  reviewCommand?: string;
  /** `worktree` (own git worktree, merged back) or `none`. */
  isolation?: 'worktree' | 'none';
  /** Shell command run once in each new worktree before the agent. */
  worktreeSetup?: string;
  /** Attempts in all with a reviewCommand; default 3. */
  maxAttempts?: number;
  /** Keep the worktree and branch after a successful merge. */
  keepBranches?: boolean;
  /** Create a missing SUBPLAN / EXECUTION_TASK before running; default true. */
  prepare?: boolean;
  /** When dependents may start: `approved` (default) or `agentSuccess`. */
  startDependentsOn?: 'approved' | 'agentSuccess';
  /** Run again an achievement that awaits review. */
  rerun?: boolean;
  /** Extra environment variables for the agent command. */
  env?: Record<string, string>;
  /** Seconds before a command is stopped; 0 or absent: no limit. */
  timeout?: number;
}
