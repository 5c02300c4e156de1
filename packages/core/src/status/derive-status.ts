// STUB (owner: core-loader helper)
import type { AchievementFiles, DerivedStatus } from '../model/types';
/** SPEC §4: in_progress marker (live) → in_progress; APPROVED → complete; FIX → failed; SKIPPED → skipped; EXECUTION_TASK → execution_created; SUBPLAN → subplan_created; else not_started. */
export function deriveStatus(files: AchievementFiles | undefined): DerivedStatus { throw new Error('not implemented'); }
