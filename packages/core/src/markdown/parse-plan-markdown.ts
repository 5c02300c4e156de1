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

interface Occurrence {
  id: string;
  title: string;
  kind: Kind;
  headingLevel: number;
  strong: boolean;
  inAchievementSection: boolean;
  headerEstimate?: HoursRange;
  line: number;
  column: number;
  header: string;
  lines: string[];
  fenced: boolean[];
  /** A field line (`**Goal**:` …) has been seen: list lines that name achievements are content from now on. */
  sawField: boolean;
  // Filled when the occurrence is closed.
  recognised: number;
  score: number;
  goal?: string;
  deliverables: string[];
  successCriteria: string[];
  approach?: string;
  tests: string[];
  declared?: string[];
  fieldEstimate?: HoursRange;
  refs: string[];
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
const TRAILING_ESTIMATE = new RegExp(String.raw`\s*\(\s*~?${NUMBER}\s*(?:(?:-|–|—|to)\s*${NUMBER}\s*)?(?:h|hrs?|hours?)\s*\)\s*$`, 'i');
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

function cleanTitle(raw: string): string {
  let title = raw.trim();
  title = title.replace(/\s*⏱️?.*$/u, '');
  title = title.replace(TRAILING_ESTIMATE, '');
  title = title.replace(/^\*\*(.*)\*\*$/, '$1').replace(/^__(.*)__$/, '$1');
  return title.trim();
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n += line[n] === '\t' ? 4 : 1;
  return n;
}

function dedent(lines: readonly string[]): string {
  let min = Infinity;
  for (const line of lines) if (line.trim() !== '') min = Math.min(min, indentOf(line));
  const cut = min === Infinity ? 0 : min;
  const out = lines.map((line) => (line.trim() === '' ? '' : line.slice(Math.min(cut, line.length - line.trimStart().length))));
  return out.join('\n').trim();
}

/** Top-level list items of a field's lines; nested lines and code stay inside their item. */
function listItems(lines: readonly string[], fenced: readonly boolean[]): string[] {
  const items: string[][] = [];
  let base = -1;
  let strip = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = fenced[i] ? null : LIST_ITEM.exec(line);
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

function fieldKey(name: string): FieldKey {
  const key = name.trim().replace(/:$/, '').trim().toLowerCase();
  return FIELD_NAMES[key] ?? 'other';
}

/** Reads the fields and prose references of an occurrence's lines. */
function closeOccurrence(occ: Occurrence): void {
  const fields: { key: FieldKey; inline: string; lines: string[]; fenced: boolean[] }[] = [];
  const refs: string[] = [];
  let current: (typeof fields)[number] | undefined;
  for (let i = 0; i < occ.lines.length; i++) {
    const line = occ.lines[i];
    const fenced = occ.fenced[i];
    const m = fenced ? null : FIELD.exec(line);
    if (m) {
      const name = m[1] ?? m[3];
      const inline = (m[1] !== undefined ? m[2] : m[4]) ?? '';
      current = { key: fieldKey(name), inline: inline.trim(), lines: [], fenced: [] };
      fields.push(current);
      if (current.key !== 'blocks') scanReferences(line, refs);
      continue;
    }
    if (current) {
      current.lines.push(line);
      current.fenced.push(fenced);
    }
    if (!fenced && current?.key !== 'blocks') scanReferences(line, refs);
  }

  const seen = new Set<FieldKey>();
  for (const field of fields) {
    if (field.key === 'other') continue;
    seen.add(field.key);
    const items = () => {
      const list = listItems(field.lines, field.fenced);
      return list.length > 0 ? list : field.inline ? [field.inline] : [];
    };
    const text = () => [field.inline, dedent(field.lines)].filter((part) => part !== '').join('\n').trim();
    switch (field.key) {
      case 'goal':
        occ.goal ??= field.inline || dedent(field.lines) || undefined;
        break;
      case 'approach':
        occ.approach ??= text() || undefined;
        break;
      case 'deliverables':
        if (occ.deliverables.length === 0) occ.deliverables = items();
        break;
      case 'successCriteria':
        if (occ.successCriteria.length === 0) occ.successCriteria = items();
        break;
      case 'tests':
        if (occ.tests.length === 0) occ.tests = items();
        break;
      case 'estimate':
        occ.fieldEstimate ??= hoursFromText(field.inline || field.lines.join(' '));
        break;
      case 'dependencies': {
        const ids: string[] = [];
        idsInText(field.inline, ids);
        for (let i = 0; i < field.lines.length; i++) if (!field.fenced[i]) idsInText(field.lines[i], ids);
        occ.declared = [...(occ.declared ?? []), ...ids];
        refs.push(...ids);
        break;
      }
      case 'blocks':
        break;
    }
  }
  occ.recognised = seen.size;
  // Fields count more than an estimate in the header line: an index line with `(4-6h)` never outranks a section with fields.
  occ.score = seen.size + (occ.headerEstimate ? 0.5 : 0);
  occ.refs = refs;
}

function scanReferences(line: string, out: string[]): void {
  if (!/\d\.\d/.test(line)) return;
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
  const lines = source.split(/\r\n|\r|\n/);
  const occurrences: Occurrence[] = [];
  let title: string | undefined;
  let fence: { char: string; length: number } | undefined;
  let inAchievementSection = false;
  let current: Occurrence | undefined;

  const close = () => {
    if (current) closeOccurrence(current);
    current = undefined;
  };
  const open = (
    id: string,
    rawTitle: string,
    kind: Kind,
    lineIndex: number,
    headingLevel: number,
    headerEstimate: HoursRange | undefined,
  ) => {
    close();
    const line = lines[lineIndex];
    current = {
      id,
      title: cleanTitle(rawTitle),
      kind,
      headingLevel,
      strong: kind === 'heading' || kind === 'bold-title',
      inAchievementSection,
      headerEstimate,
      line: lineIndex + 1,
      column: line.length - line.trimStart().length + 1,
      header: line,
      lines: [],
      fenced: [],
      sawField: false,
      recognised: 0,
      score: 0,
      deliverables: [],
      successCriteria: [],
      tests: [],
      refs: [],
    };
    occurrences.push(current);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && m[2].trim() === '') fence = undefined;
      if (current) {
        current.lines.push(line);
        current.fenced.push(true);
      }
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && fenceOpen[2].includes('`'))) {
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      if (current) {
        current.lines.push(line);
        current.fenced.push(true);
      }
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const headingText = (heading[2] ?? '').replace(/\s+#+$/, '');
      if (level === 1 && title === undefined) title = headingText.trim();
      if (level <= 2) inAchievementSection = /achievement/i.test(headingText);
      const achievement = HEADING_ACHIEVEMENT.exec(headingText.trim());
      if (achievement) {
        const rest = achievement[2] ?? '';
        open(achievement[1], rest, 'heading', i, level, hoursFromEstimateSuffix(rest));
        continue;
      }
      if (current && (current.kind !== 'heading' || level <= current.headingLevel)) close();
      else if (current) {
        current.lines.push(line);
        current.fenced.push(false);
      }
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      close();
      continue;
    }
    if (line.includes('Achievement')) {
      let m = BOLD_TITLE.exec(line);
      if (m) {
        open(m[1], m[2], 'bold-title', i, 7, hoursFromText(m[3]) ?? hoursFromEstimateSuffix(m[2]));
        continue;
      }
      m = BOLD_ID.exec(line);
      if (m) {
        open(m[1], m[2], 'bold-id', i, 7, hoursFromEstimateSuffix(m[2]));
        continue;
      }
      // A list line inside a section with fields (e.g. under **Dependencies**) is content, not a new achievement.
      m = current?.sawField ? null : LIST.exec(line);
      if (m) {
        open(m[1], m[2], 'list', i, 7, hoursFromEstimateSuffix(m[2]));
        continue;
      }
    }
    if (current) {
      current.lines.push(line);
      current.fenced.push(false);
      if (!current.sawField && line.includes('**') && FIELD.test(line)) current.sawField = true;
    }
  }
  close();

