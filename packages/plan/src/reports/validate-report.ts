/**
 * The validate report, shared by the `@nx-plan/plan:validate` executor and
 * `nx-plan validate`: every problem as `file:line:col  severity  CODE  message`
 * with a hint, per plan, or one JSON document. Returns whether validation
 * passed (no errors; no warnings either with `--strict`).
 */
import { renderDiagnostics } from '@nx-plan/core';
import type { Diagnostic } from '@nx-plan/schema';
import { painter, shouldUseColor } from '../executors/lib/color';
import { emitDocument } from '../executors/lib/emit-document';
import { loadPlans } from '../executors/lib/load-plans';
import { relativeDiagnostics } from '../executors/lib/relative-diagnostics';
import type { PlanFolder } from '../executors/lib/resolve-plan-folders';
import { taskLogger } from '../executors/lib/task-logger';
import { writeOutputFile } from '../executors/lib/write-output-file';
import type { ReportContext, ReportOptions } from './report-context';

export const VALIDATE_DOCUMENT_VERSION = 1;

export interface ValidateDocument {
  version: 1;
  plans: ValidatedPlan[];
}

export interface ValidatedPlan {
  name: string;
  dir: string;
  diagnostics: Diagnostic[];
}

export interface ValidateReportOptions extends ReportOptions {
  format?: 'pretty' | 'json';
}

/** Loads and validates the plans (no output). */
export function validatePlans(folders: readonly PlanFolder[], options: { strict?: boolean }, context: Pick<ReportContext, 'root'>): ValidatedPlan[] {
  return loadPlans(folders, { strict: options.strict === true }).map(({ folder, loaded, diagnostics }) => ({
    name: loaded.name,
    dir: folder.rel,
    diagnostics: relativeDiagnostics(diagnostics, context.root),
  }));
}

/** Prints the report of already validated plans; true when they pass. */
export function printValidateReport(plans: readonly ValidatedPlan[], options: ValidateReportOptions, context: Pick<ReportContext, 'root'>): boolean {
  const strict = options.strict === true;
  const all = plans.flatMap((p) => p.diagnostics);
  const errors = count(all, 'error');
  const warnings = count(all, 'warning');
  const success = errors === 0 && (!strict || warnings === 0);

  if (options.format === 'json') {
    const document: ValidateDocument = { version: VALIDATE_DOCUMENT_VERSION, plans: [...plans] };
    emitDocument(context.root, JSON.stringify(document, null, 2), options.outputFile);
    return success;
  }

  const report = (color: boolean) => prettyReport(plans, { color, strict, errors, warnings });
  if (options.outputFile) writeOutputFile(context.root, options.outputFile, report(false));
  process.stdout.write(report(shouldUseColor()));
  if (!success && errors === 0) {
    taskLogger.error(`error: ${warnings} warning${warnings === 1 ? '' : 's'} with --strict`);
  }
  return success;
}

function prettyReport(
  plans: readonly ValidatedPlan[],
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
