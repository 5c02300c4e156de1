/**
 * A cheap upper estimate of a plan's size: how many times `"achievement_id"`
 * occurs in its dependency tree file. Reading and counting a 100,000-
 * achievement parallel.json takes a few tens of milliseconds, where loading
 * the plan takes seconds; inference uses it to recognise a plan far above
 * `maxAchievementTargets` without loading it (see readAchievementTargets).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARALLEL_FILE_NAMES } from '@nx-plan/core';

const KEY = '"achievement_id"';

/** Occurrences of "achievement_id" in the plan folder's dependency tree, or 0 when it has none (or it cannot be read). */
export function quickAchievementCount(planDirAbs: string): number {
  for (const name of PARALLEL_FILE_NAMES) {
    let text: string;
    try {
      text = readFileSync(join(planDirAbs, name), 'utf8');
    } catch {
      continue;
    }
    let count = 0;
    for (let at = text.indexOf(KEY); at !== -1; at = text.indexOf(KEY, at + KEY.length)) count++;
    return count;
  }
  return 0;
}
