/** `list_plans`: every plan the plugin infers, with its progress counts. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { structuredResult } from '../lib/tool-result';
import { analyzeWorkspacePlan } from '../workspace/analyze-workspace-plan';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { READ_ONLY, strictArgument } from './plan-arguments';

const planSummarySchema = z.looseObject({
  name: z.string(),
  project: z.string().describe('The Nx project the plugin infers for the plan'),
  dir: z.string().describe('Workspace-relative plan folder'),
  planFile: z.string(),
  dependencySource: z.string().describe('parallel.json, or inferred from the PLAN'),
  total: z.number(),
  done: z.number().describe('complete + skipped'),
  byStatus: z.record(z.string(), z.number()).describe('Number of achievements per derived status'),
  nextAvailable: z.array(z.string()),
  errors: z.number(),
  warnings: z.number(),
});

export const listPlansOutput = z.looseObject({ workspaceRoot: z.string(), plans: z.array(planSummarySchema) });
export type ListPlansOutput = z.infer<typeof listPlansOutput>;

export function listPlans(workspace: PlanWorkspace, args: { strict?: boolean }): ListPlansOutput {
  const settings = workspace.settings();
  const strict = args.strict ?? settings.strict;
  const plans = workspace.plans(settings).map((plan) => {
    const { analysis } = analyzeWorkspacePlan(workspace.root, plan, strict);
    const byStatus: Record<string, number> = {};
    for (const a of analysis.achievements) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    return {
      name: plan.name,
      project: plan.project,
      dir: plan.dir,
      planFile: plan.planFile,
      dependencySource: analysis.dependencySource,
      total: analysis.achievements.length,
      done: (byStatus['complete'] ?? 0) + (byStatus['skipped'] ?? 0),
      byStatus,
      nextAvailable: analysis.nextAvailable,
      errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length,
    };
  });
  return { workspaceRoot: workspace.root, plans };
}

function text(output: ListPlansOutput): string {
  if (output.plans.length === 0) return `No plan (folder holding PLAN_<NAME>.md) in ${output.workspaceRoot}.`;
  return output.plans
    .map((p) => {
      const problems = p.errors + p.warnings > 0 ? `, ${p.errors} error(s), ${p.warnings} warning(s)` : '';
      const next = p.nextAvailable.length > 0 ? `, next: ${p.nextAvailable.join(', ')}` : '';
      return `${p.name} (${p.project}, ${p.dir}): ${p.done}/${p.total} done${next}${problems}`;
    })
    .join('\n');
}

export function registerListPlans(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'list_plans',
    {
      title: 'List plans',
      description:
        'Every plan of the workspace that the nx-plan plugin infers as an Nx project (plansGlob, include/exclude of nx.json), with progress counts per derived status, the next available achievements and the number of validation problems.',
      inputSchema: z.strictObject({ strict: strictArgument }),
      outputSchema: listPlansOutput,
      annotations: { title: 'List plans', ...READ_ONLY },
    },
    async (args) => {
      const output = listPlans(workspace, args);
      return structuredResult(text(output), output);
    },
  );
}
