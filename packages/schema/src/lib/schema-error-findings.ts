/**
 * Turn ajv's errors into PLAN002 findings a person can act on: one finding
 * per problem (anyOf branches merged, a type error wins over the enum/pattern
 * errors of the same value), a message that names the achievement and the
 * field and shows the value found, and a hint specific to the field.
 */
import type { ErrorObject } from 'ajv';
import { escapePointerToken, splitPointer } from './json-pointer';
import { describePointer, describeValue } from './located-finding';
import type { Finding } from './located-finding';

export interface SchemaErrorOptions {
  strict: boolean;
}

/** Lower is more informative; one error per pointer is kept. */
const KEYWORD_RANK: Record<string, number> = {
  type: 0,
  anyOf: 1,
  oneOf: 1,
  enum: 2,
  const: 2,
  pattern: 3,
  format: 4,
  minLength: 5,
  minimum: 5,
};

export function schemaErrorFindings(errors: readonly ErrorObject[] | null | undefined, data: unknown, options: SchemaErrorOptions): Finding[] {
  if (!errors || errors.length === 0) return [];

  // Errors inside an anyOf/oneOf branch are explained by the anyOf error itself.
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const kept = new Map<string, ErrorObject>();
  for (const error of errors) {
    // Unknown fields are reported by the field check (PLAN011), in both modes.
    if (error.keyword === 'additionalProperties') continue;
    if (combinators.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const pointer = pointerOf(error);
    const previous = kept.get(pointer);
    if (!previous || rank(error) < rank(previous)) kept.set(pointer, error);
  }

  const findings: Finding[] = [];
  for (const [pointer, error] of kept) findings.push(toFinding(error, pointer, data, options));
  return findings;
}

function rank(error: ErrorObject): number {
  return KEYWORD_RANK[error.keyword] ?? 9;
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === 'required') {
    return `${error.instancePath}/${escapePointerToken(String(error.params['missingProperty']))}`;
  }
  return error.instancePath;
}

function toFinding(error: ErrorObject, pointer: string, data: unknown, options: SchemaErrorOptions): Finding {
  if (error.keyword === 'required') {
    const missing = String(error.params['missingProperty']);
    const { context, field } = describePointer(error.instancePath, data);
    const where = context ?? (field ? field : '');
    return {
      code: 'PLAN002',
      severity: 'error',
      message: `${where ? where + ': ' : ''}missing required field "${missing}"`,
      hint: requiredHint(missing),
      pointer,
      locateAt: error.instancePath,
    };
  }

  const tokens = splitPointer(error.instancePath);
  const name = fieldName(tokens);
  const { context, field } = describePointer(error.instancePath, data);
  const expectation = expectationOf(error, name);
  const found = `, found ${describeValue(error.data)}`;
  const message =
    context && field ? `${context}: ${field} ${expectation}${found}` : `${context ?? field ?? 'the document'} ${expectation}${found}`;
  return {
    code: 'PLAN002',
    severity: 'error',
    message,
    hint: hintOf(error, name, options),
    pointer,
  };
}

/**
 * The schema field a pointer ends at: `estimated_hours`, `dependency` for an
 * element of dependencies, `achievement` for an element of achievements,
 * `root` for the whole document.
 */
function fieldName(tokens: readonly string[]): string {
  if (tokens.length === 0) return 'root';
  const last = tokens[tokens.length - 1];
  if (/^\d+$/.test(last) && tokens.length >= 2) {
    const parent = tokens[tokens.length - 2];
    if (parent === 'dependencies') return 'dependency';
    if (parent === 'achievements' && tokens.length === 2) return 'achievement';
  }
  return last;
}

