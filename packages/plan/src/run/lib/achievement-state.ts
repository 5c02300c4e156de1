/**
 * What the plan folder says about the achievement to run: the plan must load
 * without errors, the achievement must exist, and its status, SUBPLAN, latest
 * EXECUTION_TASK attempt and FIX feedback are read from the files.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@nx-plan/schema';
import {
  deriveStatus,
  executionPath,
  hasErrors,
  loadPlanFolder,
  nmOf,
  subplanPath,
  validatePlan,
  type AchievementFiles,
  type DerivedStatus,
  type LoadedPlan,
} from '@nx-plan/core';

export type AchievementState =
  | { kind: 'invalid-plan'; plan: LoadedPlan; diagnostics: Diagnostic[] }
  | { kind: 'unknown-achievement'; plan: LoadedPlan; known: string[] }
  | { kind: 'done'; plan: LoadedPlan; status: DerivedStatus }
  | { kind: 'missing-subplan'; plan: LoadedPlan; expected: string; isDirectory: boolean }
  | { kind: 'missing-execution'; plan: LoadedPlan; expected: string; isDirectory: boolean; subplanFile: string }
  | {
      kind: 'runnable';
      plan: LoadedPlan;
      status: DerivedStatus;
      /** Paths relative to the plan folder. */
      subplanFile: string;
      executionFile: string;
      attempts: number;
      fixFile?: string;
    };

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/** Status from lifecycle files only, ignoring any in_progress marker (markers are handled by the runner). */
export function fileStatus(files: AchievementFiles | undefined): DerivedStatus {
  if (files === undefined) return deriveStatus(undefined);
  const { marker: _marker, ...withoutMarker } = files;
  return deriveStatus({ ...withoutMarker });
}

export function readAchievementState(planDirAbs: string, achievement: string): AchievementState {
  const plan = loadPlanFolder(planDirAbs);
  const diagnostics = validatePlan(plan);
  if (hasErrors(diagnostics)) {
    return { kind: 'invalid-plan', plan, diagnostics: diagnostics.filter((d) => d.severity === 'error') };
  }
  if (!plan.achievements.some((a) => a.id === achievement)) {
    return { kind: 'unknown-achievement', plan, known: plan.achievements.map((a) => a.id) };
  }

  const files = plan.files.byNm.get(nmOf(achievement));
  const status = fileStatus(files);
  if (status === 'complete' || status === 'skipped') return { kind: 'done', plan, status };

  if (files?.subplan === undefined) {
    const expected = subplanPath(plan.name, achievement);
    return { kind: 'missing-subplan', plan, expected, isDirectory: isDirectory(join(planDirAbs, expected)) };
  }
  const latest = files.executions.length > 0 ? files.executions[files.executions.length - 1] : undefined;
  if (latest === undefined) {
    const expected = executionPath(plan.name, achievement, 1);
    return {
      kind: 'missing-execution',
      plan,
      expected,
      isDirectory: isDirectory(join(planDirAbs, expected)),
      subplanFile: files.subplan,
    };
  }
  return {
    kind: 'runnable',
    plan,
    status,
    subplanFile: files.subplan,
    executionFile: latest.file,
    attempts: files.executions.length,
    ...(files.fix !== undefined ? { fixFile: files.fix } : {}),
  };
}
