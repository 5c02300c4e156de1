/**
 * The file paths a piece of plan text names. Two readings:
 *
 * - `fileMentions`: inline-code spans that look like a file or folder
 *   (`parallel_workflow.py`, `docs/GUIDE.md`, `LLM/scripts/`), as written, for
 *   the "Files" section of generated SUBPLANs;
 * - `namedFilePaths`: every path the text names, in code spans or bare
 *   (`src/app.ts`, packages/core/src/, README.md), normalised so that two
 *   achievements naming the same file give the same string; the plan folder's
 *   own life-cycle files are left out. This is what conflict foresight compares.
 *
 * Pure and linear in the length of the text.
 */

const CODE_SPAN = /`([^`\n]+)`/g;
/** Extensions of files that plans name (code, docs, config, data). */
const EXTENSIONS =
  'md|mdx|markdown|txt|rst|json|jsonc|json5|ya?ml|toml|ini|cfg|conf|xml|csv|tsv|sql|html?|css|scss|' +
  'ts|tsx|mts|cts|js|jsx|mjs|cjs|py|pyi|ipynb|rb|go|rs|java|kt|swift|c|h|cc|cpp|hpp|cs|php|sh|bash|zsh|ps1|' +
  'lock|graphql|proto|dockerfile|tf|vue|svelte|mmd|dot|svg|png';
/** A file name with a known extension, optionally under folders; or a folder path ending in `/`. */
const PATHISH = new RegExp(`^(?:[\\w@.~-]+/)*[\\w@.-]*[\\w-]\\.(?:${EXTENSIONS})$|^(?:[\\w@.~-]+/)+[\\w@.-]*$`, 'i');
const WITH_EXTENSION = new RegExp(`[\\w-]\\.(?:${EXTENSIONS})$`, 'i');
/** Folders joined by `/`, with at least one slash: `packages/core`, `src/lib/parser`, `/etc/hosts`. */
const SLASHED = /^\/?[\w@.~-]+(?:\/[\w@.~-]+)+\/?$/;
/** What any text naming a file holds somewhere. */
const MAY_NAME_A_FILE = /[/`]|\.[a-z]/i;
/** Where a bare path may be: a `.` or a `/` (the token around it is then read by hand, in linear time). */
const DOT_OR_SLASH = /[./]/g;
/** Library names written like files (`Node.js`, `Next.js`), not files of the project. */
const LIBRARY_NAMES = /^(?:node|next|nuxt|vue|express|three|chart|ember|backbone|angular|react|alpine|solid|svelte|d3|p5|moment|day|socket\.io|nest|deno|bun|electron|babylon|anime|video|pixi|paper|fabric|hammer|leaflet|handlebars|mustache|underscore|lodash|require|knockout|meteor|gatsby|remix|astro|qwik|preact|htmx|mithril|riot|marko)\.js$/i;
/** The plan folder's own files: every plan names them, they are not work that agents share. */
const PLAN_FOLDER_FILE =
  /^(?:PLAN|SUBPLAN|EXECUTION_TASK|APPROVED|FIX|SKIPPED|AWAITING_REVIEW|IN_PROGRESS|RUN)_[^/]*\.(?:md|json)$|^(?:parallel\.json|PARALLEL-EXECUTION-ANALYSIS\.json|parallel-execution\.json|parallel_analysis\.json)$/;

/** Code spans that name files or folders, once each, in order, as written. */
export function fileMentions(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(CODE_SPAN)) {
    const token = match[1].trim();
    if (token.length < 3 || /\s/.test(token) || /^[-–]/.test(token) || token.includes('://')) continue;
    if (!PATHISH.test(token)) continue;
    if (/^\d+(\.\d+)+$/.test(token)) continue; // version numbers and ids
    if (seen.has(token)) continue;
    seen.add(token);
    found.push(token);
  }
  return found;
}

/**
 * The comparable form of a path: no leading `./`, no trailing `/`, no
 * `:line[:col]` or `#anchor` suffix. Undefined when nothing path-like remains.
 */
export function normaliseNamedPath(token: string): string | undefined {
  let path = token.replace(/#.*$/, '').replace(/(?::\d+)+$/, '');
  while (path.startsWith('./')) path = path.slice(2);
  path = path.replace(/\/+$/, '');
  return path === '' || path === '.' || path === '..' ? undefined : path;
}

/** The plan folder's own files and folders (`execution/feedbacks`, `subplans/`), and names without a letter in their stem (`_01.md`). */
function isPlanFolderFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const stem = base.lastIndexOf('.') > 0 ? base.slice(0, base.lastIndexOf('.')) : base;
  if (PLAN_FOLDER_FILE.test(base) || !/[a-z]/i.test(stem)) return true;
  return /^(?:execution|subplans)(?:\/(?:feedbacks|\.in-progress|\.runs))?$/.test(path);
}

/** A domain at the start (`github.com/org/repo`, `www.x.io/…`): a link, not a file. */
function startsWithDomain(path: string): boolean {
  const first = path.slice(0, path.indexOf('/') >>> 0);
  return /^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|ai|app|co|gov|edu|info|me|sh)$/i.test(first);
}

/** `[A-Za-z0-9_@.~/-]`: the characters of a bare path. */
function isPathChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 64 || c === 46 || c === 126 || c === 47 || c === 45
  );
}

