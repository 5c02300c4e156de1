/**
 * PLAN markdown → PlanDocument (SPEC §5).
 *
 * Real PLANs name each achievement several times, in different forms:
 *
 *   index lines      `**Achievement 1.1**: Title (4-6h)`, `- Achievement 0.1: Title`
 *   detail sections  `**Achievement 1.1: Title** ⏱️ 4-6 hours` + `- **Goal**: …` fields,
 *                    `**Achievement 0.1**: Title` + `**Purpose**:` / `**What**:` / `**Effort**:`
 *   tracking         `### Achievement 1.1: Title` + `**Status**:` / `**Deliverables**:`
 *
 * and mention them in prose ("(from Achievement 3.1)", "Achievement 2.2/2.3: …").
 * One linear pass over the lines (no recursion) collects every occurrence
 * outside code fences with the lines up to the next occurrence, heading or
 * thematic break; a second linear pass decides which occurrences define
 * achievements and merges them per id:
 *
 * - headings and `**Achievement x.y: Title**` lines always define one;
 * - index-style lines only under a `##` section whose heading mentions
 *   "achievement", or when recognised fields (Goal, Deliverables, …) follow;
 *   in a PLAN with neither such sections nor strong forms every occurrence counts;
 * - the title comes from the first defining occurrence, the fields and the
 *   body from the richest one (most recognised fields), missing fields from
 *   the others, the estimate from the richest one that has one.
 */
import { IdTable } from '../graph/id-table';
import type { HoursRange, PlanAchievementText, PlanDocument } from '../model/types';

type FieldKey =
  | 'goal'
  | 'deliverables'
  | 'successCriteria'
  | 'approach'
  | 'tests'
  | 'dependencies'
  | 'blocks'
  | 'estimate'
  | 'other';

const FIELD_NAMES: Record<string, FieldKey> = {
  goal: 'goal',
  goals: 'goal',
  purpose: 'goal',
  objective: 'goal',
  deliverables: 'deliverables',
  deliverable: 'deliverables',
  outputs: 'deliverables',
  'success criteria': 'successCriteria',
  'acceptance criteria': 'successCriteria',
  'definition of done': 'successCriteria',
  'implementation approach': 'approach',
  'technical approach': 'approach',
  approach: 'approach',
  implementation: 'approach',
  'implementation notes': 'approach',
  what: 'approach',
  how: 'approach',
  'testing requirements': 'tests',
  'test requirements': 'tests',
  'testing focus': 'tests',
  'testing strategy': 'tests',
  testing: 'tests',
  tests: 'tests',
  'tests to write': 'tests',
  dependencies: 'dependencies',
  dependency: 'dependencies',
  'depends on': 'dependencies',
  prerequisites: 'dependencies',
  requires: 'dependencies',
  'blocked by': 'dependencies',
  blocks: 'blocks',
  effort: 'estimate',
  estimate: 'estimate',
  'estimated effort': 'estimate',
  'estimated time': 'estimate',
  'time estimate': 'estimate',
  duration: 'estimate',
  time: 'estimate',
};

type Kind = 'heading' | 'bold-title' | 'bold-id' | 'list';

/**
 * One place where the PLAN names an achievement. Kept small: an index line (the usual case, one per
 * achievement) has no body, so what its lines hold lives in `content`, allocated only for bodies with
 * fields or references.
 */
interface Occurrence {
  id: string;
  title: string;
  kind: Kind;
  headingLevel: number;
  inAchievementSection: boolean;
  headerEstimate: HoursRange | undefined;
  column: number;
  /** Index of the header line (its 1-based line is headerIndex + 1); the body is lines [headerIndex + 1, end). */
  headerIndex: number;
  end: number;
  /** A field line (`**Goal**:` …) has been seen: list lines that name achievements are content from now on. */
  sawField: boolean;
  /** Filled when the occurrence is closed. */
  score: number;
  content: OccurrenceContent | undefined;
}

