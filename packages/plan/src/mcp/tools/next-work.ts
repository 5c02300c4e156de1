/**
 * `next_work`: what can be worked on now in a plan (or every plan): the ready
 * achievements that are not finished, the next available ones, parallel
 * opportunities, the recommended action with its exact command, and the
 * call of this server's tools that carries it out.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { abridge } from '../lib/abridge';
import { structuredResult } from '../lib/tool-result';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { nextToolCall } from './next-tool-call';
import { planArgument, READ_ONLY, strictArgument } from './plan-arguments';
import { hoursSchema, parallelOpportunitySchema, recommendedActionSchema, toolCallSchema } from './output-schemas';
import { analyzeSelectedPlans } from './plan-selection';
import { recommendedActionOf } from './recommended-action';

const readySchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  level: z.number(),
  attempts: z.number(),
  estimate: hoursSchema.optional(),
});

export const nextWorkOutput = z.looseObject({
  plans: z.array(
    z.looseObject({
      name: z.string(),
      project: z.string(),
      dir: z.string(),
      ready: z.array(readySchema).describe('Every dependency complete or skipped, and not finished itself'),
      nextAvailable: z.array(z.string()).describe('Ready and not started, ordered by level, priority, id'),
      parallelOpportunities: z.array(parallelOpportunitySchema),
      recommendedAction: recommendedActionSchema,
      toolCall: toolCallSchema.optional().describe('The call of this server that carries out the recommended action'),
      errors: z.number(),
    }),
  ),
});
export type NextWorkOutput = ReturnType<typeof nextWork>;

export function nextWork(workspace: PlanWorkspace, args: { plan?: string; strict?: boolean }) {
  return {
    plans: analyzeSelectedPlans(workspace, args).map(({ plan, analysis }) => {
      const toolCall = nextToolCall(plan, analysis);
      return {
        name: plan.name,
        project: plan.project,
        dir: plan.dir,
        ready: analysis.achievements
          .filter((a) => a.ready && a.status !== 'complete' && a.status !== 'skipped')
          .map((a) => ({ id: a.id, title: a.title, status: a.status, level: a.level, attempts: a.attempts, ...(a.estimate ? { estimate: { ...a.estimate } } : {}) })),
        nextAvailable: [...analysis.nextAvailable],
        parallelOpportunities: analysis.parallelOpportunities.map((p) => ({ level: p.level, ids: [...p.ids] })),
        recommendedAction: recommendedActionOf(analysis),
        ...(toolCall ? { toolCall } : {}),
        errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
      };
    }),
  };
}

function text(output: NextWorkOutput): string {
  return output.plans
    .map((p) => {
      const lines = [`Plan ${p.name} (${p.project})`];
      lines.push(p.ready.length ? `Ready: ${abridge(p.ready, 30, (a) => `${a.id} ${a.title} [${a.status}]`, '; ')}` : 'Ready: none');
      lines.push(`Next available: ${abridge(p.nextAvailable, 30, String) || 'none'}`);
      for (const o of p.parallelOpportunities.slice(0, 10)) lines.push(`Parallel at level ${o.level}: ${abridge(o.ids, 30, String)}`);
      lines.push(`Recommended: ${p.recommendedAction.message}`);
      if (p.recommendedAction.command) lines.push(`  ${p.recommendedAction.command}`);
      for (const detail of (p.recommendedAction.details as string[] | undefined) ?? []) lines.push(`  ${detail}`);
      if (p.toolCall) lines.push(`  or call ${p.toolCall.tool} ${JSON.stringify(p.toolCall.arguments)}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

export function registerNextWork(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'next_work',
    {
      title: 'Next work',
      description:
        'What can be worked on now in a plan (every plan when "plan" is omitted): ready achievements that are not finished, the next available ones, the groups that can run in parallel, and the recommended action with the exact shell command and, when one of these tools does it, the tool call.',
      inputSchema: z.strictObject({ plan: planArgument.optional(), strict: strictArgument }),
      outputSchema: nextWorkOutput,
      annotations: { title: 'Next work', ...READ_ONLY },
    },
    async (args) => {
      const output = nextWork(workspace, args);
      return structuredResult(text(output), output);
    },
  );
}
