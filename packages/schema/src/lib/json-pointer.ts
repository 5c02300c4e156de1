/**
 * RFC 6901 JSON pointers: `/achievements/3/estimated_hours`. The empty string
 * is the whole document.
 */

/** Escape one reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  if (text.indexOf('~') === -1 && text.indexOf('/') === -1) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescape one reference token (`~1` → `/`, then `~0` → `~`). */
export function unescapePointerToken(token: string): string {
  if (token.indexOf('~') === -1) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Build a pointer from its tokens. */
export function joinPointer(tokens: readonly (string | number)[]): string {
  let pointer = '';
  for (const token of tokens) pointer += '/' + escapePointerToken(token);
  return pointer;
}

/**
 * Split a pointer into unescaped tokens. A leading `#` (URI fragment form) is
 * accepted; a pointer that does not start with `/` has no tokens beyond the
 * root only when it is empty, otherwise its text is taken as one token.
 */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer.charCodeAt(0) === 0x2f && pointer.indexOf('~') === -1) return pointer.slice(1).split('/');
  let text = pointer.startsWith('#') ? safeDecode(pointer.slice(1)) : pointer;
  if (text === '') return [];
  if (!text.startsWith('/')) text = '/' + text;
  return text.slice(1).split('/').map(unescapePointerToken);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
