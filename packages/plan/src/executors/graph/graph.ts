/**
 * `@nx-plan/plan:graph`: the achievement dependency graph as ASCII for the
 * terminal, or as a Mermaid, DOT or JSON document (printed alone, or written
 * to `--outputFile`).
 */
import type { ExecutorContext, PromiseExecutor } from '@nx/devkit';
import { renderGraph, renderGraphJson, type GraphFormat, type PlanAnalysis } from '@nx-plan/core';
import { analyzePlans } from '../lib/analyze-plans';
import { shouldUseColor } from '../lib/color';
import { emitDocument } from '../lib/emit-document';
import { projectNameForFolder } from '../lib/plan-project-names';
import { resolvePlanFolders } from '../lib/resolve-plan-folders';
import { runSafely } from '../lib/run-safely';
import { reportUnreadablePlans } from '../lib/unreadable-plans';
import { UsageError } from '../lib/usage-error';
import { writeOutputFile } from '../lib/write-output-file';
import type { GraphExecutorSchema } from './schema';

export const GRAPH_FORMATS: readonly GraphFormat[] = ['ascii', 'mermaid', 'dot', 'json'];

export const graphExecutor: PromiseExecutor<GraphExecutorSchema> = async (options, context) =>
  runSafely(context, () => graph(options, context));

function graph(options: GraphExecutorSchema, context: ExecutorContext): boolean {
  const format = options.format ?? 'ascii';
  if (!GRAPH_FORMATS.includes(format)) {
    throw new UsageError(`unknown --format "${format}"; use one of ${GRAPH_FORMATS.join(', ')}`);
  }
  const analyses = analyzePlans(resolvePlanFolders(options, context), { strict: options.strict }, context);
  const readable = !reportUnreadablePlans(analyses);

  if (format === 'ascii') {
    const text = (color: boolean) =>
      analyses
        .map((a) => {
          const drawing = renderGraph(a, 'ascii', { color }).replace(/\n+$/, '');
          return analyses.length > 1 ? `${a.name}  (${a.dir})\n${drawing}` : drawing;
        })
        .join('\n\n') + '\n';
    if (options.outputFile) {
      emitDocument(context.root, text(false), options.outputFile);
    } else {
      process.stdout.write(text(shouldUseColor()));
    }
    return readable;
  }

  emitDocument(context.root, documentOf(analyses, format, options, context), options.outputFile);
  return readable;
}

function documentOf(
  analyses: readonly PlanAnalysis[],
  format: Exclude<GraphFormat, 'ascii'>,
  options: GraphExecutorSchema,
  context: ExecutorContext
): string {
  // The aggregate project (`plans`) always gets the multi-plan document,
  // whatever the number of plans; a single plan gets core's graph document.
  if (format === 'json') {
    if (!options.plan && (options.plans !== undefined || analyses.length !== 1)) {
      const plans = analyses.map((a) => JSON.parse(renderGraphJson(a)) as unknown);
      return JSON.stringify({ version: 1, plans }, null, 2);
    }
    return renderGraphJson(analyses[0]);
  }
  if (format === 'mermaid' && analyses.length > 1) {
    const projects = analyses.map((a) => projectNameForFolder(context, a.dir, a.name));
    throw new UsageError(
      `--format=mermaid draws one plan, and ${analyses.length} are selected; run it on one plan project (${projects.join(', ')}) or pass --plan=<folder>`
    );
  }
  return analyses.map((a) => renderGraph(a, format).replace(/\n+$/, '')).join('\n\n');
}

export default graphExecutor;
