/**
 * The result of one batch run: what was (or, in a dry run, would be) created,
 * what was skipped and what was refused, each with its reason. Printed for
 * humans through the devkit logger, or as one JSON document on stdout.
 */
import { logger } from '@nx/devkit';

export type BatchGeneratorName = 'batch-subplan' | 'batch-execution';

export interface BatchItem {
  /** Achievement id (absent for refusals that concern the whole plan). */
  id?: string;
  /** Workspace-relative path of the file concerned, when there is one. */
  file?: string;
  /** Why it was skipped or refused (absent for created files). */
  reason?: string;
}

/** How the achievements were chosen, as the user asked. */
export type SelectionDescription = string;

export interface BatchSummary {
  /** Version of this JSON shape. */
  version: 1;
  generator: BatchGeneratorName;
  plan: string;
  /** Workspace-relative plan folder. */
  planDir: string;
  selection: SelectionDescription;
  dryRun: boolean;
  created: BatchItem[];
  skipped: BatchItem[];
  refused: BatchItem[];
  /** Why nothing was selected, when the selection came out empty. */
  note?: string;
  /** What to run next, when there is an obvious next step. */
  next?: string;
}

export function emptySummary(
  generator: BatchGeneratorName,
  plan: string,
  planDir: string,
  selection: SelectionDescription,
  dryRun: boolean,
): BatchSummary {
  return { version: 1, generator, plan, planDir, selection, dryRun, created: [], skipped: [], refused: [] };
}

function itemLine(item: BatchItem): string {
  const head = [item.id, item.file].filter((part) => part !== undefined && part !== '').join('  ');
  if (!item.reason) return `  ${head}`;
  return head === '' ? `  ${item.reason}` : `  ${head} (${item.reason})`;
}

function section(label: string, items: readonly BatchItem[]): string[] {
  return [`${label} (${items.length})${items.length > 0 ? ':' : ''}`, ...items.map(itemLine)];
}

/** The human-readable summary, one line per file. */
export function renderSummary(summary: BatchSummary): string {
  const lines = [
    `${summary.generator} ${summary.plan} (${summary.planDir}), selection: ${summary.selection}${summary.dryRun ? ' (dry run: nothing is written)' : ''}`,
    // A dry run writes nothing: its files are the ones a real run would create.
    ...section(summary.dryRun ? 'would create' : 'created', summary.created),
    ...section('skipped', summary.skipped),
    ...section('refused', summary.refused),
  ];
  if (summary.note) lines.push(`note: ${summary.note}`);
  if (summary.next) lines.push(`next: ${summary.next}`);
  return lines.join('\n');
}

/** The summary as the stable JSON document printed by `--json`. */
export function summaryJson(summary: BatchSummary): string {
  return JSON.stringify(summary, null, 2);
}

/** Print through the devkit logger, or as JSON on stdout (`--json`). */
export function printSummary(summary: BatchSummary, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(`${summaryJson(summary)}\n`);
    return;
  }
  const text = renderSummary(summary);
  if (summary.refused.length > 0) logger.error(text);
  else logger.info(text);
}
