/**
 * `@nx-plan/plan:status`: the achievements of each plan with their derived
 * status, next available work, parallel opportunities, time savings and the
 * recommended action. Succeeds whenever the plans could be read (validation
 * problems are part of the report; `validate` is the gate); a plan that could
 * not be read (lib/unreadable-plans) makes it exit non-zero.
 */
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { renderStatus, toStatusDocument } from '@nx-plan/core';
import { analyzePlans } from '../lib/analyze-plans';
import { shouldUseColor } from '../lib/color';
import { emitDocument } from '../lib/emit-document';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { runSafely } from '../lib/run-safely';
import { reportUnreadablePlans } from '../lib/unreadable-plans';
import { writeOutputFile } from '../lib/write-output-file';
import type { StatusExecutorSchema } from './schema';

export const statusExecutor: PromiseExecutor<StatusExecutorSchema> = async (options, context) =>
  runSafely(context, () => status(options, context));

function status(options: StatusExecutorSchema, context: ExecutorContext): boolean {
  const analyses = analyzePlans(resolvePlanFolders(options, context), { strict: options.strict }, context);
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

export default statusExecutor;
