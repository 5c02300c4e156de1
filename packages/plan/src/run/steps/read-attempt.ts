/**
 * The achievement's files in the plan folder the agent works in (the
 * worktree's copy when isolated): its SUBPLAN, latest EXECUTION_TASK attempt
 * and latest FIX — what the next command runs on and what must be prepared.
 */
import { loadPlanFolder, nmOf } from '@nx-plan/core';

export interface AttemptState {
  subplanFile?: string;
  latest?: { attempt: number; file: string };
  fixFile?: string;
  fixAttempt?: number;
  /** A new EXECUTION_TASK is needed: none yet, or the latest was judged by a FIX. */
  needsAttempt: boolean;
}

export function readAttempt(planDirAbs: string, achievement: string, strict: boolean): AttemptState {
  const files = loadPlanFolder(planDirAbs, { strict }).files.byNm.get(nmOf(achievement));
  const latest = files && files.executions.length > 0 ? files.executions[files.executions.length - 1] : undefined;
  const fixAttempt = files?.fix !== undefined ? (files.fixAttempt ?? 1) : undefined;
  return {
    ...(files?.subplan !== undefined ? { subplanFile: files.subplan } : {}),
    ...(latest ? { latest: { attempt: latest.attempt, file: latest.file } } : {}),
    ...(files?.fix !== undefined ? { fixFile: files.fix, fixAttempt } : {}),
    needsAttempt: latest === undefined || (fixAttempt !== undefined && fixAttempt >= latest.attempt),
  };
}
