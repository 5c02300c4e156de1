/**
 * The nx-plan MCP server: tools and prompts over one workspace. Transport
 * agnostic (stdio in `nx-plan mcp`, in-memory in tests). Every tool error
 * (a bad argument, a refusal, an unexpected exception) is answered as a tool
 * result with `isError: true` by the SDK; nothing here ends the process.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerDiscoveryPrompt } from '../prompts/discovery-prompt';
import { registerExecutionPrompt } from '../prompts/execution-prompt';
import { registerGetAchievement } from '../tools/get-achievement';
import { registerListPlans } from '../tools/list-plans';
import { registerNextWork } from '../tools/next-work';
import { registerPlanStatus } from '../tools/plan-status';
import { registerPrepareAchievements } from '../tools/prepare-achievements';
import { registerRecordReview } from '../tools/record-review';
import { registerValidatePlan } from '../tools/validate-plan';
import { PlanWorkspace } from '../workspace/plan-workspace';
import { SERVER_INSTRUCTIONS } from './instructions';

export const SERVER_NAME = 'nx-plan';

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../../package.json') as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function createPlanMcpServer(workspaceRoot: string): McpServer {
  const workspace = new PlanWorkspace(workspaceRoot);
  const server = new McpServer(
    { name: SERVER_NAME, title: 'nx-plan', version: packageVersion() },
    { instructions: SERVER_INSTRUCTIONS, maxToolInputElements: 100_000 },
  );
  registerListPlans(server, workspace);
  registerPlanStatus(server, workspace);
  registerNextWork(server, workspace);
  registerValidatePlan(server, workspace);
  registerGetAchievement(server, workspace);
  registerPrepareAchievements(server, workspace);
  registerRecordReview(server, workspace);
  registerExecutionPrompt(server, workspace);
  registerDiscoveryPrompt(server, workspace);
  return server;
}
