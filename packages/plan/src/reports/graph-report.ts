/**
 * The graph report, shared by the `@nx-plan/plan:graph` executor and
 * `nx-plan graph`: ASCII for the terminal, or a Mermaid, DOT or JSON document
 * (printed alone, or written to `--outputFile`). Returns false when a plan
 * could not be read at all.
 */
import { renderGraph, renderGraphJson, type GraphFormat, type PlanAnalysis } from '@nx-plan/core';
import { shouldUseColor } from '../executors/lib/color';
import { emitDocument } from '../executors/lib/emit-document';
import type { PlanFolder } from '../executors/lib/resolve-plan-folders';
import { reportUnreadablePlans } from '../executors/lib/unreadable-plans';
import { UsageError } from '../executors/lib/usage-error';
import { analyzePlans } from './analyze-plans';
import type { ReportContext, ReportOptions } from './report-context';

export const GRAPH_FORMATS: readonly GraphFormat[] = ['ascii', 'mermaid', 'dot', 'json'];

export interface GraphReportOptions extends ReportOptions {
  format?: GraphFormat;
  /**
   * The JSON format's shape: true gives `{ version, plans: [...] }` whatever
   * the number of plans (the aggregate project, several plans), false core's
   * single-plan graph document (which needs exactly one plan).
   */
  multiPlanDocument: boolean;
  /** How to pick one plan, for the error when Mermaid is asked for several. */
  onePlanHint(analyses: readonly PlanAnalysis[]): string;
}

/** Throws UsageError for an unknown format. */
export function checkGraphFormat(format: string | undefined): GraphFormat {
  const f = (format ?? 'ascii') as GraphFormat;
  if (!GRAPH_FORMATS.includes(f)) {
    throw new UsageError(`unknown --format "${format}"; use one of ${GRAPH_FORMATS.join(', ')}`);
  }
  return f;
}

export function graphReport(folders: readonly PlanFolder[], options: GraphReportOptions, context: ReportContext): boolean {
  const format = checkGraphFormat(options.format);
  const analyses = analyzePlans(folders, { strict: options.strict }, context);
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

  emitDocument(context.root, documentOf(analyses, format, options), options.outputFile);
  return readable;
}

function documentOf(analyses: readonly PlanAnalysis[], format: Exclude<GraphFormat, 'ascii'>, options: GraphReportOptions): string {
  if (format === 'json') {
    if (options.multiPlanDocument || analyses.length !== 1) {
      const plans = analyses.map((a) => JSON.parse(renderGraphJson(a)) as unknown);
      return JSON.stringify({ version: 1, plans }, null, 2);
    }
    return renderGraphJson(analyses[0]);
  }
  if (format === 'mermaid' && analyses.length > 1) {
    throw new UsageError(`--format=mermaid draws one plan, and ${analyses.length} are selected; ${options.onePlanHint(analyses)}`);
  }
  return analyses.map((a) => renderGraph(a, format).replace(/\n+$/, '')).join('\n\n');
}