/** What the body of an occurrence holds (recognised fields and prose references). */
interface OccurrenceContent {
  /** How many distinct recognised fields. */
  recognised: number;
  goal?: string;
  deliverables: string[];
  successCriteria: string[];
  approach?: string;
  tests: string[];
  declared?: string[];
  fieldEstimate?: HoursRange;
  refs: string[];
}

function isStrong(occ: Occurrence): boolean {
  return occ.kind === 'heading' || occ.kind === 'bold-title';
}

const PREFIX = String.raw`^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:[\p{Extended_Pictographic}\u2705\u274C\u23F3]\uFE0F?\s*)?`;
/** `**Achievement 1.1: Title** rest` */
const BOLD_TITLE = new RegExp(`${PREFIX}\\*\\*Achievement\\s+(\\d+\\.\\d+)\\s*[:\\-–—]\\s*(.+?)\\*\\*(.*)$`, 'u');
/** `**Achievement 1.1**: Title` or `**Achievement 1.1:** Title` */
const BOLD_ID = new RegExp(`${PREFIX}\\*\\*Achievement\\s+(\\d+\\.\\d+)(?::\\*\\*|\\s*\\*\\*\\s*[:\\-–—](?!\\s*\\d+\\.\\d))\\s*(.*)$`, 'u');
/** `- Achievement 0.1: Title` */
const LIST = new RegExp(`^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?(?:[\\p{Extended_Pictographic}\\u2705\\u274C\\u23F3]\\uFE0F?\\s*)?Achievement\\s+(\\d+\\.\\d+)\\s*[:\\-–—](?!\\s*\\d+\\.\\d)\\s*(.+)$`, 'u');
/** Heading text `Achievement 1.1: Title` (after the #'s). */
const HEADING_ACHIEVEMENT = new RegExp(`^(?:[\\p{Extended_Pictographic}\\u2705\\u274C\\u23F3]\\uFE0F?\\s*)?(?:\\*\\*)?Achievement\\s+(\\d+\\.\\d+)(?:\\*\\*)?(?:\\s*[:\\-–—]\\s*(.*))?$`, 'u');
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
/** A field line at the top level of a section: `**Goal**: …`, `- **Goal**: …`, `**Goal:** …`, `- **Approach** (note): …`. */
const FIELD = /^ ?(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*(?:\([^)]*\)\s*)?:\s*(.*)$|^ ?(?:[-*+]\s+)?\*\*([^*]+?):\*\*\s*(.*)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])(\s+)(.*)$/;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const HOURS_IN_TEXT = new RegExp(String.raw`(?<![\d.])(${NUMBER})\s*(?:(?:-|–|—|to)\s*(${NUMBER})\s*)?(?:h|hrs?|hours?)\b`, 'i');
/** A whole `(4-6h)` / `( ~2 hours )` estimate, from its `(` to its `)`. */
const ESTIMATE_IN_PARENS = new RegExp(String.raw`^\(\s*~?${NUMBER}\s*(?:(?:-|–|—|to)\s*${NUMBER}\s*)?(?:h|hrs?|hours?)\s*\)$`, 'i');
const UNIT_AFTER = String.raw`(?!\s*(?:h\b|hrs?\b|hours?\b|%|x\b|ms\b|s\b|sec|seconds?\b|min|minutes?\b|days?\b|weeks?\b|GB|MB|KB)|[\d.])`;
/** Prose that names a prerequisite: "depends on 1.2", "requires Achievement 1.1", "after 1.3", "(from Achievement 3.1)". */
const PROSE_REFERENCE = new RegExp(
  String.raw`\b(?:depends?\s+(?:up)?on|dependent\s+on|dependency\s+on|requires?|required|needs?|after|from|builds?\s+(?:up)?on|based\s+on|blocked\s+by|prerequisites?)\s*:?\s+(?:the\s+)?(?:(?:completed?|finished)\s+)?(?:Achievements?\s+)?((?<![\d.])\d+\.\d+${UNIT_AFTER}(?:\s*(?:,\s*(?:and\s+)?|and\b|&|\/|or\b|-|–|—|to\b)\s*(?:Achievements?\s+)?\d+\.\d+${UNIT_AFTER})*)`,
  'gi',
);
const ID_TOKEN = new RegExp(String.raw`(?<![\d.])(\d+\.\d+)${UNIT_AFTER}|(-|–|—|\bto\b)`, 'gi');

