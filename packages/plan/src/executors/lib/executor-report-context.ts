/** The report context of an executor: its workspace root, project names from Nx's project configurations. */
import type { ExecutorContext } from '@nx/devkit';
import type { ReportContext } from '../../reports/report-context';
import { projectNameForFolder } from './plan-project-names';

export function executorReportContext(context: ExecutorContext): ReportContext {
  return { root: context.root, projectNameOf: (relDir, planName) => projectNameForFolder(context, relDir, planName) };
}
