/**
 * Test support for the docs test: what this repository actually offers to a
 * documented `npx nx` command — the plugin's generators and executors with
 * their schema options, the plan projects the plugin infers here with their
 * targets, and the other projects' targets.
 */
import { findPlanFolders, loadPlanFolder } from '@nx-plan/core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { normalizeOptions, type NormalizedPlanPluginOptions } from '../../plugins/plan-nodes';
import { planProjectName } from '../../plugins/lib/plan-project-name';

export interface OptionInfo {
  type?: string;
  enum?: string[];
}

export interface SchemaInfo {
  /** Schema file, relative to the repository root. */
  file: string;
  options: Map<string, OptionInfo>;
  /** alias → option name */
  aliases: Map<string, string>;
  /** Number of positional arguments the schema takes (`$default: { $source: 'argv' }`). */
  positional: number;
}

export interface PlanProject {
  name: string;
  dir: string;
  project: string;
  achievementIds: Set<string>;
}

export interface CommandCatalog {
  repoRoot: string;
  collections: Set<string>;
  pluginPackage: string;
  generators: Map<string, SchemaInfo>;
  executors: Map<string, SchemaInfo>;
  targetNames: NormalizedPlanPluginOptions;
  plans: PlanProject[];
  /** Targets of the projects defined by project.json files (packages, e2e). */
  projectTargets: Map<string, Set<string>>;
}

interface RawSchema {
  properties?: Record<string, { type?: string; enum?: string[]; alias?: string; aliases?: string[]; $default?: { $source?: string; index?: number } }>;
}

export function readSchemaInfo(repoRoot: string, file: string): SchemaInfo {
  const raw = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as RawSchema;
  const options = new Map<string, OptionInfo>();
  const aliases = new Map<string, string>();
  let positional = 0;
  for (const [name, prop] of Object.entries(raw.properties ?? {})) {
    options.set(name, { type: prop.type, enum: prop.enum });
    for (const alias of [prop.alias, ...(prop.aliases ?? [])]) if (alias) aliases.set(alias, name);
    if (prop.$default?.$source === 'argv') positional = Math.max(positional, (prop.$default.index ?? 0) + 1);
  }
  return { file, options, aliases, positional };
}

function readCollection(repoRoot: string, pluginDir: string, file: string, key: 'generators' | 'executors'): Map<string, SchemaInfo> {
  const json = JSON.parse(readFileSync(path.join(repoRoot, pluginDir, file), 'utf8')) as Record<string, Record<string, { schema: string }>>;
  const result = new Map<string, SchemaInfo>();
  for (const [name, entry] of Object.entries(json[key] ?? {})) {
    result.set(name, readSchemaInfo(repoRoot, path.posix.join(pluginDir, entry.schema)));
  }
  return result;
}

/** project.json files under packages/* and e2e (the projects not inferred by nx-plan). */
function readProjectTargets(repoRoot: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const candidates: string[] = [];
  const packages = path.join(repoRoot, 'packages');
  if (existsSync(packages)) for (const dir of readdirSync(packages)) candidates.push(path.join(packages, dir, 'project.json'));
  candidates.push(path.join(repoRoot, 'e2e', 'project.json'));
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; targets?: Record<string, unknown> };
    if (json.name) result.set(json.name, new Set(Object.keys(json.targets ?? {})));
  }
  return result;
}

/** Plugin options as registered in the repository's nx.json. */
function pluginOptions(repoRoot: string, pluginPackage: string): NormalizedPlanPluginOptions {
  const nxJson = JSON.parse(readFileSync(path.join(repoRoot, 'nx.json'), 'utf8')) as { plugins?: (string | { plugin: string; options?: object })[] };
  const entry = (nxJson.plugins ?? []).find((p) => (typeof p === 'string' ? p : p.plugin) === pluginPackage);
  return normalizeOptions(typeof entry === 'object' ? entry.options : undefined);
}

export function buildCommandCatalog(repoRoot: string): CommandCatalog {
  const pluginDir = 'packages/plan';
  const pluginPackage = (JSON.parse(readFileSync(path.join(repoRoot, pluginDir, 'package.json'), 'utf8')) as { name: string }).name;
  const targetNames = pluginOptions(repoRoot, pluginPackage);
  const plans = findPlanFolders(repoRoot).map((abs) => {
    const loaded = loadPlanFolder(abs);
    return {
      name: loaded.name,
      dir: path.relative(repoRoot, abs).split(path.sep).join('/'),
      project: planProjectName(loaded.name, targetNames.projectNamePrefix),
      achievementIds: new Set(loaded.achievements.map((a) => a.id)),
    };
  });
  return {
    repoRoot,
    // The tsconfig path alias `plan` resolves to the same plugin inside this repository.
    collections: new Set([pluginPackage, 'plan']),
    pluginPackage,
    generators: readCollection(repoRoot, pluginDir, 'generators.json', 'generators'),
    executors: readCollection(repoRoot, pluginDir, 'executors.json', 'executors'),
    targetNames,
    plans,
    projectTargets: readProjectTargets(repoRoot),
  };
}
