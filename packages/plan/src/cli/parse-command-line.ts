/**
 * Command-line parsing for the read-only commands, on Node's util.parseArgs,
 * with messages a user can act on: an unknown option names the closest known
 * one, a missing or unexpected value says which option and what it takes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-usage-error';

export type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }>;

export interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommandLine(command: string, argv: readonly string[], options: OptionSpec, maxPositionals: number): ParsedCommandLine {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: options as ParseArgsConfig['options'], allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(explain(command, error, options), command);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).join(' ');
    throw new CliUsageError(
      maxPositionals === 0
        ? `nx-plan ${command} takes no arguments (got ${extra})`
        : `nx-plan ${command} takes at most ${maxPositionals} plan argument${maxPositionals === 1 ? '' : 's'} (extra: ${extra})`,
      command
    );
  }
  return { values: parsed.values as ParsedCommandLine['values'], positionals: parsed.positionals };
}

function explain(command: string, error: unknown, options: OptionSpec): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = option.replace(/^-+/, '').split('=')[0];
    const suggestion = closest(name, Object.keys(options));
    return `nx-plan ${command}: unknown option ${option}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = option.replace(/^-+/, '').split('=')[0];
    const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
    return spec?.type === 'boolean'
      ? `nx-plan ${command}: ${option.split('=')[0]} is a switch and takes no value`
      : `nx-plan ${command}: ${option.split('=')[0]} needs a value, e.g. ${option.split('=')[0]}=<value>`;
  }
  return `nx-plan ${command}: ${message.split('\n')[0]}`;
}

/**
 * The known option nearest to `name` (case-insensitive), if any is near
 * enough to be a typo: an edit distance of at most 2 for a word of up to 4
 * letters, 3 for a longer one (`--jsn` → `--json`, `mpc` → `mcp`; `--plan`
 * suggests nothing rather than `--json`).
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = name.length <= 4 ? 3 : 4;
  for (const candidate of known) {
    if (candidate.length <= 1) continue;
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
