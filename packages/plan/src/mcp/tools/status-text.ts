/**
 * The text form of plan_status: the status report of `nx run …:status`,
 * with the table cut to the achievements that matter now when a plan is
 * large (a model reading 10,000 table rows learns little and pays for every
 * one); structuredContent always holds every achievement.
 */
import { isDoneStatus, renderStatus, type AnalyzedAchievement, type PlanAnalysis } from '@nx-plan/core';

/** Plans up to this many achievements get the whole table. */
export const FULL_TABLE_LIMIT = 100;
/** Rows shown for a larger plan. */
export const ABRIDGED_ROWS = 40;

function active(a: AnalyzedAchievement): boolean {
  return a.status !== 'complete' && a.status !== 'skipped' && (a.ready || a.status !== 'not_started');
}

export function statusText(analysis: PlanAnalysis): string {
  const total = analysis.achievements.length;
  if (total <= FULL_TABLE_LIMIT) return renderStatus(analysis, { color: false }).replace(/\n+$/, '');
  const shown = analysis.achievements.filter(active).slice(0, ABRIDGED_ROWS);
  const done = analysis.achievements.filter((a) => isDoneStatus(a.status)).length;
  const lines = renderStatus({ ...analysis, achievements: shown }, { color: false }).replace(/\n+$/, '').split('\n');
  lines[0] = lines[0].replace(/\d+\/\d+ done/, `${done}/${total} done`);
  lines.splice(1, 0, `(table: ${shown.length} of ${total} achievements, the ready and started ones; structuredContent lists every achievement, get_achievement gives one in full)`);
  return lines.join('\n');
}
