/**
 * "What is next" for scripts, git hooks and agents (`nx-plan next`): per
 * plan, the achievements that can start now, what can run side by side, and
 * the one recommended action with its command — the tail of the status
 * report without the table — or a small versioned JSON document.
 */
import { formatHours, isDoneStatus, type HoursRange, type PlanAnalysis, type RecommendedAction } from '@nx-plan/core';
import { painter, shouldUseColor } from '../executors/lib/color';
import { emitDocument } from '../executors/lib/emit-document';
import type { PlanFolder } from '../executors/lib/resolve-plan-folders';
import { reportUnreadablePlans } from '../executors/lib/unreadable-plans';
import { analyzePlans } from './analyze-plans';
import type { ReportContext, ReportOptions } from './report-context';

export const NEXT_DOCUMENT_VERSION = 1;

export interface NextDocument {
  version: 1;
  plans: {
    name: string;
    dir: string;
    done: number;
    total: number;
    nextAvailable: { id: string; title: string; status: string; level: number; estimate?: HoursRange }[];
    parallelOpportunities: { level: number; ids: string[] }[];
    recommendedAction: RecommendedAction;
  }[];
}

export interface NextReportOptions extends ReportOptions {
  format?: 'pretty' | 'json';
}

export function toNextDocument(analyses: readonly PlanAnalysis[]): NextDocument {
  return {
    version: NEXT_DOCUMENT_VERSION,
    plans: analyses.map((analysis) => {
      const byId = new Map(analysis.achievements.map((a) => [a.id, a]));
      return {
        name: analysis.name,
        dir: analysis.dir,
        done: analysis.achievements.filter((a) => isDoneStatus(a.status)).length,
        total: analysis.achievements.length,
        nextAvailable: analysis.nextAvailable.map((id) => {
          const a = byId.get(id)!;
          return {
            id,
            title: a.title,
            status: a.status,
            level: a.level,
            ...(a.estimate ? { estimate: { min: a.estimate.min, max: a.estimate.max } } : {}),
          };
        }),
        parallelOpportunities: analysis.parallelOpportunities.map((p) => ({ level: p.level, ids: [...p.ids] })),
        recommendedAction: {
          kind: analysis.recommendedAction.kind,
          message: analysis.recommendedAction.message,
          ...(analysis.recommendedAction.command !== undefined ? { command: analysis.recommendedAction.command } : {}),
          ids: [...analysis.recommendedAction.ids],
        },
      };
    }),
  };
}

export function renderNext(document: NextDocument, color: boolean): string {
  const paint = painter(color);
  return (
    document.plans
      .map((plan) => {
        const lines = [`${paint('bold', `Plan ${plan.name}`)}${paint('dim', `  ${plan.done}/${plan.total} done  ${plan.dir}`)}`];
        if (plan.nextAvailable.length === 0) {
          lines.push(`${paint('bold', 'Next available:')} ${paint('dim', 'none')}`);
        } else {
          lines.push(paint('bold', 'Next available:'));
          for (const a of plan.nextAvailable) {
            const estimate = a.estimate ? paint('dim', `  ${formatHours(a.estimate)}`) : '';
            lines.push(`  ${a.id}  ${a.title}${paint('dim', `  (${a.status}, level ${a.level})`)}${estimate}`);
          }
        }
        for (const p of plan.parallelOpportunities) {
          lines.push(`${paint('bold', 'Side by side:')} level ${p.level}: ${p.ids.join(', ')} ${paint('dim', `(${p.ids.length} at once)`)}`);
        }
        lines.push(`${paint('bold', 'Recommended action:')} ${plan.recommendedAction.message}`);
        if (plan.recommendedAction.command) lines.push(`  ${plan.recommendedAction.command}`);
        return lines.join('\n');
      })
      .join('\n\n') + '\n'
  );
}

export function nextReport(folders: readonly PlanFolder[], options: NextReportOptions, context: ReportContext): boolean {
  const analyses = analyzePlans(folders, { strict: options.strict }, context);
  const readable = !reportUnreadablePlans(analyses);
  const document = toNextDocument(analyses);
  if (options.format === 'json') {
    emitDocument(context.root, JSON.stringify(document, null, 2), options.outputFile);
  } else {
    process.stdout.write(renderNext(document, shouldUseColor()));
  }
  return readable;
}
