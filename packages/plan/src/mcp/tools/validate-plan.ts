/**
 * `validate_plan`: every problem of a plan (or of every plan) with
 * file:line:col, code, message and hint, the same document as
 * `nx run <project>:validate --format=json`, plus the counts and verdict.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { renderDiagnostics } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { z } from 'zod';
import { structuredResult } from '../lib/tool-result';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { planArgument, READ_ONLY, strictArgument } from './plan-arguments';
import { diagnosticSchema } from './output-schemas';
import { analyzeSelectedPlans } from './plan-selection';

export const validatePlanOutput = z.looseObject({
  version: z.literal(1),
  plans: z.array(z.looseObject({ name: z.string(), dir: z.string(), diagnostics: z.array(diagnosticSchema) })),
  errors: z.number(),
  warnings: z.number(),
  valid: z.boolean().describe('No errors (and, with strict, no warnings): what makes the validate target succeed'),
});
export type ValidatePlanOutput = ReturnType<typeof validatePlans>;

export function validatePlans(workspace: PlanWorkspace, args: { plan?: string; strict?: boolean }) {
  const strict = args.strict ?? workspace.settings().strict;
  const plans = analyzeSelectedPlans(workspace, { ...args, strict }).map(({ loaded, plan, diagnostics }) => ({
    name: loaded.name,
    dir: plan.dir,
    diagnostics,
  }));
  const all = plans.flatMap((p) => p.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  return { version: 1 as const, plans, errors, warnings, valid: errors === 0 && (!strict || warnings === 0) };
}

/** Diagnostics per plan in the text form; structuredContent has all of them. */
const MAX_TEXT_DIAGNOSTICS = 100;

function text(output: ValidatePlanOutput): string {
  const sections = output.plans.map((p) => {
    const shown: Diagnostic[] = p.diagnostics.slice(0, MAX_TEXT_DIAGNOSTICS);
    const body = renderDiagnostics(shown, { color: false }).replace(/\n+$/, '');
    const more = p.diagnostics.length > shown.length ? `\n… ${p.diagnostics.length - shown.length} more in structuredContent` : '';
    return `${p.name} (${p.dir})${body ? `\n${body}${more}` : ': no problems'}`;
  });
  sections.push(`${output.valid ? 'valid' : 'invalid'}: ${output.errors} error(s), ${output.warnings} warning(s)`);
  return sections.join('\n\n');
}

export function registerValidatePlan(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'validate_plan',
    {
      title: 'Validate plan',
      description:
        'Validate a plan (every plan when "plan" is omitted): parallel.json schema, unknown and duplicate dependencies, cycles with their full path, file-name collisions, PLAN ↔ parallel.json consistency. Each diagnostic has file, line, column, a stable code (PLAN001…), a message and a hint; the same document as `nx run <project>:validate --format=json`.',
      inputSchema: z.strictObject({ plan: planArgument.optional(), strict: strictArgument }),
      outputSchema: validatePlanOutput,
      annotations: { title: 'Validate plan', ...READ_ONLY },
    },
    async (args) => {
      const output = validatePlans(workspace, args);
      return structuredResult(text(output), output);
    },
  );
}
