/**
 * The achievements that get a target: every achievement of the dependency
 * graph (parallel.json, or inferred from the PLAN) plus those named only in
 * the PLAN (PLAN013), which have no dependencies Nx could wire. Also what
 * counts against `maxAchievementTargets`.
 */
import type { LoadedPlan } from '@nx-plan/core';
import type { AchievementLike } from './select-achievement-targets';

export function targetAchievements(loaded: Pick<LoadedPlan, 'achievements' | 'plan'>): AchievementLike[] {
  const list: AchievementLike[] = [...loaded.achievements];
  const known = new Set(list.map((a) => a.id));
  for (const a of loaded.plan?.achievements ?? []) {
    if (known.has(a.id)) continue;
    known.add(a.id);
    list.push({ id: a.id, title: a.title, dependencies: [] });
  }
  return list;
}

/** How many distinct achievements a plan has (the number of targets it would get). */
export function targetAchievementCount(loaded: Pick<LoadedPlan, 'achievements' | 'plan'>): number {
  const ids = new Set<string>();
  for (const a of loaded.achievements) ids.add(a.id);
  for (const a of loaded.plan?.achievements ?? []) ids.add(a.id);
  return ids.size;
}
