import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type PluginEntry = string | { plugin: string; options?: Record<string, unknown>; include?: string[]; exclude?: string[] };

interface NxJson {
  plugins?: PluginEntry[];
  [key: string]: unknown;
}

export const PLAN_PLUGIN = '@nx-plan/plan';

export function readNxJson(workspace: string): NxJson {
  return JSON.parse(readFileSync(join(workspace, 'nx.json'), 'utf8')) as NxJson;
}

/** True when nx.json lists the @nx-plan/plan plugin (as a string or an object entry). */
export function isPlanPluginRegistered(workspace: string): boolean {
  return (readNxJson(workspace).plugins ?? []).some((p) => (typeof p === 'string' ? p : p.plugin) === PLAN_PLUGIN);
}

/**
 * Merges `options` into the @nx-plan/plan entry of nx.json, turning a string
 * entry into an object one, or adds the entry when there is none.
 */
export function setPlanPluginOptions(workspace: string, options: Record<string, unknown>): void {
  const nxJson = readNxJson(workspace);
  const plugins = nxJson.plugins ?? [];
  const index = plugins.findIndex((p) => (typeof p === 'string' ? p : p.plugin) === PLAN_PLUGIN);
  const current = index >= 0 ? plugins[index] : PLAN_PLUGIN;
  const entry = typeof current === 'string' ? { plugin: current } : { ...current };
  entry.options = { ...(entry.options ?? {}), ...options };
  if (index >= 0) plugins[index] = entry;
  else plugins.push(entry);
  nxJson.plugins = plugins;
  writeFileSync(join(workspace, 'nx.json'), `${JSON.stringify(nxJson, null, 2)}\n`);
}
