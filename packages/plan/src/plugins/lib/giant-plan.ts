/**
 * Giant plans: above `maxAchievementTargets` achievements a plan gets no
 * per-achievement Nx targets, because Nx's own merge of a project's targets
 * grows faster than linearly with their number and every `nx` command of the
 * workspace would pay for it (measured in docs/performance.md § The plugin at
 * scale). The plan keeps validate/status/graph; `execute` fails with
 * the explanation below, and validate/status report it as PLAN040.
 *
 * One small module for everyone who needs the rule: the plugin (createNodes),
 * the validate/status executors and the `nx-plan` CLI.
 */
import type { Diagnostic } from '@nx-plan/schema';

/** Default of the `maxAchievementTargets` plugin option (see docs/performance.md for the measurements behind it). */
export const DEFAULT_MAX_ACHIEVEMENT_TARGETS = 1000;

/** The limit configured in the plugin options, or the default; a value that is not a non-negative integer is ignored. */
export function maxAchievementTargetsOf(options: { maxAchievementTargets?: unknown } | undefined): number {
  const value = options?.maxAchievementTargets;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MAX_ACHIEVEMENT_TARGETS;
}

/** True when a plan of `achievements` achievements gets no per-achievement targets. */
export function isGiantPlan(achievements: number, limit: number): boolean {
  return achievements > limit;
}

/** Why a giant plan has no per-achievement targets (project metadata, `execute`'s message, PLAN040). */
export function giantPlanReason(planName: string, achievements: number, limit: number): string {
  return (
    `plan ${planName} has ${achievements} achievements, more than maxAchievementTargets (${limit}): ` +
    'it has no per-achievement Nx targets, so execute cannot run it'
  );
}

/** The hint: how to raise the limit, and what it costs. */
export function giantPlanHint(achievements: number): string {
  return (
    `set "maxAchievementTargets": ${achievements} (or more) in the @nx-plan/plan plugin options in nx.json ` +
    '(every nx command then pays for the targets), or split the plan'
  );
}

/**
 * The info diagnostic PLAN040 for a plan above the limit, located at the
 * file that lists the achievements (parallel.json when there is one, else the
 * PLAN); undefined when the plan is within the limit.
 */
export function giantPlanDiagnostic(
  plan: { name: string; file: string },
  achievements: number,
  limit: number
): Diagnostic | undefined {
  if (!isGiantPlan(achievements, limit)) return undefined;
  return {
    code: 'PLAN040',
    severity: 'info',
    message: giantPlanReason(plan.name, achievements, limit),
    hint: giantPlanHint(achievements),
    file: plan.file,
    line: 1,
    column: 1,
  };
}
