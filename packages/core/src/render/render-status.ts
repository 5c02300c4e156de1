/**
 * The status report for humans: an aligned table of achievements, then what
 * can start now, what can run side by side, the time parallel work saves,
 * the critical path and the one recommended next step with its command.
 */
import { formatHours } from '../model/hours';
import type { AnalyzedAchievement, DerivedStatus, HoursRange, PlanAnalysis } from '../model/types';
import { palette, padEnd, truncate, type Palette } from './ansi';
import { summarizeDiagnostics, type RenderOptions } from './render-diagnostics';
import { isDoneStatus } from '../status/derive-status';

const TITLE_WIDTH = 44;
const LIST_LIMIT = 20;

export function statusStyle(c: Palette, status: DerivedStatus): (text: string) => string {
  switch (status) {
    case 'complete':
      return c.green;
    case 'skipped':
      return c.gray;
    case 'failed':
      return c.red;
    case 'in_progress':
      return c.magenta;
    case 'awaiting_review':
      return c.yellow;
    case 'execution_created':
      return c.blue;
    case 'subplan_created':
      return c.cyan;
    default:
      return (text) => text;
  }
}

function stateOf(a: AnalyzedAchievement): string {
  if (a.planOnly) return 'plan-only';
  if (isDoneStatus(a.status)) return 'done';
  // Its dependencies are done, but it waits for a verdict, not for someone to start it.
  if (a.status === 'awaiting_review') return 'review';
  return a.ready ? 'ready' : 'blocked';
}

function levelOf(a: AnalyzedAchievement): string {
  if (a.planOnly) return '—';
  return a.level < 0 ? 'cycle' : String(a.level);
}

function list(ids: readonly string[]): string {
  return ids.length <= LIST_LIMIT ? ids.join(', ') : `${ids.slice(0, LIST_LIMIT).join(', ')} … (+${ids.length - LIST_LIMIT} more)`;
}

function percent(range: HoursRange): string {
  const min = Math.round(range.min);
  const max = Math.round(range.max);
  return min === max ? `${min}%` : `${min}-${max}%`;
}

/** Table (id, title, status, level, ready/blocked, estimate) + next available, opportunities, savings, critical path, recommended action. */
export function renderStatus(analysis: PlanAnalysis, options: RenderOptions = {}): string {
  const c = palette(options.color);
  const out: string[] = [];
  const planOnly = analysis.planOnly ?? [];
  const listed = planOnly.length === 0 ? analysis.achievements : [...analysis.achievements, ...planOnly];
  const total = listed.length;
  const done = listed.filter((a) => isDoneStatus(a.status)).length;
  const source = analysis.dependencySource === 'inferred' ? 'dependencies inferred from the PLAN' : 'dependencies from parallel.json';
  out.push(c.bold(`Plan ${analysis.name}`) + c.dim(`  ${done}/${total} done, ${source}`));
  out.push('');

  const header = ['ID', 'TITLE', 'STATUS', 'LEVEL', 'STATE', 'ESTIMATE'];
  const rows = listed.map((a) => [
    a.id,
    truncate(a.title.replace(/\s+/g, ' '), TITLE_WIDTH),
    a.status,
    levelOf(a),
    stateOf(a),
    a.estimate ? formatHours(a.estimate) : '—',
  ]);
  const widths = header.map((h, k) => rows.reduce((w, row) => Math.max(w, [...row[k]].length), h.length));
  out.push(c.dim(header.map((h, k) => (k === header.length - 1 ? h : h.padEnd(widths[k]))).join('  ')));
  listed.forEach((a, r) => {
    const cells = rows[r].map((cell, k) => {
      const padded = k === header.length - 1 ? cell : padEnd(cell, widths[k]);
      if (k === 2) return statusStyle(c, a.status)(padded);
      if (k === 4) return (cell === 'ready' ? c.green : cell === 'blocked' || cell === 'plan-only' ? c.yellow : c.dim)(padded);
      return padded;
    });
    out.push(cells.join('  '));
  });
  if (planOnly.length > 0) {
    out.push(
      c.dim(
        `plan-only: ${list(planOnly.map((a) => a.id))} ${planOnly.length === 1 ? 'is' : 'are'} in the PLAN but not in parallel.json, so not scheduled (PLAN013); add ${planOnly.length === 1 ? 'it' : 'them'} there with dependencies`,
      ),
    );
  }
  out.push('');

  out.push(`${c.bold('Next available:')} ${analysis.nextAvailable.length > 0 ? list(analysis.nextAvailable) : c.dim('none')}`);

  if (analysis.parallelOpportunities.length > 0) {
    out.push(c.bold('Parallel opportunities:'));
    for (const opportunity of analysis.parallelOpportunities) {
      out.push(`  level ${opportunity.level}: ${list(opportunity.ids)} ${c.dim(`(${opportunity.ids.length} at once)`)}`);
    }
  } else {
    out.push(`${c.bold('Parallel opportunities:')} ${c.dim('none right now')}`);
  }

  const overlaps = analysis.fileOverlaps ?? [];
  if (overlaps.length > 0) {
    out.push(`${c.bold('File overlaps:')} ${c.dim('same-level achievements naming the same files (PLAN036)')}`);
    for (const overlap of overlaps.slice(0, LIST_LIMIT)) {
      const who = overlap.ids.length === 2 ? `${overlap.ids[0]} and ${overlap.ids[1]}` : `${overlap.ids.length} achievements (${list(overlap.ids)})`;
      out.push(`  level ${overlap.level}: ${who} ${c.yellow(`→ ${list(overlap.paths)}`)}`);
    }
    if (overlaps.length > LIST_LIMIT) out.push(c.dim(`  … (+${overlaps.length - LIST_LIMIT} more, see validate)`));
  }

  const runs = listed.filter((a) => a.run !== undefined);
  if (runs.length > 0) {
    out.push(`${c.bold('Work left in worktrees:')} ${c.dim('runs that did not merge (PLAN035)')}`);
    for (const a of runs) {
      const run = a.run!;
      const parts = [c.red(run.outcome)];
      if (run.branch) parts.push(`branch ${run.branch}`);
      if (run.worktree) parts.push(`worktree ${run.worktree}`);
      if (run.files && run.files.length > 0) parts.push(`files ${list(run.files)}`);
      out.push(`  ${a.id}  ${parts.join('  ')}`);
    }
  }

  const s = analysis.timeSavings;
  out.push(
    `${c.bold('Time savings:')} sequential ${formatHours(s.sequential)}, parallel ${formatHours(s.parallel)}, saves ${formatHours(s.saved)} (${percent(s.percent)})`,
  );
  if (s.unestimated.length > 0) {
    out.push(c.dim(`  without estimate, counted as 0h: ${list(s.unestimated)}`));
  }

  const path = analysis.criticalPath;
  const shown =
    path.ids.length <= 30 ? path.ids.join(' → ') : `${path.ids.slice(0, 10).join(' → ')} → … → ${path.ids.slice(-10).join(' → ')}, ${path.ids.length} achievements`;
  out.push(`${c.bold('Critical path:')} ${path.ids.length > 0 ? `${shown} (${formatHours(path.hours)})` : c.dim('none')}`);

  const problems = analysis.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) out.push(`${c.bold('Validation:')} ${summarizeDiagnostics(analysis.diagnostics, options)}`);

  const action = analysis.recommendedAction;
  out.push(`${c.bold('Recommended action:')} ${action.message}`);
  if (action.command) out.push(`  ${c.cyan(action.command)}`);
  for (const line of action.details ?? []) out.push(`  - ${line}`);
  return out.join('\n') + '\n';
}