function expectationOf(error: ErrorObject, name: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      if (name === 'root') return 'must be a JSON object';
      return `must be ${withArticle(String(params['type']))}`;
    case 'anyOf':
    case 'oneOf':
      if (name === 'estimated_hours') return 'must be a number of hours or a range string such as "4-6"';
      return 'does not match any of the allowed forms';
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? (params['allowedValues'] as unknown[]) : [];
      return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'pattern':
      if (name === 'achievement_id' || name === 'dependency') return 'must be an achievement id <priority>.<index> such as "1.2"';
      return `must match the pattern ${String(params['pattern'])}`;
    case 'format':
      if (params['format'] === 'date') return 'must be a date written YYYY-MM-DD';
      if (params['format'] === 'date-time') return 'must be an RFC 3339 date-time with a time zone';
      return `must be a valid ${String(params['format'])}`;
    case 'minimum':
      return Number(params['limit']) === 0 && params['comparison'] === '>=' ? 'must not be negative' : `must be ${String(params['comparison'])} ${String(params['limit'])}`;
    case 'minLength':
      return Number(params['limit']) === 1 ? 'must not be empty' : `must have at least ${String(params['limit'])} characters`;
    default:
      return error.message ?? `violates "${error.keyword}"`;
  }
}

function withArticle(type: string): string {
  switch (type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'integer':
      return 'an integer';
    default:
      return `a ${type}`;
  }
}

function hintOf(error: ErrorObject, name: string, options: SchemaErrorOptions): string {
  const isHours = name === 'estimated_hours' || name === 'actual_hours';
  switch (error.keyword) {
    case 'type':
      if (name === 'root') return 'parallel.json holds one object: { "plan_name": …, "parallelization_level": …, "achievements": [ … ] }';
      if (name === 'achievements') return 'write "achievements": [ { "achievement_id": "1.1", "dependencies": [] }, … ]';
      if (name === 'achievement') return 'write each achievement as an object: { "achievement_id": "1.1", "dependencies": [] }';
      if (name === 'dependencies') return 'list the ids this achievement waits for, e.g. "dependencies": ["1.1"], or [] for none';
      if (name === 'dependency') return 'write each dependency as an id string, e.g. "1.2"';
      if (name === 'achievement_id') return 'write the id as a string, e.g. "achievement_id": "2.1"';
      if (name === 'estimated_hours' && options.strict && typeof error.data === 'string') {
        return 'write a number of hours, e.g. 5; range strings such as "4-6" are accepted only without --strict';
      }
      if (isHours) return typeof error.data === 'number' ? 'write a number of hours that fits in a double, e.g. 5' : 'write a number of hours, e.g. 5';
      if (error.params['type'] === 'string') return 'write the value as a JSON string in double quotes';
      return `change the value to ${withArticle(String(error.params['type']))}`;
    case 'anyOf':
    case 'oneOf':
      if (name === 'estimated_hours') return 'write a number of hours (e.g. 5) or a range "<min>-<max>" (e.g. "4-6")';
      return 'change the value to one of the forms the schema allows';
    case 'enum':
      if (name === 'parallelization_level') return 'use level_1 (same achievement), level_2 (same priority) or level_3 (cross-priority)';
      if (name === 'status') return 'use one of the listed statuses, or remove status: nx-plan derives it from the plan folder\'s files';
      return 'use one of the listed values';
    case 'pattern':
      if (name === 'achievement_id') return 'number achievements <priority>.<index> with digits only, as in the PLAN, e.g. "2.1"';
      if (name === 'dependency') return 'refer to another achievement by its achievement_id, e.g. "1.2"';
      return 'change the value to match the pattern';
    case 'format':
      if (error.params['format'] === 'date') return 'write a real calendar date, e.g. "2025-11-14"';
      if (error.params['format'] === 'date-time') return 'write a date-time with a time zone, e.g. "2025-11-14T09:30:00Z"';
      return 'change the value to the expected format';
    case 'minimum':
      return isHours ? 'write a number of hours of 0 or more' : 'use a larger number';
    case 'minLength':
      return name === 'plan_name' ? 'write the NAME of PLAN_<NAME>.md' : 'write a non-empty value';
    default:
      return 'see the field reference of parallel.json (parallel.schema.json)';
  }
}

function requiredHint(missing: string): string {
  switch (missing) {
    case 'plan_name':
      return 'add "plan_name": "<NAME>", the NAME of PLAN_<NAME>.md';
    case 'parallelization_level':
      return 'add "parallelization_level": "level_1", "level_2" or "level_3"';
    case 'achievements':
      return 'add "achievements": [ … ] with one entry per achievement of the PLAN';
    case 'achievement_id':
      return 'add "achievement_id": "<priority>.<index>", e.g. "1.1"';
    case 'dependencies':
      return 'add "dependencies": [] or the ids this achievement waits for';
    default:
      return `add "${missing}"`;
  }
}