function hasLetter(text: string): boolean {
  return /[a-z]/i.test(text);
}

/** Files without an extension that projects commonly have. */
const EXTENSIONLESS_FILES = /^(?:Makefile|Dockerfile|Containerfile|LICENSE|NOTICE|CODEOWNERS|Procfile|Gemfile|Rakefile|Jenkinsfile|Vagrantfile|Brewfile|Justfile)$/;

/** The last segment names a file (an extension, a dotfile such as `.env`, or a Makefile-like name), not a folder. */
function namesAFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /\.[a-z0-9]{1,12}$/i.test(base) || EXTENSIONLESS_FILES.test(base);
}

/** A bare (not code-span) token that names a file: a known extension, or a path of 3+ segments, or a folder ending in `/`. */
function bareTokenPath(raw: string): string | undefined {
  // Sentence punctuation around the token is not part of it.
  const token = raw.replace(/^-+/, '').replace(/[.,:;!?-]+$/, '');
  if (token.length < 3 || !hasLetter(token) || token.includes('//')) return undefined;
  if (/^\d+(\.\d+)+$/.test(token) || /^v\d/i.test(token)) return undefined;
  const slashes = token.split('/').length - 1;
  if (slashes === 0) {
    return WITH_EXTENSION.test(token) && !LIBRARY_NAMES.test(token) && !/^\.\w+$/.test(token) ? token : undefined;
  }
  if (!SLASHED.test(token) || startsWithDomain(token)) return undefined;
  if (WITH_EXTENSION.test(token) || token.endsWith('/')) return token;
  // `packages/core/src`; not `TCP/IP/UDP` nor `1/2/3`.
  if (slashes >= 2 && /[a-z]/.test(token)) return token;
  return undefined;
}

/** A code-span token that names a file: what fileMentions keeps, plus any path with a slash (`src/lib`). */
function codeSpanPath(raw: string): string | undefined {
  const token = raw.trim();
  if (token.length < 3 || /\s/.test(token) || /^[-–]/.test(token) || token.includes('://')) return undefined;
  if (/^\d+(\.\d+)+$/.test(token) || /^@[\w.-]+\/[\w.-]+$/.test(token)) return undefined;
  if (PATHISH.test(token)) return LIBRARY_NAMES.test(token) ? undefined : token;
  if (SLASHED.test(token) && hasLetter(token) && !startsWithDomain(token)) return token;
  // `Makefile`, `.env`, `.gitignore`: files by name alone.
  if (EXTENSIONLESS_FILES.test(token) || /^\.[a-z][\w.-]*$/i.test(token)) return token;
  return undefined;
}

/**
 * Every file the text names, normalised (see normaliseNamedPath), once each,
 * in order of first mention. Folders (`src/lib/`, `packages/core`), scoped
 * package names (`@nx/devkit`), urls, versions and the plan folder's own
 * files (PLAN_, SUBPLAN_, EXECUTION_TASK_, feedbacks, parallel.json…) are
 * left out, and so is a bare file name whose full path the text also names.
 */
export function namedFilePaths(text: string): string[] {
  // Most titles and many bodies name no file: a path needs a `/`, an extension (`.` then a letter) or a code span.
  if (!MAY_NAME_A_FILE.test(text)) return [];
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (token: string | undefined): void => {
    if (token === undefined) return;
    const path = normaliseNamedPath(token);
    if (path === undefined || token.endsWith('/') || seen.has(path) || !namesAFile(path) || isPlanFolderFile(path)) return;
    seen.add(path);
    found.push(path);
  };
  if (text.includes('`')) {
    for (const match of text.matchAll(CODE_SPAN)) add(codeSpanPath(match[1]));
  }
  // Bare paths, outside code spans (code spans were read above, with their own rules).
  const bare = text.includes('`') ? text.replace(CODE_SPAN, ' ') : text;
  DOT_OR_SLASH.lastIndex = 0;
  for (let hit = DOT_OR_SLASH.exec(bare); hit !== null; hit = DOT_OR_SLASH.exec(bare)) {
    // The run of path characters around the `.` or `/`.
    let start = hit.index;
    while (start > 0 && isPathChar(bare.charCodeAt(start - 1))) start--;
    let end = hit.index + 1;
    while (end < bare.length && isPathChar(bare.charCodeAt(end))) end++;
    DOT_OR_SLASH.lastIndex = end;
    const raw = bare.slice(start, end);
    // Part of a url or an e-mail address: skip.
    const before = start > 0 ? bare.charCodeAt(start - 1) : 0;
    if (before === 58 /* : */ || before === 64 /* @ */) continue;
    if (raw.startsWith('@') && raw.split('/').length === 2) continue;
    add(bareTokenPath(raw));
  }
  return withoutShortNames(found);
}

/**
 * Drops a bare file name when the list also holds a path ending in it: a
 * short reference to the same file (`utils.py` for `src/utils.py`). Keeps the
 * list itself when nothing is dropped.
 */
export function withoutShortNames(paths: string[]): string[] {
  let full: Set<string> | undefined;
  for (const path of paths) {
    if (path.includes('/')) (full ??= new Set()).add(path.slice(path.lastIndexOf('/') + 1));
  }
  if (!full) return paths;
  const kept = paths.filter((path) => path.includes('/') || !full!.has(path));
  return kept.length === paths.length ? paths : kept;
}
