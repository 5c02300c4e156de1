/**
 * The inferred project of each plan folder, kept between Nx invocations the
 * way Nx's own plugins (@nx/jest, @nx/vite) keep theirs: one JSON file in
 * Nx's workspace data directory (`.nx/workspace-data` by default; cleared by
 * `nx reset`), holding per plan folder the hash it was computed for and the
 * project. The hash covers the plan folder's files (their fingerprint,
 * lib/plan-folder-fingerprint, or Nx's file hashes where a folder has none),
 * the plugin options and the plugin's version, so any change of those
 * recomputes that plan only.
 *
 * Robust by construction:
 *  - a missing, unreadable, corrupt or foreign file (other format or plugin
 *    version) is an empty cache: inference never fails because of it;
 *  - the file is written whole to a temporary sibling and renamed into place,
 *    so two Nx processes inferring at once each leave a complete file (the
 *    last one wins) and a reader never sees a partial one;
 *  - what is written holds only the plan folders of this inference: plans
 *    that no longer exist are pruned;
 *  - a failed write is ignored (the next run computes again).
 *
 * NX_PLAN_DEBUG_CACHE=1 prints `nx-plan inference cache: N hit, M miss` to
 * stderr after each inference (used by the e2e tests and the benchmark).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectConfiguration } from '@nx/devkit';

/** Bumped whenever the shape of an inferred project changes without a version change. */
export const INFERENCE_CACHE_FORMAT = 1;

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, CacheEntry>;
}

interface CacheEntry {
  hash: string;
  project: ProjectConfiguration;
}

export class InferenceCache {
  private readonly previous: Record<string, CacheEntry>;
  private readonly next: Record<string, CacheEntry> = {};
  hits = 0;
  misses = 0;

  constructor(
    readonly file: string,
    private readonly version: string
  ) {
    this.previous = readEntries(file, version);
  }

  /** The cached project of a plan folder when its hash still matches, else a freshly computed one (remembered). */
  project(root: string, hash: string, compute: () => ProjectConfiguration): ProjectConfiguration {
    const cached = this.previous[root];
    if (cached && cached.hash === hash) {
      this.hits++;
      this.next[root] = cached;
      return cached.project;
    }
    this.misses++;
    const project = compute();
    this.next[root] = { hash, project };
    return project;
  }

  /** Writes the entries used by this inference (and only those), atomically; never throws. */
  write(): void {
    if (this.misses === 0 && sameKeys(this.previous, this.next)) return;
    const content: CacheFile = { format: INFERENCE_CACHE_FORMAT, version: this.version, entries: this.next };
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, JSON.stringify(content));
      renameSync(temp, this.file);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing was written (e.g. the folder could not be created)
      }
    }
  }

  /** The `NX_PLAN_DEBUG_CACHE=1` line. */
  report(): string {
    return `nx-plan inference cache: ${this.hits} hit, ${this.misses} miss`;
  }
}

function readEntries(file: string, version: string): Record<string, CacheEntry> {
  if (process.env['NX_CACHE_PROJECT_GRAPH'] === 'false') return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile> | null;
    if (
      data &&
      typeof data === 'object' &&
      data.format === INFERENCE_CACHE_FORMAT &&
      data.version === version &&
      data.entries &&
      typeof data.entries === 'object' &&
      !Array.isArray(data.entries)
    ) {
      const entries: Record<string, CacheEntry> = {};
      for (const [root, entry] of Object.entries(data.entries)) {
        if (isEntry(entry)) entries[root] = entry;
      }
      return entries;
    }
  } catch {
    // missing, unreadable or corrupt: start empty
  }
  return {};
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as Partial<CacheEntry> | null;
  return (
    !!entry &&
    typeof entry === 'object' &&
    typeof entry.hash === 'string' &&
    !!entry.project &&
    typeof entry.project === 'object' &&
    typeof entry.project.root === 'string'
  );
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b);
}

/**
 * The cache file for a set of plugin options: `nx-plan-<hash of options>.json`
 * in the workspace data directory, so two plugin entries with different
 * options (e.g. different plansGlob) keep separate caches.
 */
export function inferenceCacheFile(workspaceDataDirectory: string, options: unknown): string {
  return join(workspaceDataDirectory, `nx-plan-${stableHash(options).slice(0, 16)}.json`);
}

export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let versionMemo: string | undefined;

/**
 * What invalidates every entry: the package version, the cache format and the
 * modification times of the plugin's own inference code (this folder and its
 * parent), so editing the plugin in its own repository is never served stale
 * projects.
 */
export function pluginVersionKey(): string {
  if (versionMemo !== undefined) return versionMemo;
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: string })
      .version ?? 'unknown';
  } catch {
    // keep 'unknown'
  }
  const stamps: string[] = [];
  for (const dir of [__dirname, join(__dirname, '..')]) {
    try {
      for (const name of readdirSync(dir).sort()) {
        if (!/\.(ts|js)$/.test(name) || /\.spec\.(ts|js)$/.test(name)) continue;
        stamps.push(`${name}:${statSync(join(dir, name)).mtimeMs}`);
      }
    } catch {
      // unreadable folder: the version alone
    }
  }
  versionMemo = `${version}+${INFERENCE_CACHE_FORMAT}+${stableHash(stamps).slice(0, 12)}`;
  return versionMemo;
}