function hoursFromText(text: string): HoursRange | undefined {
  const m = HOURS_IN_TEXT.exec(text);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return undefined;
  return { min, max };
}

/** Ids in text, with `3.1-3.3` ranges expanded within one priority. */
function idsInText(text: string, out: string[]): void {
  ID_TOKEN.lastIndex = 0;
  let previous: string | undefined;
  let range = false;
  for (let m = ID_TOKEN.exec(text); m; m = ID_TOKEN.exec(text)) {
    if (m[2] !== undefined) {
      range = previous !== undefined;
      continue;
    }
    const id = m[1];
    if (range && previous !== undefined) {
      const [p1, i1] = previous.split('.').map(Number);
      const [p2, i2] = id.split('.').map(Number);
      if (p1 === p2 && i2 > i1 && i2 - i1 <= 100) {
        for (let i = i1 + 1; i < i2; i++) out.push(`${p1}.${i}`);
      }
    }
    out.push(id);
    previous = id;
    range = false;
  }
}

/**
 * Where a trailing `(4-6h)` estimate starts (its `(`), or -1. Only the last `(` can start one
 * (the estimate holds no parentheses), so one anchored match replaces a search at every position.
 */
function trailingEstimateStart(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0 || text.charCodeAt(end - 1) !== 0x29 /* ) */) return -1;
  const open = text.lastIndexOf('(', end - 1);
  return open !== -1 && ESTIMATE_IN_PARENS.test(text.slice(open, end)) ? open : -1;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c || code === 0xa0 || (code > 0x7f && /\s/.test(String.fromCharCode(code)));
}

function cleanTitle(raw: string): string {
  let title = raw.trim();
  if (!/[⏱()*_]/u.test(title)) return title;
  const timer = title.indexOf('⏱');
  if (timer !== -1) title = title.slice(0, timer).trimEnd();
  const estimate = trailingEstimateStart(title);
  if (estimate !== -1) title = title.slice(0, estimate).trimEnd();
  if (title.startsWith('**')) title = title.replace(/^\*\*(.*)\*\*$/, '$1');
  if (title.startsWith('__')) title = title.replace(/^__(.*)__$/, '$1');
  return title.trim();
}

/** cleanTitle for a title without `⏱` whose trailing estimate starts at `paren` (-1: none). */
function titleBefore(raw: string, paren: number): string {
  let title = (paren === -1 ? raw : raw.slice(0, paren)).trim();
  if (title.startsWith('**')) title = title.replace(/^\*\*(.*)\*\*$/, '$1');
  if (title.startsWith('__')) title = title.replace(/^__(.*)__$/, '$1');
  return title.trim();
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n += line[n] === '\t' ? 4 : 1;
  return n;
}

/** Lines [start, end) without their common indentation. */
function dedent(lines: readonly string[], start: number, end: number): string {
  let min = Infinity;
  for (let i = start; i < end; i++) if (lines[i].trim() !== '') min = Math.min(min, indentOf(lines[i]));
  const cut = min === Infinity ? 0 : min;
  const out: string[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i];
    out.push(line.trim() === '' ? '' : line.slice(Math.min(cut, line.length - line.trimStart().length)));
  }
  return out.join('\n').trim();
}

/** Top-level list items of lines [start, end); nested lines and code stay inside their item. */
function listItems(lines: readonly string[], fenced: Uint8Array, start: number, end: number): string[] {
  const items: string[][] = [];
  let base = -1;
  let strip = 0;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    const c = line.trimStart()[0];
    const m = fenced[i] || c === undefined || !(c === '-' || c === '*' || c === '+' || (c >= '0' && c <= '9')) ? null : LIST_ITEM.exec(line);
    if (m && (base < 0 || indentOf(line) <= base)) {
      base = indentOf(line);
      strip = m[1].length + m[2].length + m[3].length;
      items.push([m[4].replace(/^\[[ xX]\]\s+/, '')]);
      continue;
    }
    const current = items[items.length - 1];
    if (!current) continue;
    const lead = line.length - line.trimStart().length;
    current.push(line.trim() === '' ? '' : line.slice(Math.min(lead, strip)));
  }
  return items.map((item) => item.join('\n').trim()).filter((item) => item !== '');
}

