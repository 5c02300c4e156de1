/**
 * `record_review`: the reviewer's verdict on the latest attempt of an
 * achievement, as the plan folder records it: `APPROVED_<NM>.md`
 * (→ complete) or a FIX (→ failed, a new attempt follows): `FIX_<NM>.md` for
 * attempt 1, `FIX_<NM>_<NN>.md` for a later attempt NN (the shared contract
 * of the run lifecycle, which the engine reads), kept beside the earlier
 * ones. Refused without an EXECUTION_TASK, after an APPROVED, and whenever
 * the file exists already.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { approvedPath, fixPathForAttempt, formatAttempt, nmOf } from '@nx-plan/core';
import { z } from 'zod';
import { ToolInputError, ToolRefusal } from '../lib/tool-input-error';
import { structuredResult } from '../lib/tool-result';
import { analyzeWorkspacePlan } from '../workspace/analyze-workspace-plan';
import { createFileOnce } from '../workspace/create-file-once';
import { readFeedbackFiles } from '../workspace/feedback-files';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { achievementIdArgument, planArgument } from './plan-arguments';
import { analyzeOnePlan } from './plan-selection';

export const recordReviewInput = z.strictObject({
  plan: planArgument,
  id: achievementIdArgument,
  verdict: z.enum(['approved', 'fix']).describe('approved: the attempt is accepted (status complete); fix: changes are needed (status failed, a new attempt follows)'),
  text: z
    .string()
    .max(200_000)
    .refine((t) => t.trim() !== '', 'the review text is empty')
    .describe('The review, in markdown: for a FIX, every point the next attempt must address'),
});

export const recordReviewOutput = z.looseObject({
  plan: z.string(),
  id: z.string(),
  verdict: z.enum(['approved', 'fix']),
  file: z.string().describe('Workspace-relative path of the file written'),
  attempt: z.number().describe('The EXECUTION_TASK attempt the verdict is about'),
  status: z.string().describe('The achievement status derived after writing'),
  next: z.string().optional().describe("The plan's recommended next command"),
});
export type RecordReviewOutput = z.infer<typeof recordReviewOutput>;

export function reviewContent(verdict: 'approved' | 'fix', id: string, title: string, attempt: number, executionFile: string, text: string): string {
  const heading = `# ${verdict === 'approved' ? 'APPROVED' : 'FIX'}: ${id}${title ? ` ${title}` : ''}`;
  const about = `Review of attempt ${formatAttempt(attempt)} (\`${executionFile.split('/').pop()}\`).`;
  return `${heading}\n\n${about}\n\n${text.trim()}\n`;
}

export function recordReview(workspace: PlanWorkspace, args: z.infer<typeof recordReviewInput>): RecordReviewOutput {
  const { plan, loaded, analysis } = analyzeOnePlan(workspace, args);
  const strict = workspace.settings().strict;
  const achievement = analysis.achievements.find((a) => a.id === args.id);
  if (!achievement) throw new ToolInputError('id', `plan ${plan.name} has no achievement ${args.id}`);
  const nm = nmOf(args.id);
  const twin = analysis.achievements.find((a) => a.id !== args.id && nmOf(a.id) === nm);
  if (twin) throw new ToolRefusal(`achievements ${args.id} and ${twin.id} share the file-name number ${nm}; rename one in the plan before recording reviews; nothing was written`);

  const executions = loaded.files.byNm.get(nm)?.executions ?? [];
  const latest = executions[executions.length - 1];
  if (!latest) {
    throw new ToolRefusal(`achievement ${args.id} has no EXECUTION_TASK, so there is no attempt to review; create one with prepare_achievements (kind "executions"); nothing was written`);
  }
  const feedback = readFeedbackFiles(plan.abs, nm);
  if (feedback.approved) {
    throw new ToolRefusal(`achievement ${args.id} is approved already (${plan.dir}/${feedback.approved}), and that file is never overwritten; nothing was written`);
  }
  let file: string;
  if (args.verdict === 'approved') {
    file = approvedPath(args.id);
  } else {
    file = fixPathForAttempt(args.id, latest.attempt);
    if (feedback.fixes.some((f) => f.file === file)) {
      throw new ToolRefusal(
        `attempt ${formatAttempt(latest.attempt)} of ${args.id} has its FIX already (${plan.dir}/${file}); a new review needs a new attempt (prepare_achievements, kind "executions"); nothing was written`,
      );
    }
  }
  createFileOnce(plan.abs, file, reviewContent(args.verdict, args.id, achievement.title, latest.attempt, latest.file, args.text));

  const after = analyzeWorkspacePlan(workspace.root, plan, strict).analysis;
  const status = after.achievements.find((a) => a.id === args.id)?.status ?? 'unknown';
  return {
    plan: plan.name,
    id: args.id,
    verdict: args.verdict,
    file: `${plan.dir}/${file}`,
    attempt: latest.attempt,
    status,
    ...(after.recommendedAction.command ? { next: after.recommendedAction.command } : {}),
  };
}

export function registerRecordReview(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'record_review',
    {
      title: 'Record review',
      description:
        'Record the review verdict on the latest EXECUTION_TASK attempt of an achievement: "approved" writes execution/feedbacks/APPROVED_<NM>.md (status complete); "fix" writes the FIX feedback (status failed; prepare_achievements then creates the next attempt from it): FIX_<NM>.md for attempt 1, FIX_<NM>_<NN>.md for a later attempt NN. Never overwrites; refused when the achievement has no EXECUTION_TASK, is approved already, or its latest attempt has its FIX already.',
      inputSchema: recordReviewInput,
      outputSchema: recordReviewOutput,
      annotations: { title: 'Record review', readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async (args) => {
      const output = recordReview(workspace, args);
      return structuredResult(
        `${output.verdict === 'approved' ? 'Approved' : 'Fixes requested for'} ${output.id} (attempt ${formatAttempt(output.attempt)}): wrote ${output.file}; status now ${output.status}.${output.next ? `\nNext: ${output.next}` : ''}`,
        output,
      );
    },
  );
}
