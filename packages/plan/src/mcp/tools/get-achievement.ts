/**
 * `get_achievement`: everything an agent needs to work on one achievement in
 * one call: what the PLAN says about it, its dependencies with their status,
 * its SUBPLAN, the latest EXECUTION_TASK, the latest FIX feedback, the
 * attempt number, and the paths of every life-cycle file.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  approvedPath,
  executionPath,
  fixPathForAttempt,
  nmOf,
  subplanPath,
  type AnalyzedAchievement,
} from '@nx-plan/core';
import { z } from 'zod';
import { readTextFile, type FileText } from '../lib/read-text-file';
import { ToolInputError } from '../lib/tool-input-error';
import { structuredResult } from '../lib/tool-result';
import { readFeedbackFiles } from '../workspace/feedback-files';
import type { PlanWorkspace } from '../workspace/plan-workspace';
import { hoursSchema, recommendedActionSchema } from './output-schemas';
import { achievementIdArgument, planArgument, READ_ONLY, strictArgument } from './plan-arguments';
import { analyzeOnePlan } from './plan-selection';
import { recommendedActionOf } from './recommended-action';

const fileSchema = z.looseObject({
  path: z.string().describe('Workspace-relative'),
  content: z.string(),
  truncated: z.boolean().optional().describe('The file is longer than 200,000 characters and was cut'),
});
const relatedSchema = z.looseObject({ id: z.string(), title: z.string(), status: z.string() });

export const getAchievementOutput = z.looseObject({
  plan: z.looseObject({ name: z.string(), project: z.string(), dir: z.string() }),
  achievement: z.looseObject({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    ready: z.boolean(),
    level: z.number(),
    attempts: z.number().describe('Number of EXECUTION_TASK attempts'),
    estimate: hoursSchema.optional(),
  }),
  dependencies: z.array(relatedSchema),
  dependents: z.array(relatedSchema),
  planText: z
    .looseObject({
      file: z.string(),
      line: z.number(),
      goal: z.string().optional(),
      deliverables: z.array(z.string()),
      successCriteria: z.array(z.string()),
      approach: z.string().optional(),
      tests: z.array(z.string()),
      body: z.string().describe('The full markdown of its section in the PLAN'),
    })
    .optional(),
  subplan: fileSchema.optional(),
  latestExecution: fileSchema.extend({ attempt: z.number() }).optional(),
  fix: fileSchema.extend({ attempt: z.number() }).optional().describe('The latest FIX review feedback'),
  approved: fileSchema.optional(),
  files: z.looseObject({
    subplan: z.string(),
    executions: z.array(z.looseObject({ attempt: z.number(), path: z.string() })),
    nextExecution: z.string().describe('Where the next attempt goes'),
    approved: z.string(),
    fixes: z.array(z.looseObject({ attempt: z.number(), path: z.string() })),
    nextFix: z.string().optional().describe('Where record_review would write a FIX now (absent when the latest attempt has its verdict already)'),
    awaitingReview: z.array(z.looseObject({ attempt: z.number(), path: z.string() })),
    skipped: z.string().optional(),
    inProgressMarker: z.string().optional(),
  }),
  recommendedAction: recommendedActionSchema.describe("The plan's recommended action"),
});
export type GetAchievementOutput = ReturnType<typeof getAchievement>;

export function getAchievement(workspace: PlanWorkspace, args: { plan: string; id: string; strict?: boolean }) {
  const { plan, loaded, analysis } = analyzeOnePlan(workspace, args);
  const byId = new Map(analysis.achievements.map((a) => [a.id, a] as const));
  const achievement = byId.get(args.id);
  if (!achievement) {
    const known = analysis.achievements.map((a) => a.id);
    throw new ToolInputError('id', `plan ${plan.name} has no achievement ${args.id} (it has ${known.slice(0, 40).join(', ') || 'none'}${known.length > 40 ? ', …' : ''})`);
  }
  const nm = nmOf(args.id);
  const twin = analysis.achievements.find((a) => a.id !== args.id && nmOf(a.id) === nm);
  if (twin) {
    throw new ToolInputError('id', `achievements ${args.id} and ${twin.id} share the file-name number ${nm}, so their files cannot be told apart; rename one in the plan`);
  }

  const rel = (file: string) => `${plan.dir}/${file}`;
  const read = (file: string): (FileText & { path: string }) | undefined => {
    const text = readTextFile(workspace.file(plan, file));
    return text ? { path: rel(file), ...text } : undefined;
  };
  const related = (a: AnalyzedAchievement | undefined, id: string) => ({ id, title: a?.title ?? '', status: a?.status ?? 'unknown' });

  const files = loaded.files.byNm.get(nm) ?? { executions: [] };
  const feedback = readFeedbackFiles(plan.abs, nm);
  const latest = files.executions[files.executions.length - 1];
  const latestFix = feedback.fixes[feedback.fixes.length - 1];
  const text = loaded.plan?.achievements.find((a) => a.id === args.id);
  const subplanFile = files.subplan ?? subplanPath(loaded.name, args.id);

  const candidateFix = latest && !feedback.approved ? fixPathForAttempt(args.id, latest.attempt) : undefined;
  const nextFix = candidateFix && !feedback.fixes.some((f) => f.file === candidateFix) ? candidateFix : undefined;
  const subplan = files.subplan ? read(files.subplan) : undefined;
  const execution = latest ? read(latest.file) : undefined;
  const fix = latestFix ? read(latestFix.file) : undefined;
  const approved = feedback.approved ? read(feedback.approved) : undefined;

  return {
    plan: { name: plan.name, project: plan.project, dir: plan.dir },
    achievement: {
      id: achievement.id,
      title: achievement.title,
      status: achievement.status,
      ready: achievement.ready,
      level: achievement.level,
      attempts: achievement.attempts,
      ...(achievement.estimate ? { estimate: { ...achievement.estimate } } : {}),
    },
    dependencies: achievement.dependencies.map((id) => related(byId.get(id), id)),
    dependents: analysis.achievements.filter((a) => a.dependencies.includes(args.id)).map((a) => related(a, a.id)),
    ...(text
      ? {
          planText: {
            file: plan.planFile,
            line: text.location.line,
            ...(text.goal !== undefined ? { goal: text.goal } : {}),
            deliverables: [...text.deliverables],
            successCriteria: [...text.successCriteria],
            ...(text.approach !== undefined ? { approach: text.approach } : {}),
            tests: [...text.tests],
            body: text.body,
          },
        }
      : {}),
    ...(subplan ? { subplan } : {}),
    ...(latest && execution ? { latestExecution: { ...execution, attempt: latest.attempt } } : {}),
    ...(latestFix && fix ? { fix: { ...fix, attempt: latestFix.attempt } } : {}),
    ...(approved ? { approved } : {}),
    files: {
      subplan: rel(subplanFile),
      executions: files.executions.map((e) => ({ attempt: e.attempt, path: rel(e.file) })),
      nextExecution: rel(executionPath(loaded.name, args.id, (latest?.attempt ?? 0) + 1)),
      approved: rel(approvedPath(args.id)),
      fixes: feedback.fixes.map((f) => ({ attempt: f.attempt, path: rel(f.file) })),
      ...(nextFix ? { nextFix: rel(nextFix) } : {}),
      awaitingReview: feedback.awaitingReview.map((f) => ({ attempt: f.attempt, path: rel(f.file) })),
      ...(files.skipped ? { skipped: rel(files.skipped) } : {}),
      ...(files.marker ? { inProgressMarker: rel(files.marker.file) } : {}),
    },
    recommendedAction: recommendedActionOf(analysis),
  };
}

function text(o: GetAchievementOutput): string {
  const a = o.achievement;
  const lines = [`Achievement ${a.id}: ${a.title} (plan ${o.plan.name})`];
  lines.push(`Status: ${a.status}${a.ready ? ', ready' : ''}, level ${a.level}, ${a.attempts} attempt(s)`);
  lines.push(`Dependencies: ${o.dependencies.map((d) => `${d.id} [${d.status}]`).join(', ') || 'none'}`);
  lines.push(`SUBPLAN: ${o.subplan ? o.subplan.path : `none yet (${o.files.subplan})`}`);
  lines.push(`Latest EXECUTION_TASK: ${o.latestExecution ? o.latestExecution.path : 'none yet'}`);
  if (o.fix) lines.push(`Latest FIX: ${o.fix.path}`);
  if (o.approved) lines.push(`APPROVED: ${o.approved.path}`);
  if (o.planText?.body) lines.push('', o.planText.body.trim());
  if (o.fix) lines.push('', `Review feedback (${o.fix.path}):`, o.fix.content.trim());
  return lines.join('\n');
}

export function registerGetAchievement(server: McpServer, workspace: PlanWorkspace): void {
  server.registerTool(
    'get_achievement',
    {
      title: 'Get achievement',
      description:
        'Everything about one achievement: its status, dependencies and dependents with their status, what the PLAN says (goal, deliverables, approach, tests, full section), the SUBPLAN, the latest EXECUTION_TASK and attempt number, the latest FIX review feedback, and the paths of every life-cycle file (including where the next attempt and the next review go).',
      inputSchema: z.strictObject({ plan: planArgument, id: achievementIdArgument, strict: strictArgument }),
      outputSchema: getAchievementOutput,
      annotations: { title: 'Get achievement', ...READ_ONLY },
    },
    async (args) => {
      const output = getAchievement(workspace, args);
      return structuredResult(text(output), output);
    },
  );
}
