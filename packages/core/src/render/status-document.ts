/**
 * The machine-readable status document (`status --format=json`). Its shape
 * is versioned: fields are only ever added within a version, and keys are
 * written in a fixed order so the output is stable and diff-friendly.
 */
import type { Diagnostic } from '@nx-plan/schema';
import type { AchievementRun, AnalyzedAchievement, HoursRange, ParallelOpportunity, PlanAnalysis, RecommendedAction, TimeSavings } from '../model/types';
import type { FileOverlap } from '../overlaps/find-file-overlaps';

export const STATUS_DOCUMENT_VERSION = 1;

export interface StatusDocument {
  version: 1;
  plans: {
    name: string;
    dir: string;
    dependencySource: string;
    achievements: Pick<AnalyzedAchievement, 'id' | 'title' | 'status' | 'level' | 'ready' | 'dependencies' | 'estimate' | 'attempts' | 'planOnly' | 'awaitingReview' | 'run'>[];
    nextAvailable: string[];
    parallelOpportunities: ParallelOpportunity[];
    fileOverlaps: FileOverlap[];
    criticalPath: { ids: string[]; hours: HoursRange };
    timeSavings: TimeSavings;
    recommendedAction: RecommendedAction;
    diagnostics: Diagnostic[];
  }[];
}

const hours = (range: HoursRange): HoursRange => ({ min: range.min, max: range.max });

function diagnostic(d: Diagnostic): Diagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
  };
}

function action(a: RecommendedAction): RecommendedAction {
  return {
    kind: a.kind,
    message: a.message,
    ...(a.command !== undefined ? { command: a.command } : {}),
    ids: [...a.ids],
    ...(a.details !== undefined ? { details: [...a.details] } : {}),
  };
}

function run(r: AchievementRun): AchievementRun {
  return {
    file: r.file,
    achievement: r.achievement,
    outcome: r.outcome,
    at: r.at,
    attempt: r.attempt,
    ...(r.branch !== undefined ? { branch: r.branch } : {}),
    ...(r.worktree !== undefined ? { worktree: r.worktree } : {}),
    ...(r.targetBranch !== undefined ? { targetBranch: r.targetBranch } : {}),
    ...(r.files !== undefined ? { files: [...r.files] } : {}),
    message: r.message,
  };
}

function achievement(a: AnalyzedAchievement): StatusDocument['plans'][number]['achievements'][number] {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    level: a.level,
    ready: a.ready,
    dependencies: [...a.dependencies],
    ...(a.estimate ? { estimate: hours(a.estimate) } : {}),
    attempts: a.attempts,
    ...(a.planOnly ? { planOnly: true as const } : {}),
    ...(a.awaitingReview !== undefined ? { awaitingReview: a.awaitingReview } : {}),
    ...(a.run ? { run: run(a.run) } : {}),
  };
}

export function toStatusDocument(analyses: readonly PlanAnalysis[]): StatusDocument {
  return {
    version: STATUS_DOCUMENT_VERSION,
    plans: analyses.map((analysis) => ({
      name: analysis.name,
      dir: analysis.dir,
      dependencySource: analysis.dependencySource,
      achievements: [...analysis.achievements.map(achievement), ...(analysis.planOnly ?? []).map(achievement)],
      nextAvailable: [...analysis.nextAvailable],
      parallelOpportunities: analysis.parallelOpportunities.map((p) => ({ level: p.level, ids: [...p.ids] })),
      fileOverlaps: (analysis.fileOverlaps ?? []).map((o) => ({ level: o.level, ids: [...o.ids], paths: [...o.paths] })),
      criticalPath: { ids: [...analysis.criticalPath.ids], hours: hours(analysis.criticalPath.hours) },
      timeSavings: {
        sequential: hours(analysis.timeSavings.sequential),
        parallel: hours(analysis.timeSavings.parallel),
        saved: hours(analysis.timeSavings.saved),
        percent: hours(analysis.timeSavings.percent),
        unestimated: [...analysis.timeSavings.unestimated],
      },
      recommendedAction: action(analysis.recommendedAction),
      diagnostics: analysis.diagnostics.map(diagnostic),
    })),
  };
}
