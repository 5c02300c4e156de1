/**
 * The shared life cycle of a batch generator: select → lock → load and check
 * the plan → decide each file → refuse or confirm → write through the Tree →
 * summarise. Every refusal throws before the generator returns, so Nx never
 * flushes a partial batch; the plan lock is held until Nx has flushed.
 */
import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { analyzePlan, loadPlanFromSource, type PlanAnalysis } from '@nx-plan/core';
import { treePlanSource } from '../../utils/tree-plan';
import { BatchRefusal } from './batch-refusal';
import { batchProgress } from './batch-progress';
import { describeSelection, parseSelection, type BatchSelectionOptions, type Selection } from './batch-selection';
import { emptySummary, printSummary, type BatchGeneratorName, type BatchItem, type BatchSummary } from './batch-summary';
import { confirmBatch, exitOnPromptInterrupt, isDryRun, PromptInterrupted, type ConfirmIo } from './confirm-batch';
import { loadBatchPlan, resolveBatchPlan, type BatchPlan } from './load-batch-plan';
import { acquirePlanLock, type PlanLockOptions } from './plan-lock';

/** Options every batch generator takes. */
export interface BatchCommonOptions extends BatchSelectionOptions {
  plan?: string;
  yes?: boolean;
  json?: boolean;
  strict?: boolean;
  skipFormat?: boolean;
}

/** One file the batch will create. */
export interface PlannedFile {
  id: string;
  /** Workspace-relative path. */
  path: string;
  /** Writes the file into the tree (through generateFiles). */
  write(tree: Tree): void;
}

/** What a generator decided for its selection. */
export interface BatchDecision {
  create: PlannedFile[];
  skipped: BatchItem[];
  /** Any entry refuses the whole batch. */
  refused: BatchItem[];
  /** One-line reason used in the thrown error when `refused` is not empty. */
  refusal?: string;
  /** Shown when nothing was selected. */
  note?: string;
}

export interface BatchDefinition<O extends BatchCommonOptions> {
  generator: BatchGeneratorName;
  /** How the default selection is described in the summary. */
  defaultLabel: string;
  /** Extra option checks, before anything is read. */
  checkOptions?(options: O): void;
  decide(tree: Tree, batch: BatchPlan, selection: Selection, options: O): BatchDecision;
  /** The next command, from the plan as it is after this batch; default: the engine's recommended action. */
  next?(after: PlanAnalysis, summary: BatchSummary): string | undefined;
}

/** Test seams: confirmation I/O, lock timing, dry-run detection. */
export interface BatchRuntime {
  io?: ConfirmIo;
  lock?: PlanLockOptions;
  dryRun?: boolean;
  /** Ends the process after Ctrl+C at the prompt; default process.exit. */
  exit?: (code: number) => never | void;
}

function listIds(items: readonly BatchItem[]): string {
  return items.map((item) => item.id ?? item.file ?? '?').join(', ');
}

export async function runBatch<O extends BatchCommonOptions>(
  tree: Tree,
  options: O,
  definition: BatchDefinition<O>,
  runtime: BatchRuntime = {},
): Promise<GeneratorCallback | void> {
  const { generator } = definition;
  const dryRun = runtime.dryRun ?? isDryRun();
  const selection = parseSelection(options);
  definition.checkOptions?.(options);
  const location = resolveBatchPlan(tree, options.plan);

  const lock = dryRun ? undefined : await acquirePlanLock(tree.root, location.dir, runtime.lock);
  try {
    // Read the plan only now: under the lock, a concurrent run's files are on disk.
    const batch = loadBatchPlan(tree, location, generator, options.strict ?? false);
    const summary: BatchSummary = emptySummary(generator, location.name, location.dir, describeSelection(selection, definition.defaultLabel), dryRun);
    const decision = definition.decide(tree, batch, selection, options);
    summary.skipped = decision.skipped;
    if (decision.create.length === 0 && decision.refused.length === 0) summary.note = decision.note;

    if (decision.refused.length > 0) {
      summary.refused = decision.refused;
      printSummary(summary, options.json);
      throw new BatchRefusal(
        `${generator} refused: ${decision.refusal ?? `cannot act on ${listIds(decision.refused)}`}; nothing was written`,
      );
    }

    const files = decision.create;
    if (files.length > 0) {
      const preview = () => logger.info([`${generator} ${location.name}: about to create`, ...files.map((f) => `  ${f.id}  ${f.path}`)].join('\n'));
      const confirmed = await confirmBatch({ generator, count: files.length, yes: options.yes, dryRun, preview }, runtime.io);
      if (!confirmed) {
        summary.skipped = [...files.map((f) => ({ id: f.id, file: f.path, reason: 'not confirmed' })), ...summary.skipped];
        printSummary(summary, options.json);
        lock?.release();
        return;
      }
    }

    const progress = batchProgress(generator, files.length);
    for (const file of files) {
      // generateFiles replaces `__<key>__` in the whole target path: a folder named like that would move the file.
      if (/__[A-Za-z]\w*__/.test(file.path)) {
        throw new BatchRefusal(`${generator} cannot write ${file.path}: "__name__"-style segments in the plan folder clash with template substitution; rename the folder; nothing was written`);
      }
      file.write(tree);
      summary.created.push({ id: file.id, file: file.path });
      progress.tick();
    }
    if (files.length > 0 && !options.skipFormat) await formatFiles(tree);

    const after = analyzePlan(loadPlanFromSource(treePlanSource(tree, location.dir), { strict: options.strict }), { strict: options.strict });
    summary.next = definition.next ? definition.next(after, summary) : after.recommendedAction.command;
    printSummary(summary, options.json);

    if (!lock) return;
    if (files.length === 0) {
      lock.release();
      return;
    }
    // Nx runs this after flushing the tree; process exit releases it otherwise.
    return () => lock.release();
  } catch (error) {
    lock?.release();
    if (error instanceof PromptInterrupted) {
      exitOnPromptInterrupt(generator, runtime.exit);
      return;
    }
    throw error;
  }
}
