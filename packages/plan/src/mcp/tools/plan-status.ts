/**
 * `plan_status`: the status document of one plan (or every plan), the same
 * shape as `nx run <project>:status --format=json` (docs/status-json.md).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { toStatusDocument, type StatusDocument } from '@nx-plan/core';
import { z } from 'zod';
import { structuredResult } from '../lib/tool-result';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { planArgument, READ_ONLY, strictArgument } from './plan-arguments';
import { statusPlanSchema } from './output-schemas';
import { analyzeSelectedPlans } from './plan-selection';
import { statusText } from './status-text';

export const planStatusOutput = z.looseObject({ version: z.literal(1), plans: z.array(statusPlanSchema) });

export function planStatus(workspace: PlanWorkspace, args: { plan?: string; strict?: boolean }): { document: StatusDocument; text: string } {
  const analyses = analyzeSelectedPlans(workspace, args).map((a) => a.analysis);
  const text = analyses.map(statusText).join('\n\n');
  return { document: toStatusDocument(analyses), text };
}

export function registerPlanStatus(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'plan_status',
    {
      title: 'Plan status',
      description:
        'The status document of a plan (every plan when "plan" is omitted), the same JSON as `nx run <project>:status --format=json`: each achievement with its status derived from the plan folder files, level, readiness and attempts; next available work, parallel opportunities, critical path, time savings, the recommended action with its exact command, and every diagnostic.',
      inputSchema: z.strictObject({ plan: planArgument.optional(), strict: strictArgument }),
      outputSchema: planStatusOutput,
      annotations: { title: 'Plan status', ...READ_ONLY },
    },
    async (args) => {
      const { document, text } = planStatus(workspace, args);
      return structuredResult(text, document as unknown as Record<string, unknown>);
    },
  );
}
