/**
 * Step: the git-ignored run record in the main checkout's plan folder
 * (`execution/.runs/RUN_<NM>.json`) that tells `status` and `validate` where
 * an achievement's work was left (merge conflict, dirty files, review gave
 * up, interrupted); removed when the achievement lands.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runRecordContent, runRecordPath, type RunRecord } from '@nx-plan/core';

export function writeRunRecord(mainPlanDirAbs: string, record: RunRecord): void {
  const abs = join(mainPlanDirAbs, runRecordPath(record.achievement));
  mkdirSync(dirname(abs), { recursive: true });
  const temp = `${abs}.${process.pid}.tmp`;
  writeFileSync(temp, runRecordContent(record));
  // rename: a reader never sees half a record
  renameSync(temp, abs);
}

export function removeRunRecord(mainPlanDirAbs: string, achievement: string): void {
  rmSync(join(mainPlanDirAbs, runRecordPath(achievement)), { force: true });
}
