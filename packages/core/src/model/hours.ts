// STUB (owner: core-graph helper) — replace with the real implementation.
import type { HoursRange } from './types';
/** 5 → {5,5}; "4-6" / "4–6" / "4-6h" → {4,6}; anything else → undefined. */
export function parseHours(value: unknown): HoursRange | undefined { throw new Error('not implemented'); }
export function addHours(a: HoursRange, b: HoursRange): HoursRange { return { min: a.min + b.min, max: a.max + b.max }; }
/** `4-6h` or `5h`. */
export function formatHours(range: HoursRange): string { throw new Error('not implemented'); }
