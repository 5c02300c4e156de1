/**
 * Checks on the field names of parallel.json that the schema alone does not
 * word well: unknown fields (PLAN011: a warning per occurrence in tolerant
 * mode, where the data is kept; an error with --strict) and `status` fields
 * (PLAN017: ignored, status comes from the plan folder's files; one info per
 * file, at the first occurrence, since tools write it in every achievement).
 * Each finding is located at the property name.
 */
import { escapePointerToken } from './json-pointer';
import { achievementLabel, describeValue, isObject } from './located-finding';
import type { Finding } from './located-finding';
import { ACHIEVEMENT_FIELDS, ROOT_FIELDS } from './schema-validators';

export interface FieldCheckOptions {
  strict: boolean;
}

export function fieldFindings(data: unknown, options: FieldCheckOptions): Finding[] {
  const findings: Finding[] = [];
  if (!isObject(data)) return findings;
  const suggestions = new Map<string, string | undefined>();

  for (const key in data) {
    if (!Object.prototype.hasOwnProperty.call(data, key) || ROOT_FIELDS.has(key)) continue;
    findings.push(unknownField(key, `/${escapePointerToken(key)}`, undefined, ROOT_FIELDS, suggestions, options));
  }

  const achievements = data['achievements'];
  if (!Array.isArray(achievements)) return findings;
  const withStatus: number[] = [];
  for (let index = 0; index < achievements.length; index++) {
    const achievement = achievements[index];
    if (!isObject(achievement)) continue;
    for (const key in achievement) {
      if (!Object.prototype.hasOwnProperty.call(achievement, key)) continue;
      if (key === 'status') {
        withStatus.push(index);
      } else if (!ACHIEVEMENT_FIELDS.has(key)) {
        const pointer = `/achievements/${index}/${escapePointerToken(key)}`;
        findings.push(unknownField(key, pointer, achievementLabel(index, achievement), ACHIEVEMENT_FIELDS, suggestions, options));
      }
    }
  }
  if (withStatus.length > 0) findings.push(statusFinding(withStatus, achievements));
  return findings;
}

function unknownField(
  key: string,
  pointer: string,
  context: string | undefined,
  known: ReadonlySet<string>,
  suggestions: Map<string, string | undefined>,
  options: FieldCheckOptions,
): Finding {
  let suggestion = suggestions.get(key);
  if (!suggestions.has(key)) {
    suggestion = closestName(key, known);
    suggestions.set(key, suggestion);
  }
  const where = context ? `${context}: ` : '';
  const shown = JSON.stringify(key);
  const message = options.strict
    ? `${where}unknown field ${shown} is not allowed by the strict schema`
    : `${where}unknown field ${shown} (kept, not used by nx-plan)`;
  const fix = suggestion
    ? `did you mean "${suggestion}"? Rename it`
    : options.strict
      ? 'remove it, or validate without --strict to keep unknown fields as warnings'
      : 'remove it unless another tool needs it; --strict rejects unknown fields';
  return {
    code: 'PLAN011',
    severity: options.strict ? 'error' : 'warning',
    message,
    hint: suggestion ? `${fix}${options.strict ? '' : ' (a misspelt field is ignored)'}` : fix,
    pointer,
    atKey: true,
  };
}

const LISTED_IDS = 5;

function statusFinding(indices: readonly number[], achievements: readonly unknown[]): Finding {
  const first = indices[0];
  const firstAchievement = achievements[first] as Record<string, unknown>;
  let message: string;
  if (indices.length === 1) {
    message = `${achievementLabel(first, firstAchievement)}: status ${describeValue(firstAchievement['status'])} is ignored; status is derived from the plan folder's files`;
  } else {
    const labels = indices.slice(0, LISTED_IDS).map((i) => achievementLabel(i, achievements[i]).replace(/^achievement /, ''));
    const more = indices.length > LISTED_IDS ? `, … ${indices.length - LISTED_IDS} more` : '';
    message = `status is ignored in ${indices.length} achievements (${labels.join(', ')}${more}); status is derived from the plan folder's files`;
  }
  return {
    code: 'PLAN017',
    severity: 'info',
    message,
    hint: 'remove the "status" fields: nx-plan reads the SUBPLAN_, EXECUTION_TASK_, APPROVED_, FIX_ and SKIPPED_ files instead',
    pointer: `/achievements/${first}/status`,
    atKey: true,
  };
}

/** The known name closest to `name` (edit distance ≤ 2, or 3 for long names), if any. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === '$schema') continue;
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = lower.length >= 10 ? 3 : 2;
  return bestDistance <= limit && bestDistance < lower.length ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