  return { file, title, achievements: mergeOccurrences(occurrences, file) };
}

/** `(4-6h)` at the end of a title, or `⏱️ 4-6 hours` after it. */
function hoursFromEstimateSuffix(rawTitle: string): HoursRange | undefined {
  const timer = /⏱️?(.*)$/u.exec(rawTitle);
  if (timer) return hoursFromText(timer[1]);
  const paren = TRAILING_ESTIMATE.exec(rawTitle);
  return paren ? hoursFromText(paren[0]) : undefined;
}

function mergeOccurrences(all: readonly Occurrence[], file: string): PlanAchievementText[] {
  // Without any heading/bold-title form and any "Achievement…" section, the PLAN uses another layout: every index line counts.
  const structured = all.some((o) => o.strong || o.inAchievementSection);
  const defining = structured ? all.filter((o) => o.strong || o.inAchievementSection || o.recognised > 0) : all;
  const groups = new Map<string, Occurrence[]>();
  for (const occ of defining) {
    const group = groups.get(occ.id);
    if (group) group.push(occ);
    else groups.set(occ.id, [occ]);
  }
  const result: PlanAchievementText[] = [];
  for (const [id, group] of groups) {
    const first = group[0];
    let primary: Occurrence | undefined;
    for (const occ of group) if (occ.score > 0 && (!primary || occ.score > primary.score)) primary = occ;
    const ordered = primary ? [primary, ...group.filter((o) => o !== primary)] : group;
    const pick = <T>(get: (o: Occurrence) => T | undefined): T | undefined => {
      for (const occ of ordered) {
        const value = get(occ);
        if (value !== undefined) return value;
      }
      return undefined;
    };
    const pickList = (get: (o: Occurrence) => string[]): string[] => pick((o) => (get(o).length > 0 ? get(o) : undefined)) ?? [];
    const declared = pick((o) => o.declared);
    const refs: string[] = [];
    for (const occ of ordered) refs.push(...occ.refs);
    const estimate = pick((o) => o.fieldEstimate ?? o.headerEstimate);
    const achievement: PlanAchievementText = {
      id,
      title: group.find((o) => o.title !== '')?.title ?? '',
      deliverables: pickList((o) => o.deliverables),
      successCriteria: pickList((o) => o.successCriteria),
      tests: pickList((o) => o.tests),
      referencedIds: uniqueExcept([...(declared ?? []), ...refs], id),
      body: primary && primary.recognised > 0 ? [primary.header, ...primary.lines].join('\n').trim() : '',
      location: { file, line: first.line, column: first.column },
    };
    if (estimate) achievement.estimate = estimate;
    const goal = pick((o) => o.goal);
    if (goal !== undefined) achievement.goal = goal;
    const approach = pick((o) => o.approach);
    if (approach !== undefined) achievement.approach = approach;
    if (declared !== undefined) achievement.declaredDependencies = uniqueExcept(declared, id);
    result.push(achievement);
  }
  return result;
}
