/**
 * `nx g` parses generator flags with yargs number parsing switched on, so
 * `--achievements=1.10` reaches the generator as the number 1.1 (and `2.30`
 * as 2.3): a different achievement. The command line still holds what the
 * user typed; this reads it back.
 */

/** The raw text of `--<name>=<v>` / `--<name> <v>` on the command line (last one wins). */
export function rawCliValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const flags = new Set([`--${name}`, `--${kebab}`]);
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const eq = arg.indexOf('=');
    if (eq > 0 && flags.has(arg.slice(0, eq))) found = arg.slice(eq + 1);
    else if (flags.has(arg) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) found = argv[i + 1];
  }
  return found;
}

/**
 * An option that must stay text (achievement ids): numbers are turned back
 * into the text typed on the command line when it is there, else String(n).
 */
export function textOption(name: string, value: unknown, argv: readonly string[] = process.argv): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return rawCliValue(name, argv) ?? String(value);
  if (Array.isArray(value)) return value.map((v) => String(v));
  return String(value);
}
