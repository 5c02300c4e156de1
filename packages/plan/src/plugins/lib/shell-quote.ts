/**
 * One word for a POSIX shell: left as it is when it holds only characters
 * the shell never interprets, else in single quotes (a `'` inside becomes
 * `'\''`). Used for the plan root in the commands of run-commands targets.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
