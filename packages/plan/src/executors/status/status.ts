/**
 * `@nx-plan/plan:status`: the achievements of each plan with their derived
 * status, next available work, parallel opportunities, time savings and the
 * recommended action. Succeeds whenever the plans could be read (validation
 * problems are part of the report; `validate` is the gate); a plan that could
 * not be read (lib/unreadable-plans) makes it exit non-zero. The report itself
 * is reports/status-report (the same one `nx-plan status` prints).
 */
import type { PromiseExecutor } from '@nx/devkit';
import { statusReport } from '../../reports/status-report';
import { executorReportContext } from '../lib/executor-report-context';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { runSafely } from '../lib/run-safely';
import type { StatusExecutorSchema } from './schema';

export const statusExecutor: PromiseExecutor<StatusExecutorSchema> = async (options, context) =>
  runSafely(context, () => statusReport(resolvePlanFolders(options, context), options, executorReportContext(context)));

export default statusExecutor;
