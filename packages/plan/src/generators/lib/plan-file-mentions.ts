/**
 * The files an achievement's PLAN text names: inline-code spans that look
 * like a path or a file name (`parallel_workflow.py`, `docs/GUIDE.md`,
 * `LLM/scripts/`). Commands, flags and identifiers are left out.
 */

const CODE_SPAN = /`([^`\n]+)`/g;
/** Extensions of files that plans name (code, docs, config, data). */
const EXTENSIONS =
  'md|mdx|markdown|txt|rst|json|jsonc|json5|ya?ml|toml|ini|cfg|conf|xml|csv|tsv|sql|html?|css|scss|' +
  'ts|tsx|mts|cts|js|jsx|mjs|cjs|py|pyi|ipynb|rb|go|rs|java|kt|swift|c|h|cc|cpp|hpp|cs|php|sh|bash|zsh|ps1|' +
  'lock|graphql|proto|dockerfile|tf|vue|svelte|mmd|dot|svg|png';
/** A file name with a known extension, optionally under folders; or a folder path ending in `/`. */
const PATHISH = new RegExp(`^(?:[\\w@.~-]+/)*[\\w@.-]*[\\w-]\\.(?:${EXTENSIONS})$|^(?:[\\w@.~-]+/)+[\\w@.-]*$`, 'i');

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
