/**
 * Formatting helpers for the markdown the batch generators write: list
 * items, the "not in the PLAN — fill in" marker, hours.
 */
import { formatHourNumber, type HoursRange } from '@nx-plan/core';

/** A bullet list; items spanning several lines keep their continuation lines under the bullet. */
export function bulletList(items: readonly string[], bullet = '-'): string {
  return items
    .map((item) => {
      const [first, ...rest] = item.replace(/\r\n?/g, '\n').trim().split('\n');
      const indent = ' '.repeat(bullet.length + 1);
      return [`${bullet} ${first}`, ...rest.map((line) => (line.trim() === '' ? '' : `${indent}${line.replace(/^\s{0,3}/, '')}`))].join('\n');
    })
    .join('\n');
}

/** A checklist (`- [ ] item`), first line of each item only. */
export function checklist(items: readonly string[]): string {
  return items.map((item) => `- [ ] ${item.replace(/\r\n?/g, '\n').trim().split('\n')[0]}`).join('\n');
}

/** The visible marker of a section the source document says nothing about. */
export function fillIn(source: 'PLAN' | 'SUBPLAN', what: string): string {
  return `> ✏️ **Not in the ${source} — fill in:** ${what}`;
}

/** `4-6 hours`, `1 hour`. */
export function hoursText(range: HoursRange | undefined): string | undefined {
  if (!range) return undefined;
  const min = formatHourNumber(range.min);
  const max = formatHourNumber(range.max);
  if (min === max) return `${min} hour${min === '1' ? '' : 's'}`;
  return `${min}-${max} hours`;
}

/** Today as YYYY-MM-DD (local time). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
