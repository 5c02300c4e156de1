/**
 * `@nx-plan/plan:validate`: checks one or more plan folders and prints every
 * problem as `file:line:col  severity  CODE  message` with a hint. Fails on
 * errors, and on warnings too with `--strict`. The report itself is
 * reports/validate-report (the same one `nx-plan validate` prints).
 */
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { logger } from '@nx/devkit';
import { printValidateReport, validatePlans, type ValidatedPlan } from '../../reports/validate-report';
import { projectNameForFolder } from '../lib/plan-project-names';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { runSafely } from '../lib/run-safely';
import type { ValidateExecutorSchema } from './schema';

export { VALIDATE_DOCUMENT_VERSION } from '../../reports/validate-report';
export type { ValidateDocument } from '../../reports/validate-report';

export const validateExecutor: PromiseExecutor<ValidateExecutorSchema> = async (options, context) =>
  runSafely(context, () => validate(options, context));

function validate(options: ValidateExecutorSchema, context: ExecutorContext): boolean {
  const plans = validatePlans(resolvePlanFolders(options, context), { strict: options.strict }, context);
  if (options.plan) warnIfOutsideCacheInputs(plans, context);
  return printValidateReport(plans, options, context);
}

/**
 * `--plan` can point a cached validate target at a folder that its inputs do
 * not cover; Nx would then replay this result after that folder changes.
 * Say so (on stderr, so JSON output stays clean).
 */
function warnIfOutsideCacheInputs(plans: readonly ValidatedPlan[], context: ExecutorContext): void {
  if (!context.projectName || !context.targetName) return;
  const project = context.projectsConfigurations?.projects?.[context.projectName];
  const target = project?.targets?.[context.targetName];
  if (!project || !target?.cache) return;
  const covered = new Set<string>([project.root, ...((target.options?.plans as string[] | undefined) ?? [])]);
  for (const plan of plans) {
    if (covered.has(plan.dir)) continue;
    logger.warn(
      `warning: ${plan.dir} is not an input of ${context.projectName}:${context.targetName}, so Nx may replay ` +
        `this result from its cache after ${plan.dir} changes; run it with --skip-nx-cache, or run ` +
        `nx run ${projectNameForFolder(context, plan.dir, plan.name)}:${context.targetName}`
    );
  }
}

export default validateExecutor;
