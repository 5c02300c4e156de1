/**
 * The in_progress marker that run-achievement holds while an agent works on an
 * achievement: JSON `{ pid, startedAt, achievement }`, created exclusively (and
 * atomically, content included) so two runners never work on the same
 * achievement, removed when the run ends.
 */
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inProgressMarkerContent, isProcessAlive, type InProgressMarker } from '@nx-plan/core';

export type MarkerContent = InProgressMarker;

export type AcquireResult =
  | { kind: 'acquired'; path: string; content: MarkerContent; replacedStale?: ReadMarker }
  | { kind: 'held'; path: string; holder: ReadMarker };

export interface ReadMarker {
  /** Parsed content; undefined when the file is not valid marker JSON. */
  content?: MarkerContent;
  /** Raw text (for messages about unreadable markers). */
  raw: string;
}

function parseMarker(raw: string): MarkerContent | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, startedAt, achievement } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof startedAt !== 'string' || typeof achievement !== 'string') return undefined;
    return { pid, startedAt, achievement };
  } catch {
    return undefined;
  }
}

/** Read a marker; undefined when there is none. */
export function readMarker(path: string): ReadMarker | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf-8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { content: parseMarker(raw), raw };
}

/** A marker is live when its JSON is valid and its process still runs. */
export function isLiveMarker(marker: ReadMarker, alive: (pid: number) => boolean = isProcessAlive): boolean {
  return marker.content !== undefined && alive(marker.content.pid);
}

/**
 * Create path with its full content, atomically, failing with EEXIST when it
 * exists: the content goes to a private temporary file that is then hard-linked
 * to path. A reader never sees a half-written marker (which would look stale).
 */
function writeExclusive(path: string, content: MarkerContent): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(temporary, inProgressMarkerContent(content), { flag: 'wx' });
  try {
    linkSync(temporary, path);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  }
}

/**
 * Create the marker with `wx` (fails if it exists). A live marker is left alone
 * and reported as `held`; a stale one (dead pid or unreadable JSON) is replaced.
 * Throws only for I/O errors other than EEXIST.
 */
export function acquireMarker(
  path: string,
  content: MarkerContent,
  alive: (pid: number) => boolean = isProcessAlive,
): AcquireResult {
  mkdirSync(dirname(path), { recursive: true });
  let replacedStale: ReadMarker | undefined;
  // Two rounds: the second one after removing a stale marker. If another runner
  // wins the race in between, its fresh marker is reported as held.
  for (let round = 0; round < 2; round++) {
    try {
      writeExclusive(path, content);
      return { kind: 'acquired', path, content, ...(replacedStale ? { replacedStale } : {}) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = readMarker(path);
    if (existing === undefined) continue; // removed meanwhile: try again
    if (isLiveMarker(existing, alive) || round === 1) return { kind: 'held', path, holder: existing };
    replacedStale = existing;
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const holder = readMarker(path);
  return { kind: 'held', path, holder: holder ?? { raw: '' } };
}

/**
 * Remove the marker if it is still ours (same pid and start time). Never throws:
 * this runs in `finally` blocks and signal handlers.
 */
export function releaseMarker(path: string, ours: MarkerContent): boolean {
  try {
    const current = readMarker(path);
    if (current?.content === undefined) return false;
    if (current.content.pid !== ours.pid || current.content.startedAt !== ours.startedAt) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}
