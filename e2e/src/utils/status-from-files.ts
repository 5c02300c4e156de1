import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nm } from './fixture-plans';

/**
 * The status SPEC §4 assigns an achievement from the files of its plan folder,
 * first match wins: APPROVED → complete, FIX → failed, SKIPPED → skipped, any
 * EXECUTION_TASK → execution_created, SUBPLAN → subplan_created, else
 * not_started. An independent oracle for what `status --format=json` reports.
 */
export function statusFromFiles(planDir: string, planName: string, id: string): string {
  const n = nm(id);
  const has = (rel: string) => existsSync(join(planDir, rel));
  if (has(`execution/feedbacks/APPROVED_${n}.md`)) return 'complete';
  if (has(`execution/feedbacks/FIX_${n}.md`)) return 'failed';
  if (has(`execution/SKIPPED_${n}.md`)) return 'skipped';
  const executionDir = join(planDir, 'execution');
  const prefix = `EXECUTION_TASK_${planName}_${n}_`;
  if (existsSync(executionDir) && readdirSync(executionDir).some((f) => f.startsWith(prefix) && /^\d+\.md$/.test(f.slice(prefix.length)))) {
    return 'execution_created';
  }
  if (has(`subplans/SUBPLAN_${planName}_${n}.md`)) return 'subplan_created';
  return 'not_started';
}
