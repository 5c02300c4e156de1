export * from './lib/diagnostic';
export * from './lib/types';
export * from './lib/validate-parallel-json';
export * from './lib/is-parallel-achievement';
export { parallelSchema, parallelTolerantSchema, PARALLEL_SCHEMA_ID, PARALLEL_TOLERANT_SCHEMA_ID } from './lib/schema-validators';
export { escapePointerToken, joinPointer, splitPointer } from './lib/json-pointer';
export { locateJsonPointers } from './lib/json-source-map';
export type { PointerLocation, TextPosition } from './lib/json-source-map';
