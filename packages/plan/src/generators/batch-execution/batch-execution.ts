/**
 * `nx g @nx-plan/plan:batch-execution`: EXECUTION_TASK files for a batch of
 * achievements, prefilled from their SUBPLAN and, for a retry, the FIX
 * feedback (SPEC §6.3).
 */
import { join, posix } from 'node:path';
import { generateFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import {
  defaultProjectName,
  executionPath,
  fixPath,
  formatAttempt,
  isDoneStatus,
  nmOf,
  subplanPath,
  type AchievementFiles,
  type AnalyzedAchievement,
  type PlanAnalysis,
} from '@nx-plan/core';
import { decideSubplans } from '../batch-subplan/batch-subplan';
import { BatchRefusal } from '../lib/batch-refusal';
import { selectAchievements, type Selection } from '../lib/batch-selection';
import type { BatchItem, BatchSummary } from '../lib/batch-summary';
import { describeStatus } from '../lib/describe-status';
import type { BatchPlan } from '../lib/load-batch-plan';
import { checkNewFile, refusalSentence } from '../lib/plan-items';
import { runBatch, type BatchDecision, type BatchRuntime, type PlannedFile } from '../lib/run-batch';
import { unknownSelection } from '../lib/unknown-selection';
import { executionTemplateData, type RetryContext } from './execution-content';
import { answersFix } from './fix-answer-marker';
import type { BatchExecutionGeneratorSchema } from './schema';

const TEMPLATES = join(__dirname, 'files');

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function filesOf(batch: BatchPlan, id: string): AchievementFiles {
  return batch.loaded.files.byNm.get(nmOf(id)) ?? { executions: [] };
}

/** Default wave: ready, has a SUBPLAN, and either no EXECUTION_TASK yet or a FIX asking for another attempt. */
export function needsExecution(batch: BatchPlan, achievement: AnalyzedAchievement): boolean {
  const files = filesOf(batch, achievement.id);
  if (!achievement.ready || !files.subplan) return false;
  return files.executions.length === 0 || achievement.status === 'failed';
}

function readInPlan(tree: Tree, batch: BatchPlan, relativePath: string): string | undefined {
  const path = `${batch.location.dir}/${relativePath}`;
  return tree.exists(path) && tree.isFile(path) ? (tree.read(path, 'utf-8') ?? undefined) : undefined;
}

function checkAttemptOption(options: BatchExecutionGeneratorSchema): void {
  if (options.attempt === undefined || options.attempt === null) return;
  const attempt = Number(options.attempt);
  if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > 999) {
    throw new BatchRefusal(`--attempt=${options.attempt} is not an attempt number: give a whole number from 1 to 999`);
  }
}

export interface ExecutionDecisionOptions {
  /** Force this attempt number. */
  forcedAttempt?: number;
  /** Create the missing SUBPLANs of the selection too (in the same Tree), instead of refusing. */
  createSubplans?: boolean;
}

