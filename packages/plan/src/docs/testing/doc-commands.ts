/**
 * Test support for the docs test: the `npx nx …` command lines of the fenced
 * bash/sh blocks of markdown files, split into shell words.
 */

export interface DocCommand {
  /** Markdown file, as given. */
  file: string;
  /** 1-based line of the command in that file. */
  line: number;
  /** The command as written (one `&&`/`;` segment, continuation lines joined). */
  text: string;
  /** Shell words, quotes removed: `['npx', 'nx', 'run', 'plan:validate']`. */
  argv: string[];
}

const SHELL_FENCE = /^\s*(`{3,}|~{3,})\s*(bash|sh|shell|console|zsh)\b/;
const ANY_FENCE = /^\s*(`{3,}|~{3,})/;

/** Split a command line into words: single and double quotes group, backslash escapes. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** Split on `&&`, `||` and `;` outside quotes. */
function segments(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if ((ch === '&' || ch === '|') && text[i + 1] === ch) {
      parts.push(current);
      current = '';
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Every `npx nx …` command in the shell code blocks of `markdown`. */
export function extractNxCommands(markdown: string, file: string): DocCommand[] {
  return extractCommands(markdown, file, /^npx\s+nx(\s|$)/);
}

/** Every command of the shell code blocks of `markdown` whose text matches `program` (e.g. `npx nx-plan …`). */
export function extractCommands(markdown: string, file: string, program: RegExp): DocCommand[] {
  const lines = markdown.split(/\r?\n/);
  const commands: DocCommand[] = [];
  let fence: string | undefined;
  let shell = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const close = ANY_FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1]) {
        fence = undefined;
        continue;
      }
      if (!shell) continue;
      let text = line.replace(/^\s*\$\s+/, '');
      const start = i;
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`;
      // Drop a trailing comment.
      text = text.replace(/\s+#.*$/, '');
      for (const segment of segments(text)) {
        if (program.test(segment)) {
          commands.push({ file, line: start + 1, text: segment, argv: shellWords(segment) });
        }
      }
      continue;
    }
    const open = ANY_FENCE.exec(line);
    if (open) {
      fence = open[1];
      shell = SHELL_FENCE.test(line);
    }
  }
  return commands;
}

/** `--dry-run` → `dryRun`. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export interface ParsedArgs {
  positional: string[];
  /** Option names as written (without dashes, `no-` removed), camelCased, with their value if any. */
  options: { name: string; value?: string; raw: string }[];
}

/**
 * Parse the words after the subcommand: `--name=value`, `--name value` when
 * `takesValue(name)`, `--flag`, `--no-flag`, `-p value` for short options
 * that take a value; everything else is positional.
 */
export function parseArgs(words: readonly string[], takesValue: (name: string) => boolean): ParsedArgs {
  const result: ParsedArgs = { positional: [], options: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.startsWith('-') && word.length > 1 && word !== '--') {
      const long = word.startsWith('--');
      const eq = word.indexOf('=');
      let name = eq >= 0 ? word.slice(long ? 2 : 1, eq) : word.slice(long ? 2 : 1);
      let value = eq >= 0 ? word.slice(eq + 1) : undefined;
      if (long && name.startsWith('no-')) name = name.slice(3);
      name = camelCase(name);
      if (value === undefined && takesValue(name) && i + 1 < words.length && !words[i + 1].startsWith('-')) value = words[++i];
      result.options.push({ name, value, raw: word });
    } else {
      result.positional.push(word);
    }
  }
  return result;
}
