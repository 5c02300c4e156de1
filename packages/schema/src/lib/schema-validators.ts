/**
 * The published JSON Schemas of parallel.json and their ajv validators. The
 * validators are ajv's standalone code for the two schemas, generated ahead of
 * time (parallel-validators.generated.ts, by tools/scripts/generate-parallel-validators.mjs,
 * kept in sync by a test): loading them takes milliseconds where compiling the
 * schemas with ajv took about 0.1 s in every process (each Nx achievement task
 * is a fresh process).
 */
import type { ValidateFunction } from 'ajv';
import * as generated from './parallel-validators.generated';
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

const validators: Record<SchemaMode, ValidateFunction> = {
  strict: generated.strict as ValidateFunction,
  tolerant: generated.tolerant as ValidateFunction,
};

/**
 * The validator of a mode: ajv with allErrors, verbose errors, strictNumbers (a number too
 * large for a double, 1e400 → Infinity, is not a number) and the formats date and date-time.
 */
export function getParallelValidator(mode: SchemaMode): ValidateFunction {
  return validators[mode];
}

/** Property names the strict schema defines at the root and in an achievement. */
export const ROOT_FIELDS: ReadonlySet<string> = new Set(Object.keys(strictSchemaJson.properties));
export const ACHIEVEMENT_FIELDS: ReadonlySet<string> = new Set(Object.keys(strictSchemaJson.properties.achievements.items.properties));
