/**
 * The dependencies an achievement states in its own fields, read from the
 * markdown of its detail section:
 *
 *   - **Dependencies**: 1.2            **Depends on**: 1.1, 1.3
 *   Prerequisites: Achievement 2.1     - Requires: 1.1-1.3
 *   **Dependencies**: None             **Dependencies**:
 *                                        - 1.1
 *                                        - 1.2
 *
 * A field counts as stated when it names achievement ids or says there are
 * none ("None", "none yet", "-", "n/a"). A field that names neither (for
 * example "Prerequisites: Docker installed") states nothing about other
 * achievements and is ignored, so the caller falls back to inference.
 */

/** A field line: optional list marker, the name (bold or not), a colon (inside or outside the bold). */
const FIELD_LINE =
  /^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?(dependencies|dependency|depends\s+on|prerequisites?|requires|blocked\s+by)(?::(?:\*\*|__)|(?:\*\*|__)?\s*:)\s*(.*)$/i;
/** Any other field line, which ends the list under a field with an empty value. */
const OTHER_FIELD_LINE = /^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)?\s*:|^\s{0,3}#{1,6}\s/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
/** "None", "none yet", "None (first achievement)", "-", "n/a", "nothing". */
const NONE_VALUE = /^(?:none\b|nothing\b|n\/a\b|no\s+dependencies\b|[-–—]\s*$|$)/i;
/** An id, or a range of ids `1.1-1.3` / `1.1 to 1.3`; never part of a version such as 1.2.3. */
const ID_OR_RANGE = /(?<![\d.])(\d+\.\d+)(?:\s*(?:-|–|—|\bto\b)\s*(?:achievement\s+)?(\d+\.\d+))?(?!\.?\d)/gi;

export interface StatedDependencies {
  /** Ids as written (ranges such as `1.1-1.3` expanded within one priority), in order, without duplicates. */
  ids: string[];
  /** The field as written, for notes (`**Dependencies**: 1.2`). */
  line: string;
  /** 1-based line of the field inside the text it was read from. */
  lineNumber: number;
}

/**
 * The first dependency field of `body` that states something, or undefined
 * when there is none. Lines inside fenced code blocks are never read.
 */
export function statedDependencies(body: string): StatedDependencies | undefined {
  const lines = body.split(/\r?\n/);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMark) {
      if (fence === undefined) fence = fenceMark[1][0];
      else if (fenceMark[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const field = FIELD_LINE.exec(line);
    if (!field) continue;
    const value = stripEmphasis(field[2]);
    const values = value === '' ? listBelow(lines, i + 1) : [value];
    const stated = readValues(values);
    if (stated) return { ids: stated, line: line.trim(), lineNumber: i + 1 };
  }
  return undefined;
}

/** The items of a list directly under a field with an empty value. */
function listBelow(lines: readonly string[], start: number): string[] {
  const items: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      if (items.length > 0) break;
      continue;
    }
    if (OTHER_FIELD_LINE.test(line) && !LIST_ITEM.test(line.replace(/\*\*|__/g, ''))) break;
    const item = LIST_ITEM.exec(line);
    if (!item) break;
    items.push(stripEmphasis(item[1]));
  }
  return items;
}

/** Ids of the values, [] when they say "none", undefined when they state neither. */
function readValues(values: readonly string[]): string[] | undefined {
  if (values.length === 0) return undefined;
  const ids: string[] = [];
  for (const value of values) idsIn(value, ids);
  if (ids.length > 0) return [...new Set(ids)];
  return values.every((value) => NONE_VALUE.test(value.trim())) ? [] : undefined;
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__|`/g, '').trim();
}

/** Ids in text, `1.1-1.3` / `1.1 to 1.3` expanded when both ends share a priority. */
function idsIn(text: string, out: string[]): void {
  ID_OR_RANGE.lastIndex = 0;
  for (let m = ID_OR_RANGE.exec(text); m; m = ID_OR_RANGE.exec(text)) {
    const first = m[1];
    out.push(first);
    if (m[2] === undefined) continue;
    const [p1, i1] = first.split('.').map(Number);
    const [p2, i2] = m[2].split('.').map(Number);
    if (p1 === p2 && i2 > i1 && i2 - i1 <= 100) for (let i = i1 + 1; i < i2; i++) out.push(`${p1}.${i}`);
    out.push(m[2]);
  }
}
