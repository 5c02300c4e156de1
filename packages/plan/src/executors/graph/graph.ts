/**
 * `@nx-plan/plan:graph`: the achievement dependency graph as ASCII for the
 * terminal, or as a Mermaid, DOT or JSON document (printed alone, or written
 * to `--outputFile`). The report itself is reports/graph-report (the same one
 * `nx-plan graph` prints).
 */
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { checkGraphFormat, graphReport } from '../../reports/graph-report';
import { executorReportContext } from '../lib/executor-report-context';
import { projectNameForFolder } from '../lib/plan-project-names';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { runSafely } from '../lib/run-safely';
import type { GraphExecutorSchema } from './schema';

export { GRAPH_FORMATS } from '../../reports/graph-report';

export const graphExecutor: PromiseExecutor<GraphExecutorSchema> = async (options, context) =>
  runSafely(context, () => graph(options, context));

function graph(options: GraphExecutorSchema, context: ExecutorContext): boolean {
  const format = checkGraphFormat(options.format);
  return graphReport(
    resolvePlanFolders(options, context),
    {
      ...options,
      format,
      // The aggregate project (`plans`) always gets the multi-plan document, whatever the number of plans.
      multiPlanDocument: !options.plan && options.plans !== undefined,
      onePlanHint: (analyses) => {
        const projects = analyses.map((a) => projectNameForFolder(context, a.dir, a.name));
        return `run it on one plan project (${projects.join(', ')}) or pass --plan=<folder>`;
      },
    },
    executorReportContext(context)
  );
}

export default graphExecutor;