/** Shared empty list (never mutated: lists are replaced, not pushed to). */
const NONE: string[] = [];

const fieldKeyCache = new Map<string, FieldKey>();

function fieldKey(name: string): FieldKey {
  let key = fieldKeyCache.get(name);
  if (key === undefined) {
    const normalised = name.trim().replace(/:$/, '').trim().toLowerCase();
    key = Object.prototype.hasOwnProperty.call(FIELD_NAMES, normalised) ? FIELD_NAMES[normalised] : 'other';
    if (fieldKeyCache.size < 10_000) fieldKeyCache.set(name, key);
  }
  return key;
}

/** Reads the fields and prose references of an occurrence's lines. */
function closeOccurrence(occ: Occurrence, lines: readonly string[], fencedLines: Uint8Array): void {
  if (occ.end <= occ.headerIndex + 1) {
    occ.score = occ.headerEstimate ? 0.5 : 0;
    return;
  }
  const fields: { key: FieldKey; inline: string; start: number; end: number }[] = [];
  const refs: string[] = [];
  let current: (typeof fields)[number] | undefined;
  for (let i = occ.headerIndex + 1; i < occ.end; i++) {
    const line = lines[i];
    const fenced = fencedLines[i] === 1;
    const m = fenced || !line.includes('**') ? null : FIELD.exec(line);
    if (m) {
      if (current) current.end = i;
      const name = m[1] ?? m[3];
      const inline = (m[1] !== undefined ? m[2] : m[4]) ?? '';
      current = { key: fieldKey(name), inline: inline.trim(), start: i + 1, end: occ.end };
      fields.push(current);
      if (current.key !== 'blocks') scanReferences(line, refs);
      continue;
    }
    if (!fenced && current?.key !== 'blocks') scanReferences(line, refs);
  }

  if (fields.length === 0 && refs.length === 0) {
    occ.score = occ.headerEstimate ? 0.5 : 0;
    return;
  }
  const content: OccurrenceContent = {
    recognised: 0,
    goal: undefined,
    deliverables: NONE,
    successCriteria: NONE,
    approach: undefined,
    tests: NONE,
    declared: undefined,
    fieldEstimate: undefined,
    refs,
  };
  const seen = new Set<FieldKey>();
  for (const field of fields) {
    if (field.key === 'other') continue;
    seen.add(field.key);
    const items = () => {
      const list = listItems(lines, fencedLines, field.start, field.end);
      return list.length > 0 ? list : field.inline ? [field.inline] : [];
    };
    const text = () => [field.inline, dedent(lines, field.start, field.end)].filter((part) => part !== '').join('\n').trim();
    switch (field.key) {
      case 'goal':
        content.goal ??= field.inline || dedent(lines, field.start, field.end) || undefined;
        break;
      case 'approach':
        content.approach ??= text() || undefined;
        break;
      case 'deliverables':
        if (content.deliverables.length === 0) content.deliverables = items();
        break;
      case 'successCriteria':
        if (content.successCriteria.length === 0) content.successCriteria = items();
        break;
      case 'tests':
        if (content.tests.length === 0) content.tests = items();
        break;
      case 'estimate':
        content.fieldEstimate ??= hoursFromText(field.inline || lines.slice(field.start, field.end).join(' '));
        break;
      case 'dependencies': {
        const ids: string[] = [];
        idsInText(field.inline, ids);
        for (let i = field.start; i < field.end; i++) if (!fencedLines[i]) idsInText(lines[i], ids);
        content.declared = [...(content.declared ?? []), ...ids];
        refs.push(...ids);
        break;
      }
      case 'blocks':
        break;
    }
  }
  content.recognised = seen.size;
  occ.content = content;
  // Fields count more than an estimate in the header line: an index line with `(4-6h)` never outranks a section with fields.
  occ.score = seen.size + (occ.headerEstimate ? 0.5 : 0);
}

