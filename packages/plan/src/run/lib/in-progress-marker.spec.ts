import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireMarker, readMarker, releaseMarker } from './in-progress-marker';

/** The pid of a process that has already exited (so it is no longer alive). */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf-8' });
  return Number(result.stdout);
}

describe('in_progress marker', () => {
  let dir: string;
  let markerFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nx-plan-marker-'));
    markerFile = join(dir, 'execution', '.in-progress', 'IN_PROGRESS_12.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const ours = { pid: process.pid, startedAt: '2026-01-02T03:04:05.000Z', achievement: '1.2' };

  it('creates the folder and the marker with pid, startedAt and achievement', () => {
    const result = acquireMarker(markerFile, ours);
    expect(result.kind).toBe('acquired');
    expect(JSON.parse(readFileSync(markerFile, 'utf-8'))).toEqual({
      pid: process.pid,
      startedAt: '2026-01-02T03:04:05.000Z',
      achievement: '1.2',
    });
    // no temporary file is left next to it
    expect(readdirSync(join(dir, 'execution', '.in-progress'))).toEqual(['IN_PROGRESS_12.json']);
  });

  it('refuses when a live process holds the marker, and leaves it untouched', () => {
    const other = { pid: process.pid, startedAt: '2026-01-01T00:00:00.000Z', achievement: '1.2' };
    acquireMarker(markerFile, other);
    const before = readFileSync(markerFile, 'utf-8');
    const result = acquireMarker(markerFile, ours);
    expect(result.kind).toBe('held');
    expect(result.kind === 'held' && result.holder.content).toEqual(other);
    expect(readFileSync(markerFile, 'utf-8')).toBe(before);
  });

  it('replaces a marker whose process is gone and reports what it replaced', () => {
    const pid = deadPid();
    mkdirSync(join(dir, 'execution', '.in-progress'), { recursive: true });
    writeFileSync(markerFile, JSON.stringify({ pid, startedAt: '2025-12-31T23:00:00.000Z', achievement: '1.2' }));
    const result = acquireMarker(markerFile, ours);
    expect(result.kind).toBe('acquired');
    expect(result.kind === 'acquired' && result.replacedStale?.content?.pid).toBe(pid);
    expect(readMarker(markerFile)?.content).toEqual(ours);
  });

  it('replaces a marker that is not valid JSON', () => {
    mkdirSync(join(dir, 'execution', '.in-progress'), { recursive: true });
    writeFileSync(markerFile, '{"pid": ');
    const result = acquireMarker(markerFile, ours);
    expect(result.kind).toBe('acquired');
    expect(result.kind === 'acquired' && result.replacedStale?.raw).toBe('{"pid": ');
  });

  it('takes the liveness check as a parameter', () => {
    acquireMarker(markerFile, { ...ours, startedAt: 'earlier' });
    expect(acquireMarker(markerFile, ours, () => false).kind).toBe('acquired');
  });

  it('releases only its own marker', () => {
    acquireMarker(markerFile, ours);
    expect(releaseMarker(markerFile, { ...ours, startedAt: 'another run' })).toBe(false);
    expect(existsSync(markerFile)).toBe(true);
    expect(releaseMarker(markerFile, ours)).toBe(true);
    expect(existsSync(markerFile)).toBe(false);
    // a second release is harmless
    expect(releaseMarker(markerFile, ours)).toBe(false);
  });

  it('reads a missing marker as undefined', () => {
    expect(readMarker(markerFile)).toBeUndefined();
  });
});
