/**
 * `prepare_achievements`: create the missing SUBPLANs and/or EXECUTION_TASKs
 * of a plan with the batch generators themselves, run on an Nx FsTree as
 * `nx g` runs them: same selection (ids, a level, all, or the next wave),
 * same prefilled content, refusals, plan lock and never-overwrite rule, all
 * or nothing (the Tree is flushed only when every step succeeded), and a
 * `dryRun` that writes nothing. @nx/devkit, Nx's Tree and the generators
 * are loaded on the first call only.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { BatchSummary } from '../../generators/lib/batch-summary';
import { captureOutput } from '../lib/output-capture';
import { ToolInputError, ToolRefusal } from '../lib/tool-input-error';
import { structuredResult, toolError } from '../lib/tool-result';
import { changesOutside } from '../workspace/check-changes-inside';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { achievementIdArgument, planArgument, strictArgument } from './plan-arguments';

export const prepareAchievementsInput = z.strictObject({
  plan: planArgument,
  kind: z
    .enum(['subplans', 'executions', 'both'])
    .describe('subplans: batch-subplan; executions: batch-execution (new attempts after a FIX too); both: SUBPLANs, then EXECUTION_TASKs from them'),
  achievements: z.array(achievementIdArgument).min(1).max(10_000).optional().describe('These ids only; default: the next wave'),
  level: z.number().int().min(0).max(1_000_000).optional().describe('Every achievement of this dependency level (0 = no dependencies)'),
  all: z.boolean().optional().describe('Every achievement of the plan'),
  attempt: z.number().int().min(1).max(999).optional().describe('executions only: force this attempt number (refused when that file exists)'),
  dryRun: z.boolean().optional().describe('Report what would be created, write nothing'),
  strict: strictArgument,
});
export type PrepareAchievementsInput = z.infer<typeof prepareAchievementsInput>;

const itemSchema = z.looseObject({
  kind: z.enum(['subplan', 'execution']),
  id: z.string().optional(),
  file: z.string().optional().describe('Workspace-relative'),
  reason: z.string().optional(),
});

export const prepareAchievementsOutput = z.looseObject({
  plan: z.string(),
  planDir: z.string(),
  dryRun: z.boolean(),
  created: z.array(itemSchema).describe('Created files (in a dry run: the files that would be created)'),
  skipped: z.array(itemSchema),
  notes: z.array(z.string()),
  next: z.string().optional().describe('What to run next'),
});
export type PrepareAchievementsOutput = z.infer<typeof prepareAchievementsOutput>;

type Generator = (tree: unknown, options: Record<string, unknown>, runtime?: Record<string, unknown>) => Promise<(() => void | Promise<void>) | void>;

/** How long to wait for another process (an `nx g`) holding the plan's lock. */
const LOCK_TIMEOUT_MS = 15_000;

async function generators(kind: PrepareAchievementsInput['kind']): Promise<{ name: 'subplan' | 'execution'; run: Generator }[]> {
  const steps: { name: 'subplan' | 'execution'; run: Generator }[] = [];
  if (kind !== 'executions') {
    const { batchSubplanGenerator } = await import('../../generators/batch-subplan/batch-subplan');
    steps.push({ name: 'subplan', run: batchSubplanGenerator as unknown as Generator });
  }
  if (kind !== 'subplans') {
    const { batchExecutionGenerator } = await import('../../generators/batch-execution/batch-execution');
    steps.push({ name: 'execution', run: batchExecutionGenerator as unknown as Generator });
  }
  return steps;
}

/** The `--json` summaries the generators printed (each a top-level JSON object of its own lines). */
export function parseSummaries(stdout: string): BatchSummary[] {
  const summaries: BatchSummary[] = [];
  for (const match of stdout.matchAll(/^\{\n[\s\S]*?\n\}$/gm)) {
    try {
      const parsed = JSON.parse(match[0]) as BatchSummary;
      if (parsed && parsed.version === 1 && typeof parsed.generator === 'string') summaries.push(parsed);
    } catch {
      // not a summary
    }
  }
  return summaries;
}

function checkArguments(args: PrepareAchievementsInput): void {
  const chosen = [args.achievements !== undefined && 'achievements', args.level !== undefined && 'level', args.all && 'all'].filter(Boolean);
  if (chosen.length > 1) throw new ToolInputError(String(chosen[1]), `cannot be combined with ${chosen[0]}: pass only one of achievements, level, all`);
  if (args.attempt !== undefined && args.kind !== 'executions') throw new ToolInputError('attempt', 'applies to kind "executions" only');
}

