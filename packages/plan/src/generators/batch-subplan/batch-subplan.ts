/**
 * `nx g @nx-plan/plan:batch-subplan`: SUBPLAN files for a batch of
 * achievements, prefilled from the PLAN (SPEC §6.3).
 */
import { join, posix } from 'node:path';
import { generateFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { isDoneStatus, nmOf, subplanPath, type AnalyzedAchievement } from '@nx-plan/core';
import { selectAchievements, type Selection } from '../lib/batch-selection';
import type { BatchItem } from '../lib/batch-summary';
import type { BatchPlan } from '../lib/load-batch-plan';
import { checkNewFile, refusalSentence } from '../lib/plan-items';
import { runBatch, type BatchDecision, type BatchRuntime, type PlannedFile } from '../lib/run-batch';
import { describeStatus } from '../lib/describe-status';
import { unknownSelection } from '../lib/unknown-selection';
import type { BatchSubplanGeneratorSchema } from './schema';
import { subplanTemplateData } from './subplan-content';

const TEMPLATES = join(__dirname, 'files');

/** Default wave: ready (every dependency complete or skipped) and no SUBPLAN yet. */
export function needsSubplan(batch: BatchPlan, achievement: AnalyzedAchievement): boolean {
  return achievement.ready && !batch.loaded.files.byNm.get(nmOf(achievement.id))?.subplan;
}

/** What batch-subplan would do for a selection, without writing anything. */
export function decideSubplans(tree: Tree, batch: BatchPlan, selection: Selection): BatchDecision {
  const { loaded, analysis, location } = batch;
  const { achievements, unknown } = selectAchievements(analysis, selection, (a) => needsSubplan(batch, a));
  const invalid = unknownSelection(analysis, selection, unknown, achievements.length);
  if (invalid) return { create: [], skipped: [], refused: invalid.refused, refusal: invalid.refusal };

  const create: PlannedFile[] = [];
  const skipped: BatchItem[] = [];
  const refused: BatchItem[] = [];
  for (const achievement of achievements) {
    const { id } = achievement;
    const check = checkNewFile(tree, location.dir, id, subplanPath(loaded.name, id));
    if (check.kind === 'refused') {
      refused.push(check.item);
      continue;
    }
    if (check.kind === 'exists') {
      skipped.push({ id, file: check.path, reason: 'SUBPLAN exists, left as it is' });
      continue;
    }
    if (isDoneStatus(achievement.status)) {
      const files = loaded.files.byNm.get(nmOf(id));
      skipped.push({ id, file: check.path, reason: `${describeStatus(achievement.status, files)}: no SUBPLAN needed` });
      continue;
    }
    const path = check.path;
    create.push({
      id,
      path,
      write(target) {
        const fileName = posix.basename(path, '.md');
        generateFiles(target, TEMPLATES, posix.dirname(path), { ...subplanTemplateData(loaded, analysis, achievement, fileName) });
      },
    });
  }
  const note =
    selection.kind === 'default' && achievements.length === 0
      ? 'no ready achievement lacks a SUBPLAN (ready means every dependency is complete or skipped); --level, --achievements or --all select others'
      : undefined;
  return { create, skipped, refused, refusal: refused.length > 0 ? refusalSentence(refused) : undefined, note };
}

export async function batchSubplanGenerator(
  tree: Tree,
  options: BatchSubplanGeneratorSchema,
  runtime?: BatchRuntime,
): Promise<GeneratorCallback | void> {
  return runBatch(
    tree,
    options,
    {
      generator: 'batch-subplan',
      defaultLabel: 'next wave: ready achievements without a SUBPLAN',
      decide: (t, batch, selection) => decideSubplans(t, batch, selection),
    },
    runtime,
  );
}

export default batchSubplanGenerator;