/** What batch-execution would do for a selection, without writing anything. */
export function decideExecutions(tree: Tree, batch: BatchPlan, selection: Selection, options: ExecutionDecisionOptions | number = {}): BatchDecision {
  const { forcedAttempt, createSubplans = false } = typeof options === 'number' ? { forcedAttempt: options } : options;
  const { loaded, analysis, location } = batch;
  // Default candidates: ready with a SUBPLAN (or without, when it is created here).
  // Those that need no new attempt are listed as skipped below.
  const { achievements, unknown } = selectAchievements(
    analysis,
    selection,
    (a) => a.ready && (createSubplans ? a.status !== 'in_progress' : Boolean(filesOf(batch, a.id).subplan)),
  );
  const invalid = unknownSelection(analysis, selection, unknown, achievements.length);
  if (invalid) return { create: [], skipped: [], refused: invalid.refused, refusal: invalid.refusal };

  const lacksSubplan = (a: AnalyzedAchievement) => !filesOf(batch, a.id).subplan && a.status !== 'complete' && a.status !== 'skipped';
  const missing = achievements.filter((a) => lacksSubplan(a) && !(createSubplans && a.status === 'in_progress'));
  if (missing.length > 0 && !createSubplans) {
    const ids = missing.map((a) => a.id);
    return {
      create: [],
      skipped: [],
      refused: missing.map((a) => ({ id: a.id, file: `${location.dir}/${subplanPath(loaded.name, a.id)}`, reason: 'no SUBPLAN' })),
      refusal: `${ids.join(', ')} ${ids.length === 1 ? 'has' : 'have'} no SUBPLAN; create ${ids.length === 1 ? 'it' : 'them'} first with npx nx g @nx-plan/plan:batch-subplan --plan=${loaded.name} --achievements=${ids.join(',')} (or add --createSubplans)`,
    };
  }

  const create: PlannedFile[] = [];
  const skipped: BatchItem[] = [];
  const refused: BatchItem[] = [];
  /** Workspace-relative SUBPLAN paths created in this batch, by achievement id. */
  const newSubplans = new Map<string, string>();
  if (missing.length > 0) {
    const subplans = decideSubplans(tree, batch, { kind: 'achievements', ids: missing.map((a) => a.id) });
    if (subplans.refused.length > 0) return { create: [], skipped: [], refused: subplans.refused, refusal: subplans.refusal };
    for (const file of subplans.create) newSubplans.set(file.id, file.path);
    create.push(...subplans.create);
  }
  if (selection.kind === 'default' && !createSubplans) {
    // Ready work the default cannot take yet: say why, so the next step is obvious.
    for (const a of analysis.achievements) {
      if (a.ready && !filesOf(batch, a.id).subplan) {
        skipped.push({ id: a.id, file: `${location.dir}/${subplanPath(loaded.name, a.id)}`, reason: 'ready but no SUBPLAN yet; run batch-subplan first, or add --createSubplans' });
      }
    }
  }
  for (const achievement of achievements) {
    const { id } = achievement;
    const files = filesOf(batch, id);
    if (isDoneStatus(achievement.status) || achievement.status === 'in_progress') {
      skipped.push({ id, reason: describeStatus(achievement.status, files) });
      continue;
    }
    const latest = files.executions[files.executions.length - 1];
    const fixText = files.fix !== undefined ? readInPlan(tree, batch, files.fix) : undefined;
    const retry: RetryContext | undefined =
      files.fix !== undefined && fixText !== undefined ? { fixFile: files.fix, fixText, previousAttempt: latest?.file } : undefined;

    let attempt: number;
    if (forcedAttempt !== undefined) {
      attempt = forcedAttempt;
    } else if (latest && !retry) {
      skipped.push({ id, file: `${location.dir}/${latest.file}`, reason: `attempt exists and no ${basename(fixPath(id))} asks for another` });
      continue;
    } else if (latest && retry && answersFix(readInPlan(tree, batch, latest.file), retry.fixText)) {
      skipped.push({ id, file: `${location.dir}/${latest.file}`, reason: `already answers ${basename(retry.fixFile)}; update the FIX file for another attempt` });
      continue;
    } else {
      attempt = (latest?.attempt ?? 0) + 1;
    }

    let check = checkNewFile(tree, location.dir, id, executionPath(loaded.name, id, attempt));
    while (forcedAttempt === undefined && check.kind === 'exists') {
      attempt += 1;
      check = checkNewFile(tree, location.dir, id, executionPath(loaded.name, id, attempt));
    }
    if (check.kind === 'refused') {
      refused.push(check.item);
      continue;
    }
    if (check.kind === 'exists') {
      refused.push({ id, file: check.path, reason: `attempt ${formatAttempt(attempt)} exists (--attempt=${attempt}); pick a free number or drop --attempt` });
      continue;
    }
    const newSubplan = newSubplans.get(id);
    const subplanFile = newSubplan !== undefined ? subplanPath(loaded.name, id) : (files.subplan as string);
    // A SUBPLAN created in this batch is read back from the Tree when the EXECUTION_TASK is written (after it).
    const subplanText = newSubplan !== undefined ? undefined : (readInPlan(tree, batch, subplanFile) ?? '');
    const path = check.path;
    const attemptText = formatAttempt(attempt);
    create.push({
      id,
      path,
      write(target) {
        const text = subplanText ?? (target.read(newSubplan as string, 'utf-8') ?? '');
        const data = executionTemplateData(loaded, achievement, { file: subplanFile, text }, attemptText, posix.basename(path, '.md'), retry);
        generateFiles(target, TEMPLATES, posix.dirname(path), { ...data });
      },
    });
  }
  const note =
    selection.kind === 'default' && create.length === 0
      ? createSubplans
        ? 'no ready achievement needs a new EXECUTION_TASK (a new attempt follows a FIX file, or pass --attempt)'
        : 'no ready achievement with a SUBPLAN needs a new EXECUTION_TASK (a new attempt follows a FIX file, or pass --attempt)'
      : undefined;
  return { create: orderSubplansFirst(create), skipped, refused, refusal: refused.length > 0 ? refusalSentence(refused) : undefined, note };
}

/** SUBPLANs before EXECUTION_TASKs: an EXECUTION_TASK is prefilled from the SUBPLAN written just before it. */
function orderSubplansFirst(files: PlannedFile[]): PlannedFile[] {
  const isSubplan = (f: PlannedFile) => /\/SUBPLAN_[^/]*$/.test(f.path);
  return [...files.filter(isSubplan), ...files.filter((f) => !isSubplan(f))];
}

/**
 * After new attempts, the next step is to run them. The engine would still
 * recommend a retry for an achievement whose FIX file stays in place after
 * this batch answered it, so that recommendation is replaced when every id
 * it names got its attempt here.
 */
export function nextAfterExecutions(after: PlanAnalysis, summary: BatchSummary): string | undefined {
  const action = after.recommendedAction;
  const created = new Set(summary.created.map((c) => c.id));
  const answered = new Set(summary.skipped.filter((s) => s.reason?.startsWith('already answers')).map((s) => s.id));
  if (action.kind !== 'retry-failed' || !action.ids.every((id) => created.has(id) || answered.has(id))) return action.command;
  const runnable = new Set(created);
  for (const a of after.achievements) if (a.ready && a.status === 'execution_created') runnable.add(a.id);
  for (const id of answered) runnable.add(id as string);
  return `npx nx run ${defaultProjectName(after.name)}:execute --parallel=${Math.max(1, runnable.size)}`;
}

export async function batchExecutionGenerator(
  tree: Tree,
  options: BatchExecutionGeneratorSchema,
  runtime?: BatchRuntime,
): Promise<GeneratorCallback | void> {
  return runBatch(
    tree,
    options,
    {
      generator: 'batch-execution',
      defaultLabel: options.createSubplans
        ? 'ready achievements without an EXECUTION_TASK, plus failed ones; missing SUBPLANs created first'
        : 'ready achievements with a SUBPLAN and no EXECUTION_TASK, plus failed ones',
      checkOptions: checkAttemptOption,
      next: nextAfterExecutions,
      decide: (t, batch, selection, opts) =>
        decideExecutions(t, batch, selection, {
          forcedAttempt: opts.attempt === undefined || opts.attempt === null ? undefined : Number(opts.attempt),
          createSubplans: opts.createSubplans === true,
        }),
    },
    runtime,
  );
}

export default batchExecutionGenerator;