const kindOf = (s: BatchSummary): 'subplan' | 'execution' => (s.generator === 'batch-subplan' ? 'subplan' : 'execution');

export async function prepareAchievements(workspace: PlanWorkspace, args: PrepareAchievementsInput): Promise<CallToolResult> {
  checkArguments(args);
  const settings = workspace.settings();
  const plan = workspace.resolvePlan('plan', args.plan, settings);
  const dryRun = args.dryRun === true;
  const options: Record<string, unknown> = {
    plan: plan.dir,
    yes: true,
    json: true,
    strict: args.strict ?? settings.strict,
    ...(args.achievements ? { achievements: args.achievements.join(',') } : {}),
    ...(args.level !== undefined ? { level: args.level } : {}),
    ...(args.all ? { all: true } : {}),
    ...(args.attempt !== undefined ? { attempt: args.attempt } : {}),
  };
  const steps = await generators(args.kind);
  const root = workspace.root;

  const captured = await captureOutput(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FsTree, flushChanges } = require('nx/src/generators/tree') as typeof import('nx/src/generators/tree');
    const tree = new FsTree(root, false);
    const callbacks: ((() => void | Promise<void>) | void)[] = [];
    try {
      for (const step of steps) callbacks.push(await step.run(tree, options, { dryRun, lock: { timeoutMs: LOCK_TIMEOUT_MS } }));
      const changes = tree.listChanges();
      const outside = changesOutside(root, plan.abs, changes.map((c) => c.path));
      if (outside.length > 0) {
        throw new ToolRefusal(`${outside.join(', ')} would be written outside the plan folder ${plan.dir} (a symbolic link on the way); nothing was written`);
      }
      if (!dryRun) flushChanges(root, changes);
    } finally {
      for (const callback of callbacks) if (typeof callback === 'function') await callback();
    }
  });

  const summaries = parseSummaries(captured.stdout);
  if (captured.error !== undefined) {
    const message = (captured.error instanceof Error ? captured.error.message : String(captured.error)).replace('listed above', 'listed below');
    const refused = summaries.flatMap((s) => s.refused.map((r) => `  ${[r.id, r.file].filter(Boolean).join('  ')}${r.reason ? ` (${r.reason})` : ''}`));
    const details = [refused.length ? `refused:\n${refused.join('\n')}` : '', captured.stderr.trim()].filter(Boolean).join('\n');
    return toolError(`prepare_achievements: ${message}${details ? `\n${details}` : ''}`);
  }

  const last = summaries[summaries.length - 1];
  const output: PrepareAchievementsOutput = {
    plan: plan.name,
    planDir: plan.dir,
    dryRun,
    created: summaries.flatMap((s) => s.created.map((c) => ({ kind: kindOf(s), ...c }))),
    skipped: summaries.flatMap((s) => s.skipped.map((c) => ({ kind: kindOf(s), ...c }))),
    notes: summaries.flatMap((s) => (s.note ? [`${s.generator}: ${s.note}`] : [])),
    ...(last?.next ? { next: last.next } : {}),
  };
  return structuredResult(describe(output), output);
}

function describe(o: PrepareAchievementsOutput): string {
  const verb = o.dryRun ? 'would create' : 'created';
  const lines = [`${o.plan} (${o.planDir})${o.dryRun ? ', dry run: nothing was written' : ''}`];
  lines.push(`${verb} ${o.created.length} file(s)${o.created.length ? ':' : ''}`, ...o.created.map((c) => `  ${c.id ?? ''}  ${c.file ?? ''}`));
  if (o.skipped.length) lines.push(`skipped ${o.skipped.length}:`, ...o.skipped.map((s) => `  ${s.id ?? ''}  ${s.reason ?? ''}`));
  lines.push(...o.notes.map((n) => `note: ${n}`));
  if (o.next) lines.push(`next: ${o.next}`);
  return lines.join('\n');
}

export function registerPrepareAchievements(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'prepare_achievements',
    {
      title: 'Prepare achievements',
      description:
        'Create the missing SUBPLAN and/or EXECUTION_TASK files of a plan with the same generator code as `nx g @nx-plan/plan:batch-subplan` / `batch-execution`: for the given ids, a level, all, or by default the next wave; prefilled from the PLAN, the SUBPLAN and (for a new attempt) the FIX feedback. Never overwrites (existing files are skipped and listed), refuses the whole batch on validation errors, unknown ids or id collisions, writes all files or none, takes the plan lock. dryRun reports without writing.',
      inputSchema: prepareAchievementsInput,
      outputSchema: prepareAchievementsOutput,
      annotations: { title: 'Prepare achievements', readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (args) => prepareAchievements(workspace, args),
  );
}
