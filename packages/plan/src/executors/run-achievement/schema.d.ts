export interface RunAchievementExecutorSchema {
  /** Plan folder, relative to the workspace root. */
  plan: string;
  /** Achievement id, e.g. `1.2`. */
  achievement: string;
  /** Shell command with {plan} {planDir} {achievement} {subplanFile} {executionFile} {workspaceRoot} placeholders. */
  agentCommand?: string;
  /** Extra environment variables for the agent command. */
  env?: Record<string, string>;
  /** Seconds before the agent command is stopped; 0 or absent: no limit. */
  timeout?: number;
}
