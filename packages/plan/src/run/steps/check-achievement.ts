/**
 * Step 1 of a run: what the plan folder (in the main checkout) says about the
 * achievement. Decides whether to fail at once (plan with errors, unknown or
 * PLAN-only achievement, already running), to end without running (already
 * complete or skipped, waiting for review, dependencies not ready), or to run
 * — and then which files must be prepared first.
 */
import type { Diagnostic } from '@nx-plan/schema';
import {
  deriveFileStatus,
  isDoneStatus,
  hasErrors,
  loadPlanFolder,
  nmOf,
  validatePlan,
  type DerivedStatus,
  type LoadedPlan,
} from '@nx-plan/core';
import type { RunOptions } from '../run-options';

export type CheckResult =
  | { kind: 'fail'; message: string; diagnostics?: Diagnostic[]; plan?: LoadedPlan }
  | { kind: 'end'; message: string; plan: LoadedPlan }
  | {
      kind: 'run';
      plan: LoadedPlan;
      title: string;
      status: DerivedStatus;
      /** No SUBPLAN yet. */
      needsSubplan: boolean;
      /** No EXECUTION_TASK yet, or the latest one was already judged by a FIX: a new attempt is needed. */
      needsAttempt: boolean;
      /** Latest EXECUTION_TASK attempt (0 when none). */
      latestAttempt: number;
    };

/** The dependency tree's file name (`parallel.json` unless the plan uses another known name). */
function parallelName(plan: LoadedPlan): string {
  const file = plan.parallelFile ?? 'parallel.json';
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

export function checkAchievement(options: RunOptions, planLabel: (plan: LoadedPlan) => string): CheckResult {
  const id = options.achievement;
  let plan: LoadedPlan;
  try {
    plan = loadPlanFolder(options.planDirAbs, { strict: options.strict });
  } catch (error) {
    return { kind: 'fail', message: `could not read plan folder ${options.planDir}: ${(error as Error).message}` };
  }
  const diagnostics = validatePlan(plan);
  const node = plan.achievements.find((a) => a.id === id);
  const about = diagnostics.filter((d) => d.message.includes(`achievement ${id} `) || d.message.includes(` ${id},`) || d.message.endsWith(` ${id}`));

  if (node === undefined && hasErrors(diagnostics) && plan.achievements.length === 0) {
    return {
      kind: 'fail',
      plan,
      diagnostics: diagnostics.filter((d) => d.severity === 'error'),
      message: `plan ${plan.name} (${options.planDir}) has errors and no achievement ${id}; fix them first (npx nx run ${planLabel(plan)}:validate)`,
    };
  }
  if (node === undefined) {
    const inPlanOnly = plan.plan?.achievements.some((a) => a.id === id) ?? false;
    if (inPlanOnly) {
      return {
        kind: 'fail',
        plan,
        diagnostics: about.length > 0 ? about : diagnostics.filter((d) => d.code === 'PLAN013'),
        message:
          `achievement ${id} is in the PLAN of ${plan.name} but not in its dependency tree, so it cannot be run yet.\n` +
          `  Add it to ${parallelName(plan)} with its dependencies, then run again (npx nx run ${planLabel(plan)}:validate).`,
      };
    }
    const known = plan.achievements.map((a) => a.id);
    const list = known.length === 0 ? 'it has none' : `it has ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`;
    return { kind: 'fail', plan, message: `plan ${plan.name} (${options.planDir}) has no achievement ${id}; ${list}` };
  }
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const own = errors.filter((d) => about.includes(d));
    return {
      kind: 'fail',
      plan,
      diagnostics: [...own, ...errors.filter((d) => !own.includes(d))],
      message: `plan ${plan.name} has errors, so achievement ${id} is not run; fix them first (npx nx run ${planLabel(plan)}:validate)`,
    };
  }

  const files = plan.files.byNm.get(nmOf(id));
  if (files?.marker && !files.marker.stale) {
    return {
      kind: 'fail',
      plan,
      message:
        `achievement ${id} of ${plan.name} is already in progress (pid ${files.marker.pid ?? '?'}${files.marker.startedAt ? `, since ${files.marker.startedAt}` : ''}); another agent is working on it.\n` +
        `  If no agent is running, delete ${options.planDir}/${files.marker.file} and run again.`,
    };
  }
  const status = deriveFileStatus(files);
  if (isDoneStatus(status)) return { kind: 'end', plan, message: `Achievement ${id} of ${plan.name} is already ${status}; nothing to run.` };
  if (status === 'awaiting_review' && !options.rerun) {
    return {
      kind: 'end',
      plan,
      message:
        `Achievement ${id} of ${plan.name} awaits review of its last agent run; not run again. ` +
        `Record the verdict (execution/feedbacks/APPROVED_${nmOf(id)}.md or a FIX file), or pass --rerun to run the agent again.`,
    };
  }

  // Dependencies: with startDependentsOn "approved" they must be complete or skipped;
  // with "agentSuccess" an agent run that awaits review is enough.
  const enough = (status: DerivedStatus) =>
    isDoneStatus(status) || (options.startDependentsOn !== 'approved' && status === 'awaiting_review');
  const waiting = node.dependencies
    .map((dep) => ({ dep, status: deriveFileStatus(plan.files.byNm.get(nmOf(dep))) }))
    .filter((d) => !enough(d.status));
  if (waiting.length > 0) {
    const list = waiting.map((w) => `${w.dep} (${w.status})`).join(', ');
    const why =
      options.startDependentsOn === 'approved'
        ? 'dependents start when their dependencies are complete or skipped (startDependentsOn: "approved")'
        : 'dependents start when their dependencies\' agents finished (startDependentsOn: "agentSuccess")';
    return { kind: 'end', plan, message: `Achievement ${id} of ${plan.name} not started: it waits for ${list}; ${why}.` };
  }

  const latestAttempt = files && files.executions.length > 0 ? files.executions[files.executions.length - 1].attempt : 0;
  const judged = files?.fix !== undefined && (files.fixAttempt ?? 1) >= latestAttempt;
  return {
    kind: 'run',
    plan,
    title: node.title,
    status,
    needsSubplan: files?.subplan === undefined,
    needsAttempt: latestAttempt === 0 || judged,
    latestAttempt,
  };
}
