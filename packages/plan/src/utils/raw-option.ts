/**
 * `nx g` parses option values with yargs' number parsing on, so
 * `--achievement=1.10` reaches a generator as the number 1.1 — a different
 * achievement. When an id option arrives as a number, recover the text the
 * user typed from the command line (`--name=value`, `--name value`, kebab or
 * camel case); only when it is not there (a programmatic call) fall back to
 * `String(value)`.
 */

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The option's value as the user wrote it; undefined stays undefined. */
export function rawStringOption(name: string, value: unknown, argv: readonly string[] = process.argv): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') return String(value);
  const spellings = new Set([`--${name}`, `--${kebab(name)}`]);
  for (let i = argv.length - 1; i >= 0; i--) {
    const word = argv[i];
    const eq = word.indexOf('=');
    if (eq > 0 && spellings.has(word.slice(0, eq))) {
      const raw = word.slice(eq + 1);
      if (Number(raw) === value) return raw;
    } else if (spellings.has(word) && i + 1 < argv.length && Number(argv[i + 1]) === value) {
      return argv[i + 1];
    }
  }
  return String(value);
}
