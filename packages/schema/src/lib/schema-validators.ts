/**
 * The published JSON Schemas of parallel.json and their ajv validators, each
 * compiled once per process (on first use) and shared by every validation.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import strictSchemaJson from '../schemas/parallel.schema.json';
import tolerantSchemaJson from '../schemas/parallel.tolerant.schema.json';

export type SchemaMode = 'strict' | 'tolerant';

/** `$id` of the strict (published) schema. */
export const PARALLEL_SCHEMA_ID = 'https://nx-plan.dev/schemas/parallel.schema.json';
/** `$id` of the tolerant schema (the default mode). */
export const PARALLEL_TOLERANT_SCHEMA_ID = 'https://nx-plan.dev/schemas/parallel.tolerant.schema.json';

/** The strict schema document (`@nx-plan/schema/parallel.schema.json`). */
export const parallelSchema: Readonly<Record<string, unknown>> = strictSchemaJson;
/** The tolerant schema document (`@nx-plan/schema/parallel.tolerant.schema.json`). */
export const parallelTolerantSchema: Readonly<Record<string, unknown>> = tolerantSchemaJson;

let ajv: Ajv | undefined;
const validators: Partial<Record<SchemaMode, ValidateFunction>> = {};

/** The compiled validator of a mode (allErrors, verbose errors, formats date and date-time). */
export function getParallelValidator(mode: SchemaMode): ValidateFunction {
  let validate = validators[mode];
  if (!validate) {
    if (!ajv) {
      // strictNumbers: a number too large for a double (1e400 → Infinity) is not a number.
      ajv = new Ajv({ allErrors: true, verbose: true, strictNumbers: true });
      addFormats(ajv, ['date', 'date-time']);
    }
    validate = ajv.compile(mode === 'strict' ? strictSchemaJson : tolerantSchemaJson);
    validators[mode] = validate;
  }
  return validate;
}

/** Property names the strict schema defines at the root and in an achievement. */
export const ROOT_FIELDS: ReadonlySet<string> = new Set(Object.keys(strictSchemaJson.properties));
export const ACHIEVEMENT_FIELDS: ReadonlySet<string> = new Set(Object.keys(strictSchemaJson.properties.achievements.items.properties));