const HAS_ID = /\d\.\d/;

function scanReferences(line: string, out: string[]): void {
  if (!HAS_ID.test(line)) return;
  PROSE_REFERENCE.lastIndex = 0;
  for (let m = PROSE_REFERENCE.exec(line); m; m = PROSE_REFERENCE.exec(line)) idsInText(m[1], out);
}

function uniqueExcept(ids: readonly string[], self: string): string[] {
  const seen = new Set<string>([self]);
  const out: string[] = [];
  for (const id of ids) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

export function parsePlanMarkdown(text: string, file: string): PlanDocument {
  const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  // Splitting on one character is several times faster than on a regular expression.
  const lines = source.includes('\r') ? source.split(/\r\n|\r|\n/) : source.split('\n');
  /** 1 for fence lines and the lines between them. */
  const fencedLines = new Uint8Array(lines.length);
  const occurrences: Occurrence[] = [];
  let title: string | undefined;
  let fence: { char: string; length: number } | undefined;
  let inAchievementSection = false;
  let current: Occurrence | undefined;

  /** Ends the open occurrence before line `end`. */
  const close = (end: number) => {
    if (current) {
      current.end = end;
      closeOccurrence(current, lines, fencedLines);
    }
    current = undefined;
  };
  const open = (
    id: string,
    rawTitle: string,
    kind: Kind,
    lineIndex: number,
    headingLevel: number,
    /** Text after the title whose hours come before the title's own `(4-6h)` (the rest of a `**Achievement x.y: Title**` line). */
    after?: string,
  ) => {
    close(lineIndex);
    const line = lines[lineIndex];
    // The trailing `(4-6h)` is found once, for both the estimate and the title.
    const timer = rawTitle.indexOf('⏱');
    const paren = timer === -1 ? trailingEstimateStart(rawTitle) : -1;
    const title = timer === -1 ? titleBefore(rawTitle, paren) : cleanTitle(rawTitle);
    const headerEstimate =
      (after === undefined ? undefined : hoursFromText(after)) ??
      (timer !== -1 ? hoursFromText(rawTitle.slice(timer + 1)) : paren !== -1 ? hoursFromText(rawTitle.slice(paren)) : undefined);
    let lead = 0;
    while (lead < line.length && isSpace(line.charCodeAt(lead))) lead++;
    current = {
      id,
      title,
      kind,
      headingLevel,
      inAchievementSection,
      headerEstimate,
      column: lead + 1,
      headerIndex: lineIndex,
      end: lineIndex + 1,
      sawField: false,
      score: 0,
      content: undefined,
    };
    occurrences.push(current);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Cheap dispatch on the first non-blank character before any regular expression.
    let first = 0;
    while (first < line.length && (line[first] === ' ' || line[first] === '\t')) first++;
    const lead = line[first];
    const maybeFence = lead === '`' || lead === '~';
    if (fence) {
      const m = maybeFence ? FENCE.exec(line) : null;
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && m[2].trim() === '') fence = undefined;
      fencedLines[i] = 1;
      continue;
    }
    const fenceOpen = maybeFence ? FENCE.exec(line) : null;
    if (fenceOpen && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'))) {
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      fencedLines[i] = 1;
      continue;
    }
    const heading = lead === '#' ? HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1].length;
      const headingText = (heading[2] ?? '').replace(/\s+#+$/, '');
      if (level === 1 && title === undefined) title = headingText.trim();
      if (level <= 2) inAchievementSection = /achievement/i.test(headingText);
      const achievement = HEADING_ACHIEVEMENT.exec(headingText.trim());
      if (achievement) {
        const rest = achievement[2] ?? '';
        open(achievement[1], rest, 'heading', i, level);
        continue;
      }
      // A sub-heading stays inside a heading section; any other heading ends the section.
      if (current && (current.kind !== 'heading' || level <= current.headingLevel)) close(i);
      continue;
    }
    if ((lead === '-' || lead === '*' || lead === '_') && lastVisible(line) === lead && THEMATIC_BREAK.test(line)) {
      close(i);
      continue;
    }
    if (line.includes('Achievement')) {
      let m = boldIdThenStars(line) ? null : BOLD_TITLE.exec(line);
      if (m) {
        open(m[1], m[2], 'bold-title', i, 7, m[3]);
        continue;
      }
      m = BOLD_ID.exec(line);
      if (m) {
        open(m[1], m[2], 'bold-id', i, 7);
        continue;
      }
      // A list line inside a section with fields (e.g. under **Dependencies**) is content, not a new achievement.
      m = current?.sawField ? null : LIST.exec(line);
      if (m) {
        open(m[1], m[2], 'list', i, 7);
        continue;
      }
    }
    if (current && !current.sawField && line.includes('**') && FIELD.test(line)) current.sawField = true;
  }
  close(lines.length);

  return { file, title, achievements: mergeOccurrences(occurrences, lines, file) };
}

