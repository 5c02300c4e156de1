/**
 * Hour estimates. parallel.json and PLAN files write them as a number (`5`),
 * or as a range string (`"4-6"`, `"4–6h"`, `"4 - 6 hours"`); the engine keeps
 * them as closed ranges everywhere so that totals and savings stay ranges.
 */
import type { HoursRange } from './types';

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const UNIT = String.raw`(?:h|hr|hrs|hour|hours)?`;
const RANGE_PATTERN = new RegExp(String.raw`^${NUMBER}\s*${UNIT}\s*(?:-|–|—|to)\s*${NUMBER}\s*${UNIT}$`, 'i');
const SINGLE_PATTERN = new RegExp(String.raw`^${NUMBER}\s*${UNIT}$`, 'i');

/**
 * 5 → {5,5}; "4-6" / "4–6" / "4-6h" / "4 - 6 hours" → {4,6}; "5" / "5h" → {5,5}.
 * Anything else (negative, not finite, reversed range, other text) → undefined.
 */
export function parseHours(value: unknown): HoursRange | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { min: value, max: value } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const range = RANGE_PATTERN.exec(text);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    return min <= max ? { min, max } : undefined;
  }
  const single = SINGLE_PATTERN.exec(text);
  if (single) {
    const n = Number(single[1]);
    return { min: n, max: n };
  }
  return undefined;
}

export function addHours(a: HoursRange, b: HoursRange): HoursRange {
  return { min: a.min + b.min, max: a.max + b.max };
}

/** A number of hours without float noise: 2 decimals at most, trailing zeros dropped. */
export function formatHourNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `4-6h` or `5h`. */
export function formatHours(range: HoursRange): string {
  const min = formatHourNumber(range.min);
  const max = formatHourNumber(range.max);
  return min === max ? `${min}h` : `${min}-${max}h`;
}
