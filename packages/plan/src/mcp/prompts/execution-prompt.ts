/**
 * The `execute_achievement` prompt: the execution prompt that
 * `nx g @nx-plan/plan:next --action=prompt` writes to a file, built by the
 * same function (generators/next/lib/execution-prompt), returned as an MCP
 * prompt instead. Without an id it is the first next-available achievement,
 * else the first ready failed one, as `next` chooses.
 */
import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { nmOf } from '@nx-plan/core';
import { z } from 'zod';
import { ToolInputError } from '../lib/tool-input-error';
import { readTextFile } from '../lib/read-text-file';
import { analyzeOnePlan } from '../tools/plan-selection';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { planNameCompleter } from './plan-name-completer';
import { readOnlyTree } from './plan-tree';

export async function executionPrompt(workspace: PlanWorkspace, args: { plan: string; id?: string }): Promise<GetPromptResult> {
  const { plan, loaded, analysis } = analyzeOnePlan(workspace, { plan: args.plan });
  const requested = args.id?.trim() || undefined;
  const id = requested ?? analysis.nextAvailable[0] ?? analysis.achievements.find((a) => a.ready && a.status === 'failed')?.id;
  if (id === undefined) {
    throw new ToolInputError('id', `no achievement of plan ${plan.name} is available to start; name one with the "id" argument`);
  }
  if (!analysis.achievements.some((a) => a.id === id)) throw new ToolInputError('id', `plan ${plan.name} has no achievement ${id}`);
  const twin = analysis.achievements.find((a) => a.id !== id && nmOf(a.id) === nmOf(id));
  if (twin) throw new ToolInputError('id', `achievements ${id} and ${twin.id} share the file-name number ${nmOf(id)}; rename one in the plan`);

  const [{ buildExecutionPrompt }, { planCommands }] = await Promise.all([
    import('../../generators/next/lib/execution-prompt'),
    import('../../utils/plan-targets'),
  ]);
  const commands = planCommands(readOnlyTree(workspace.root), plan.name);
  const prompt = buildExecutionPrompt({
    loaded,
    analysis,
    id,
    planDir: plan.dir,
    read: (rel) => readTextFile(workspace.file(plan, rel))?.content,
    validateCommand: commands.validate,
    statusCommand: commands.status,
    batchSubplanCommand: commands.generator('batch-subplan', `--achievements=${id}`),
    batchExecutionCommand: commands.generator('batch-execution', `--achievements=${id}`),
  });
  return {
    description: `Execute achievement ${id} of plan ${plan.name}${prompt.missing.length ? ` (no ${prompt.missing.join(' and no ')} yet)` : ''}`,
    messages: [{ role: 'user', content: { type: 'text', text: prompt.text } }],
  };
}

export function registerExecutionPrompt(server: McpServer, workspace: PlanWorkspace): void {
  server.registerPrompt(
    'execute_achievement',
    {
      title: 'Execute an achievement',
      description:
        'The prompt that hands one achievement to an agent (what `nx g @nx-plan/plan:next --action=prompt` writes): its PLAN section, SUBPLAN, latest EXECUTION_TASK and FIX feedback, with the steps to follow. Without "id": the next available achievement.',
      argsSchema: {
        plan: completable(z.string().min(1).describe('Plan name, project name or folder'), planNameCompleter(workspace)),
        id: z.string().optional().describe('Achievement id, e.g. 2.1; default: the next available one'),
      },
    },
    async (args) => executionPrompt(workspace, args),
  );
}