/** The last character that is not white space ('' for a blank line); a thematic break ends with its own character. */
function lastVisible(line: string): string {
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  return end === 0 ? '' : line[end - 1];
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * True when the first `Achievement` of the line is followed by ASCII spaces, an id and `*` (as in
 * `**Achievement 1.1**: Title`): BOLD_TITLE then cannot match (its `Achievement` is the first one of
 * the line, since nothing before it in the pattern can hold the word, and it needs a separator right
 * after the id), so that expression is skipped.
 */
function boldIdThenStars(line: string): boolean {
  let k = line.indexOf('Achievement');
  if (k === -1) return false;
  k += 11;
  const spaces = k;
  while (k < line.length && line.charCodeAt(k) === 0x20) k++;
  if (k === spaces) return false;
  const digits = k;
  while (k < line.length && isDigit(line.charCodeAt(k))) k++;
  if (k === digits || line.charCodeAt(k) !== 0x2e /* . */) return false;
  const fraction = ++k;
  while (k < line.length && isDigit(line.charCodeAt(k))) k++;
  return k !== fraction && line.charCodeAt(k) === 0x2a /* * */;
}


function mergeOccurrences(all: readonly Occurrence[], lines: readonly string[], file: string): PlanAchievementText[] {
  // Without any heading/bold-title form and any "Achievement…" section, the PLAN uses another layout: every index line counts.
  let structured = false;
  for (const o of all) {
    if (isStrong(o) || o.inAchievementSection) {
      structured = true;
      break;
    }
  }
  // Occurrences grouped by id in order of first appearance: the first one of each id, plus the later ones (rare) in a list.
  const ids = new IdTable(all.length);
  const firsts: Occurrence[] = [];
  let repeats: (Occurrence[] | undefined)[] | undefined;
  for (const occ of all) {
    if (structured && !(isStrong(occ) || occ.inAchievementSection || (occ.content !== undefined && occ.content.recognised > 0))) continue;
    const g = ids.add(occ.id);
    if (g === -1) {
      firsts.push(occ);
    } else {
      repeats ??= [];
      (repeats[g] ??= []).push(occ);
    }
  }
  const result: PlanAchievementText[] = new Array(firsts.length);
  for (let g = 0; g < firsts.length; g++) {
    const first = firsts[g];
    const more = repeats === undefined ? undefined : repeats[g];
    result[g] = more === undefined ? fromOne(first, lines, file) : fromMany([first, ...more], lines, file);
  }
  return result;
}

/** The lines of an occurrence with recognised fields, else ''. */
function bodyOf(occ: Occurrence | undefined, lines: readonly string[]): string {
  return occ !== undefined && occ.content !== undefined && occ.content.recognised > 0 ? lines.slice(occ.headerIndex, occ.end).join('\n').trim() : '';
}

/**
 * The empty list of every achievement named once whose list is empty: frozen (pushing to it throws instead
 * of filling the list of every such achievement); one shared array instead of four per achievement.
 */
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** An achievement named once (almost all of them): the same result as `fromMany` with one occurrence, without its lists. */
function fromOne(occ: Occurrence, lines: readonly string[], file: string): PlanAchievementText {
  const content = occ.content;
  const estimate = content?.fieldEstimate ?? occ.headerEstimate;
  const body = occ.score > 0 ? bodyOf(occ, lines) : '';
  const location = { file, line: occ.headerIndex + 1, column: occ.column };
  // One literal per shape (estimate last, as if added afterwards): adding it later would allocate a property store per achievement.
  const achievement: PlanAchievementText = estimate
    ? { id: occ.id, title: occ.title, deliverables: EMPTY, successCriteria: EMPTY, tests: EMPTY, referencedIds: EMPTY, body, location, estimate }
    : { id: occ.id, title: occ.title, deliverables: EMPTY, successCriteria: EMPTY, tests: EMPTY, referencedIds: EMPTY, body, location };
  if (content === undefined) return achievement;
  if (content.goal !== undefined) achievement.goal = content.goal;
  if (content.approach !== undefined) achievement.approach = content.approach;
  if (content.deliverables !== NONE) achievement.deliverables = content.deliverables;
  if (content.successCriteria !== NONE) achievement.successCriteria = content.successCriteria;
  if (content.tests !== NONE) achievement.tests = content.tests;
  let refs = content.refs;
  if (content.declared !== undefined) {
    achievement.declaredDependencies = uniqueExcept(content.declared, occ.id);
    refs = content.declared.concat(refs);
  }
  if (refs.length > 0) achievement.referencedIds = uniqueExcept(refs, occ.id);
  return achievement;
}

/** An achievement named several times: values from the richest occurrence first, then the others in document order. */
function fromMany(group: readonly Occurrence[], lines: readonly string[], file: string): PlanAchievementText {
  const first = group[0];
  const id = first.id;
  let primary: Occurrence | undefined;
  for (const occ of group) if (occ.score > 0 && (!primary || occ.score > primary.score)) primary = occ;
  const ordered = primary && primary !== first ? [primary, ...group.filter((o) => o !== primary)] : group;
  let title = '';
  for (const occ of group) {
    if (occ.title !== '') {
      title = occ.title;
      break;
    }
  }
  const achievement: PlanAchievementText = {
    id,
    title,
    deliverables: [],
    successCriteria: [],
    tests: [],
    referencedIds: [],
    body: bodyOf(primary, lines),
    location: { file, line: first.headerIndex + 1, column: first.column },
  };
  let declared: string[] | undefined;
  let refs: string[] = [];
  for (const occ of ordered) {
    const content = occ.content;
    if (achievement.estimate === undefined) {
      const estimate = content?.fieldEstimate ?? occ.headerEstimate;
      if (estimate) achievement.estimate = estimate;
    }
    if (content === undefined) continue;
    if (achievement.goal === undefined && content.goal !== undefined) achievement.goal = content.goal;
    if (achievement.approach === undefined && content.approach !== undefined) achievement.approach = content.approach;
    if (achievement.deliverables.length === 0) achievement.deliverables = content.deliverables;
    if (achievement.successCriteria.length === 0) achievement.successCriteria = content.successCriteria;
    if (achievement.tests.length === 0) achievement.tests = content.tests;
    if (declared === undefined && content.declared !== undefined) declared = content.declared;
    if (content.refs.length > 0) refs = refs.length === 0 ? content.refs : refs.concat(content.refs);
  }
  if (declared !== undefined) {
    achievement.declaredDependencies = uniqueExcept(declared, id);
    refs = declared.concat(refs);
  }
  if (refs.length > 0) achievement.referencedIds = uniqueExcept(refs, id);
  // Never hand out the shared empty list.
  if (achievement.deliverables === NONE) achievement.deliverables = [];
  if (achievement.successCriteria === NONE) achievement.successCriteria = [];
  if (achievement.tests === NONE) achievement.tests = [];
  return achievement;
}
