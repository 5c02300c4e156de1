/**
 * `@nx-plan/plan:validate`: checks one or more plan folders and prints every
 * problem as `file:line:col  severity  CODE  message` with a hint. Fails on
 * errors, and on warnings too with `--strict`.
 */
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { logger } from '@nx/devkit';
import { renderDiagnostics } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { painter, shouldUseColor } from '../lib/color';
import { emitDocument } from '../lib/emit-document';
import { loadPlans } from '../lib/load-plans';
import { projectNameForFolder } from '../lib/plan-project-names';
import { relativeDiagnostics } from '../lib/relative-diagnostics';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { runSafely } from '../lib/run-safely';
import { writeOutputFile } from '../lib/write-output-file';
import type { ValidateExecutorSchema } from './schema';

export const VALIDATE_DOCUMENT_VERSION = 1;

export interface ValidateDocument {
  version: 1;
  plans: { name: string; dir: string; diagnostics: Diagnostic[] }[];
}

export const validateExecutor: PromiseExecutor<ValidateExecutorSchema> = async (options, context) =>
  runSafely(context, () => validate(options, context));

function validate(options: ValidateExecutorSchema, context: ExecutorContext): boolean {
  const strict = options.strict === true;
  const folders = resolvePlanFolders(options, context);
  const plans = loadPlans(folders, { strict }).map(({ folder, loaded, diagnostics }) => ({
    name: loaded.name,
    dir: folder.rel,
    diagnostics: relativeDiagnostics(diagnostics, context.root),
  }));
  if (options.plan) warnIfOutsideCacheInputs(plans, context);

  const all = plans.flatMap((p) => p.diagnostics);
  const errors = count(all, 'error');
  const warnings = count(all, 'warning');
  const success = errors === 0 && (!strict || warnings === 0);

  if (options.format === 'json') {
    const document: ValidateDocument = { version: VALIDATE_DOCUMENT_VERSION, plans };
    emitDocument(context.root, JSON.stringify(document, null, 2), options.outputFile);
    return success;
  }

  const report = (color: boolean) => prettyReport(plans, { color, strict, errors, warnings });
  if (options.outputFile) writeOutputFile(context.root, options.outputFile, report(false));
  process.stdout.write(report(shouldUseColor()));
  if (!success && errors === 0) {
    logger.error(`error: ${warnings} warning${warnings === 1 ? '' : 's'} with --strict`);
  }
  return success;
}

/**
 * `--plan` can point a cached validate target at a folder that its inputs do
 * not cover; Nx would then replay this result after that folder changes.
 * Say so (on stderr, so JSON output stays clean).
 */
function warnIfOutsideCacheInputs(plans: ValidateDocument['plans'], context: ExecutorContext): void {
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

function prettyReport(
  plans: ValidateDocument['plans'],
  summary: { color: boolean; strict: boolean; errors: number; warnings: number }
): string {
  const paint = painter(summary.color);
  const sections = plans.map((plan) => {
    const errors = count(plan.diagnostics, 'error');
    const warnings = count(plan.diagnostics, 'warning');
    const mark =
      errors > 0 || (summary.strict && warnings > 0)
        ? paint('red', '✖')
        : warnings > 0
          ? paint('yellow', '!')
          : paint('green', '✔');
    const heading = `${mark} ${paint('bold', plan.name)}  ${paint('dim', plan.dir)}`;
    const body = renderDiagnostics(plan.diagnostics, { color: summary.color }).replace(/\n+$/, '');
    return body ? `${heading}\n${body}` : heading;
  });
  let text = sections.join('\n\n') + '\n';
  if (plans.length > 1) {
    text += `\n${plans.length} plans: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}\n`;
  }
  return text;
}

function count(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  let n = 0;
  for (const d of diagnostics) if (d.severity === severity) n++;
  return n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export default validateExecutor;
