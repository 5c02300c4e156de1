/**
 * The status report, shared by the `@nx-plan/plan:status` executor and
 * `nx-plan status`: each plan's table of achievements with derived status,
 * next available work, parallel opportunities, time savings and the
 * recommended action, or the versioned status document (docs/status-json.md).
 * Returns false when a plan could not be read at all (executors/lib/unreadable-plans).
 */
import { renderStatus, toStatusDocument } from '@nx-plan/core';
import { shouldUseColor } from '../executors/lib/color';
import { emitDocument } from '../executors/lib/emit-document';
import type { PlanFolder } from '../executors/lib/resolve-plan-folders';
import { reportUnreadablePlans } from '../executors/lib/unreadable-plans';
import { writeOutputFile } from '../executors/lib/write-output-file';
import { analyzePlans } from './analyze-plans';
import type { ReportContext, ReportOptions } from './report-context';

export interface StatusReportOptions extends ReportOptions {
  format?: 'pretty' | 'json';
}

export function statusReport(folders: readonly PlanFolder[], options: StatusReportOptions, context: ReportContext): boolean {
  const analyses = analyzePlans(folders, { strict: options.strict }, context);
  const readable = !reportUnreadablePlans(analyses);

  if (options.format === 'json') {
    emitDocument(context.root, JSON.stringify(toStatusDocument(analyses), null, 2), options.outputFile);
    return readable;
  }

  const report = (color: boolean) =>
    analyses.map((analysis) => renderStatus(analysis, { color }).replace(/\n+$/, '')).join('\n\n') + '\n';
  if (options.outputFile) writeOutputFile(context.root, options.outputFile, report(false));
  process.stdout.write(report(shouldUseColor()));
  return readable;
}
