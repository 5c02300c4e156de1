/**
 * Type guard for the entries of `ParallelJsonResult.data.achievements`: the
 * data is returned even when it has schema errors, so an entry may be a
 * number, lack an id, or have non-string dependencies.
 */
import type { ParallelAchievement } from './types';

const ACHIEVEMENT_ID = /^\d+\.\d+$/;

/** An object with a valid `achievement_id` and a `dependencies` array of strings. */
export function isParallelAchievement(value: unknown): value is ParallelAchievement {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const id = record['achievement_id'];
  const dependencies = record['dependencies'];
  if (typeof id !== 'string' || !ACHIEVEMENT_ID.test(id) || !Array.isArray(dependencies)) return false;
  for (const dependency of dependencies) if (typeof dependency !== 'string') return false;
  return true;
}
