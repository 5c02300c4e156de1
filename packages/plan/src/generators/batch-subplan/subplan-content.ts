/**
 * What a new SUBPLAN says, prefilled from the PLAN: every field the PLAN
 * gives for the achievement (goal, deliverables, success criteria, approach,
 * tests, estimate, files), its dependencies with their current status, and a
 * marked "not in the PLAN — fill in" only where the PLAN is silent.
 */
import { nmOf, planFileName, type AnalyzedAchievement, type LoadedPlan, type PlanAchievementText, type PlanAnalysis } from '@nx-plan/core';
import { describeStatus } from '../lib/describe-status';
import { bulletList, fillIn, hoursText, today } from '../lib/markdown-format';
import { demoteHeadings } from '../lib/markdown-sections';
import { fileMentions } from '../lib/plan-file-mentions';

/** Substitutions of files/__fileName__.md.template. */
export interface SubplanTemplateData {
  fileName: string;
  planName: string;
  planFile: string;
  id: string;
  title: string;
  estimate: string;
  level: string;
  created: string;
  readiness: string;
  objective: string;
  deliverables: string;
  files: string;
  dependencies: string;
  approach: string;
  tests: string;
  successCriteria: string;
  planExcerpt: string;
}

const planTexts = new WeakMap<LoadedPlan, Map<string, PlanAchievementText>>();
/** The PLAN's text of each achievement by id (first occurrence), built once per plan. */
export function planTextById(plan: LoadedPlan): Map<string, PlanAchievementText> {
  let byId = planTexts.get(plan);
  if (!byId) {
    byId = new Map();
    for (const a of plan.plan?.achievements ?? []) if (!byId.has(a.id)) byId.set(a.id, a);
    planTexts.set(plan, byId);
  }
  return byId;
}

function textOr(value: string | undefined, fallback: string): string {
  return value && value.trim() !== '' ? value.trim() : fallback;
}

function listOr(items: readonly string[], fallback: string): string {
  return items.length > 0 ? bulletList(items) : fallback;
}

/** Achievements by id, built once per analysis (a batch renders many SUBPLANs from one analysis). */
const indexes = new WeakMap<PlanAnalysis, Map<string, AnalyzedAchievement>>();
function achievementsById(analysis: PlanAnalysis): Map<string, AnalyzedAchievement> {
  let byId = indexes.get(analysis);
  if (!byId) {
    byId = new Map(analysis.achievements.map((a) => [a.id, a] as const));
    indexes.set(analysis, byId);
  }
  return byId;
}

function dependencyTable(plan: LoadedPlan, analysis: PlanAnalysis, achievement: AnalyzedAchievement): string {
  if (achievement.dependencies.length === 0) return 'None: this achievement has no dependencies (level 0).';
  const byId = achievementsById(analysis);
  const rows = achievement.dependencies.map((id) => {
    const dep = byId.get(id);
    const status = dep ? describeStatus(dep.status, plan.files.byNm.get(nmOf(id))) : 'unknown';
    const title = (dep?.title ?? '').replace(/\|/g, '\\|');
    return `| ${id} | ${title} | ${status} |`;
  });
  return ['| Achievement | Title | Status |', '| --- | --- | --- |', ...rows].join('\n');
}

function readiness(achievement: AnalyzedAchievement): string {
  if (achievement.dependencies.length === 0) return 'ready (no dependencies)';
  return achievement.ready ? 'ready (every dependency is complete or skipped)' : 'blocked (a dependency is not complete yet)';
}

export function subplanTemplateData(
  plan: LoadedPlan,
  analysis: PlanAnalysis,
  achievement: AnalyzedAchievement,
  fileName: string,
  now: Date = new Date(),
): SubplanTemplateData {
  const text: PlanAchievementText | undefined = planTextById(plan).get(achievement.id);
  const estimate = hoursText(text?.estimate ?? achievement.estimate);
  const mentioned = fileMentions([text?.body ?? '', text?.goal ?? '', text?.approach ?? '', ...(text?.deliverables ?? [])].join('\n'));
  const title = textOr(text?.title, achievement.title) || `Achievement ${achievement.id}`;
  return {
    fileName,
    planName: plan.name,
    planFile: planFileName(plan.name),
    id: achievement.id,
    title,
    estimate: estimate ?? 'not in the PLAN — fill in',
    level: achievement.level >= 0 ? String(achievement.level) : 'on a dependency cycle',
    created: today(now),
    readiness: readiness(achievement),
    objective: textOr(text?.goal, fillIn('PLAN', 'what this achievement must accomplish and why, in two or three sentences.')),
    deliverables: listOr(text?.deliverables ?? [], fillIn('PLAN', 'list the files, features or documents this achievement produces.')),
    files: mentioned.length > 0
      ? bulletList(mentioned.map((f) => `\`${f}\``))
      : fillIn('PLAN', 'the files to create or modify (the PLAN names none for this achievement).'),
    dependencies: dependencyTable(plan, analysis, achievement),
    approach: textOr(text?.approach, fillIn('PLAN', 'the phases or steps to get there, and the design decisions they involve.')),
    tests: listOr(text?.tests ?? [], fillIn('PLAN', 'the tests that prove the deliverables work (unit, integration, manual checks).')),
    successCriteria: listOr(text?.successCriteria ?? [], fillIn('PLAN', 'how a reviewer decides this achievement is done.')),
    planExcerpt: demoteHeadings(text?.body?.trim() ?? '', 1),
  };
}
