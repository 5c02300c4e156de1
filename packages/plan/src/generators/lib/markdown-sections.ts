/**
 * Small line-based helpers over markdown documents (SUBPLAN and FIX files):
 * split at headings, shift heading levels, pull out list items. Iterative,
 * fenced code blocks are left untouched.
 */

export interface MarkdownSection {
  /** Heading text without the `#` marks and surrounding emoji/space ('' for the preamble). */
  title: string;
  /** Heading level (0 for the preamble before the first heading). */
  level: number;
  /** Lines below the heading up to the next heading of the same or a higher level. */
  body: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** Heading text without leading emoji/symbols: `🎯 Objective` → `Objective`. */
export function plainHeading(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+/u, '').trim();
}

/** Split a document at headings of exactly `level` (default 2); deeper headings stay inside bodies. */
export function splitSections(markdown: string, level = 2): MarkdownSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const sections: MarkdownSection[] = [];
  let current: { title: string; level: number; lines: string[] } = { title: '', level: 0, lines: [] };
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (match && match[1].length <= level) {
      sections.push({ title: current.title, level: current.level, body: current.lines.join('\n').trim() });
      current = { title: plainHeading(match[2]), level: match[1].length, lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  sections.push({ title: current.title, level: current.level, body: current.lines.join('\n').trim() });
  return sections.filter((s, i) => i > 0 || s.body !== '');
}

/** Push every heading `by` levels down (capped at 6), outside fenced code. */
export function demoteHeadings(markdown: string, by: number): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) inFence = !inFence;
      if (inFence) return line;
      const match = /^(#{1,6})(\s+.*)$/.exec(line);
      if (!match) return line;
      return `${'#'.repeat(Math.min(6, match[1].length + by))}${match[2]}`;
    })
    .join('\n');
}

/** Top-level list items (`-`, `*`, `1.`) of a markdown text, checkboxes and numbering removed. */
export function listItems(markdown: string): string[] {
  const items: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*\S)\s*$/.exec(line);
    if (match) items.push(match[1]);
  }
  return items;
}

/** The first section whose plain title matches one of the patterns. */
export function findSection(sections: readonly MarkdownSection[], ...patterns: RegExp[]): MarkdownSection | undefined {
  for (const pattern of patterns) {
    const found = sections.find((s) => pattern.test(s.title));
    if (found) return found;
  }
  return undefined;
}
