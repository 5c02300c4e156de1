/**
 * Which sections of a SUBPLAN still wait to be written: a `#` heading whose
 * body is empty or holds a placeholder such as batch-subplan's
 * `> ✏️ **Not in the PLAN — fill in:**` marker, `[TO BE FILLED]`, `TBD`,
 * `TODO: fill` or `<!-- fill in -->`. Single pass over the lines, no recursion.
 */

export interface UnfilledSection {
  heading: string;
  /** 1-based line of the heading. */
  line: number;
  /** Why the section counts as unfilled. */
  reason: 'empty' | 'placeholder';
}

const PLACEHOLDERS: readonly RegExp[] = [
  // The marker batch-subplan writes where the PLAN says nothing: `> ✏️ **Not in the PLAN — fill in:** …`
  /^\s*>\s*(?:✏️?\s*)?\*{0,2}Not in the (?:PLAN|SUBPLAN)\s*[—–-]+\s*fill in/i,
  /\[\s*(?:TO BE (?:FILLED|WRITTEN|COMPLETED|DEFINED)|TBD|TODO|FILL(?: IN| ME)?)[^\]]*\]/i,
  /(?:^|[^\w])TBD(?:[^\w]|$)/,
  /<!--\s*(?:fill|todo|tbd)\b/i,
  /^\s*[_*]*\(?\s*to be (?:filled|written|completed|defined)\b/i,
  /^\s*(?:[-*]\s*)?TODO\s*:?\s*(?:fill|write|describe|add)\b/i,
];

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

function isPlaceholder(line: string): boolean {
  return PLACEHOLDERS.some((re) => re.test(line));
}

/** Sections of `markdown` that are empty or hold a placeholder (the document title `# …` counts only for placeholders). */
export function findUnfilledSections(markdown: string): UnfilledSection[] {
  const lines = markdown.split(/\r?\n/);
  const found: UnfilledSection[] = [];
  let current: { heading: string; line: number; level: number; content: boolean; placeholder: boolean } | undefined;
  let fence: string | undefined;

  const close = () => {
    if (!current) return;
    if (current.placeholder) found.push({ heading: current.heading, line: current.line, reason: 'placeholder' });
    else if (!current.content && current.level > 1) found.push({ heading: current.heading, line: current.line, reason: 'empty' });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      if (current) current.content = true;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      if (current) current.content = true;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      // A sub-heading counts as content of its parent section.
      if (current && level > current.level) current.content = true;
      close();
      current = { heading: heading[2], line: i + 1, level, content: false, placeholder: false };
      continue;
    }
    if (!current) continue;
    const text = line.trim();
    if (text === '' || /^(?:-{3,}|\*{3,}|_{3,})$/.test(text)) continue;
    if (isPlaceholder(line)) current.placeholder = true;
    else current.content = true;
  }
  close();
  return found;
}
