/**
 * Finished plans: when every achievement of a plan is complete (APPROVED) or
 * skipped (SKIPPED), nothing is left to run, so the plan gets no
 * per-achievement Nx targets. Every target costs every `nx` command of the
 * workspace (Nx merges, stores and hands around each one: about 0.1 ms per
 * target, docs/performance.md), and a workspace that has used the method for
 * a while holds mostly finished plans. The project keeps validate, status and
 * graph; its `execute` (lib/achievement-target) says the plan is finished and succeeds. Removing an
 * APPROVED_/SKIPPED_ file (e.g. to replace an approval with a FIX) changes
 * the plan's files, so the next inference gives the targets back.
 */
import { deriveFileStatus, isDoneStatus, nmOf, type LoadedPlan } from '@nx-plan/core';
import type { AchievementLike } from './select-achievement-targets';

/** True when the plan has achievements and every one of them is complete or skipped by its files. */
export function isFinishedPlan(loaded: Pick<LoadedPlan, 'files'>, achievements: readonly AchievementLike[]): boolean {
  if (achievements.length === 0) return false;
  return achievements.every((a) => isDoneStatus(deriveFileStatus(loaded.files.byNm.get(nmOf(a.id)))));
}

/** Why a finished plan has no per-achievement targets (project metadata and `execute`'s message). */
export function finishedPlanReason(planName: string, achievements: number): string {
  return `plan ${planName} is finished: all ${achievements} achievements are complete or skipped, so it has no per-achievement targets and nothing to run`;
}

export const FINISHED_PLAN_HINT =
  'removing an APPROVED_<NM>.md or SKIPPED_<NM>.md (e.g. replacing an approval with a FIX_<NM>.md) reopens an achievement and brings the targets back; ' +
  'status, validate and graph work as before';
