/**
 * The menu of `next`: the earlier tool's five options (batch SUBPLANs, batch
 * EXECUTIONs, run in parallel, graph, prompt for the next available
 * achievement) plus a prompt to fill unfilled SUBPLANs and a one-step
 * preparation (SUBPLANs and EXECUTION_TASKs together), each with the exact
 * command that does the same thing without the menu.
 */
import { isDoneStatus, type PlanAnalysis } from '@nx-plan/core';
import { shellArg, type PlanCommands } from '../../../utils/plan-targets';
import type { NextAction } from '../schema';

export interface MenuEntry {
  key: string;
  action: Exclude<NextAction, 'status'>;
  label: string;
  /** Commands that do the same without the menu. */
  commands: string[];
}

/** What to run now: the ready, unfinished achievements and how many can run at once. */
export interface RunPlan {
  /** Every ready, unfinished achievement that is not running, level then id. */
  wave: string[];
  /** Those with an EXECUTION_TASK to work on: execution_created, or failed with a new attempt answering its FIX. */
  runnable: string[];
  /** Failed ones whose latest attempt does not answer the FIX yet: batch-execution creates the new attempt. */
  retry: string[];
  /** Those still without an EXECUTION_TASK (not_started, subplan_created). */
  unprepared: string[];
  /**
   * How many can run at once, the one number the menu's label and its
   * `--parallel=` commands use: the largest number of unfinished achievements
   * on one level, or the ready wave if that is larger (ready achievements of
   * different levels run together). At least 1.
   */
  parallel: number;
}

/**
 * `hasRetryAttempt(id)` tells whether a failed achievement's latest EXECUTION_TASK
 * was created in answer to its current FIX (default: no).
 */
export function planRun(analysis: PlanAnalysis, hasRetryAttempt: (id: string) => boolean = () => false): RunPlan {
  const byId = new Map(analysis.achievements.map((a) => [a.id, a]));
  const run: RunPlan = { wave: [], runnable: [], retry: [], unprepared: [], parallel: 1 };
  for (const wave of analysis.waves) {
    let open = 0;
    for (const id of wave) {
      const a = byId.get(id);
      if (!a || isDoneStatus(a.status)) continue;
      open++;
      if (!a.ready || a.status === 'in_progress') continue;
      run.wave.push(id);
      if (a.status === 'execution_created' || (a.status === 'failed' && hasRetryAttempt(id))) run.runnable.push(id);
      else if (a.status === 'failed') run.retry.push(id);
      else run.unprepared.push(id);
    }
    if (open > run.parallel) run.parallel = open;
  }
  if (run.wave.length > run.parallel) run.parallel = run.wave.length;
  return run;
}

export function nextCommand(planName: string, action: string, extra = ''): string {
  return `npx nx g @nx-plan/plan:next --plan=${shellArg(planName)} --action=${action}${extra ? ` ${extra}` : ''}`;
}

export function buildMenu(analysis: PlanAnalysis, commands: PlanCommands, planName: string, run: RunPlan = planRun(analysis)): MenuEntry[] {
  const runCommands = [commands.execute(run.parallel)];
  if (run.wave.length > 0) runCommands.push(commands.runMany(run.wave, run.parallel));
  const promptTarget = analysis.nextAvailable[0];
  return [
    {
      key: '1',
      action: 'subplans',
      label: 'Batch-create SUBPLANs for the next wave',
      commands: [commands.generator('batch-subplan')],
    },
    {
      key: '2',
      action: 'executions',
      label: 'Batch-create EXECUTION_TASKs for achievements that have a SUBPLAN',
      commands: [commands.generator('batch-execution')],
    },
    {
      key: '3',
      action: 'run',
      label: `Run the plan in parallel (up to ${run.parallel} at once)`,
      commands: runCommands,
    },
    {
      key: '4',
      action: 'graph',
      label: 'View the dependency graph',
      commands: [commands.graph],
    },
    {
      key: '5',
      action: 'prompt',
      label: promptTarget
        ? `Write the execution prompt for the next available achievement (${promptTarget})`
        : 'Write the execution prompt for an achievement (--achievement=<id>)',
      commands: [nextCommand(planName, 'prompt', promptTarget ? `--achievement=${promptTarget}` : '--achievement=<id>')],
    },
    {
      key: '6',
      action: 'fill-subplans',
      label: 'Write a prompt to fill SUBPLANs that still have unfilled sections',
      commands: [nextCommand(planName, 'fill-subplans')],
    },
    {
      key: '7',
      action: 'prepare',
      label: 'Prepare the ready achievements in one step: missing SUBPLANs, then EXECUTION_TASKs',
      commands: [commands.generator('batch-execution', '--createSubplans')],
    },
  ];
}

export function renderMenu(entries: readonly MenuEntry[]): string {
  const lines = ['What next?'];
  for (const entry of entries) {
    lines.push(`  ${entry.key}. ${entry.label}`);
    for (const command of entry.commands) lines.push(`       ${command}`);
  }
  return lines.join('\n');
}
