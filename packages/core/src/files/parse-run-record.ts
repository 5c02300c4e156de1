/**
 * Lenient reading of a run record (`execution/.runs/RUN_<NM>.json`, written
 * by `nx-plan run-achievement` when an achievement's work stays on its
 * branch). A record that cannot be understood is returned with the reason,
 * never thrown: the checks report it as PLAN037.
 */
import type { RunOutcome, RunRecord } from './plan-file-names';

export const RUN_OUTCOMES: readonly RunOutcome[] = [
  'merge-conflict',
  'dirty-main',
  'review-rejected',
  'agent-failed',
  'interrupted',
  'setup-failed',
];

export type ParsedRunRecord = { record: RunRecord; problem?: undefined } | { record?: undefined; problem: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Parses a run record. Required: a JSON object with a known `outcome`.
 * Everything else is taken when it has the right type and dropped otherwise
 * (`attempt` defaults to 0, `message` and `at` to '').
 */
export function parseRunRecord(json: string): ParsedRunRecord {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problem: `not valid JSON (${reason})` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problem: 'not a JSON object' };
  }
  const raw = data as Record<string, unknown>;
  const outcome = raw['outcome'];
  if (typeof outcome !== 'string' || !(RUN_OUTCOMES as readonly string[]).includes(outcome)) {
    return {
      problem:
        outcome === undefined
          ? 'no "outcome" field'
          : `unknown outcome ${JSON.stringify(outcome)} (expected one of ${RUN_OUTCOMES.join(', ')})`,
    };
  }
  const attempt = raw['attempt'];
  const record: RunRecord = {
    achievement: text(raw['achievement']) ?? '',
    outcome: outcome as RunOutcome,
    at: text(raw['at']) ?? '',
    attempt: typeof attempt === 'number' && Number.isSafeInteger(attempt) && attempt >= 0 ? attempt : 0,
    message: typeof raw['message'] === 'string' ? raw['message'].replace(/\s+/g, ' ').trim() : '',
  };
  const branch = text(raw['branch']);
  if (branch !== undefined) record.branch = branch;
  const worktree = text(raw['worktree']);
  if (worktree !== undefined) record.worktree = worktree;
  const targetBranch = text(raw['targetBranch']);
  if (targetBranch !== undefined) record.targetBranch = targetBranch;
  if (Array.isArray(raw['files'])) {
    const files = raw['files'].filter((f): f is string => typeof f === 'string' && f !== '');
    if (files.length > 0) record.files = files;
  }
  return { record };
}
