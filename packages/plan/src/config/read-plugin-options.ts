/**
 * The @nx-plan/plan plugin entry of a workspace's nx.json, read without Nx
 * (the CLI, the MCP server and the achievement run use it): its `options`,
 * `include` and `exclude`. nx.json may hold comments, as Nx allows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isNxPlanPluginEntry } from './plugin-entry';

export interface PluginEntry {
  /** The entry's `options` object ({} when absent or when the plugin is not registered). */
  options: Record<string, unknown>;
  include?: string[];
  exclude?: string[];
  /** False when nx.json has no @nx-plan/plan entry (defaults then apply). */
  registered: boolean;
}

/** A problem with nx.json, reported as a located message. */
export class NxJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NxJsonError';
    Object.setPrototypeOf(this, NxJsonError.prototype);
  }
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return `${line}:${offset - last}`;
}

/** The plugin entry of `<workspaceRoot>/nx.json`; throws NxJsonError when nx.json cannot be read or parsed. */
export function readPluginEntry(workspaceRoot: string): PluginEntry {
  const file = join(workspaceRoot, 'nx.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new NxJsonError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0) {
    const first = errors[0];
    throw new NxJsonError(`nx.json:${lineCol(text, first.offset)}: ${printParseErrorCode(first.error)}`);
  }
  const plugins = (json as { plugins?: unknown } | null)?.plugins;
  if (Array.isArray(plugins)) {
    for (const entry of plugins) {
      const name = typeof entry === 'string' ? entry : (entry as { plugin?: unknown } | null)?.plugin;
      if (typeof name !== 'string' || !isNxPlanPluginEntry(name)) continue;
      if (typeof entry === 'string') return { options: {}, registered: true };
      const e = entry as { options?: unknown; include?: unknown; exclude?: unknown };
      const options = e.options && typeof e.options === 'object' && !Array.isArray(e.options) ? (e.options as Record<string, unknown>) : {};
      const globs = (v: unknown) => (Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : undefined);
      const include = globs(e.include);
      const exclude = globs(e.exclude);
      return { options, registered: true, ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
    }
  }
  return { options: {}, registered: false };
}
