import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempWorkspace, type TempWorkspace } from '../testing/temp-workspace';
import { acquireMergeLock, MERGE_LOCK_FILE } from './merge-lock';

describe('merge lock', () => {
  let ws: TempWorkspace;
  beforeEach(() => (ws = createTempWorkspace()));
  afterEach(() => ws.cleanup());

  it('is exclusive: a second holder waits until the first releases', async () => {
    const first = await acquireMergeLock(ws.root);
    const order: string[] = [];
    const second = acquireMergeLock(ws.root, 10_000, 10).then((lock) => {
      order.push('second acquired');
      return lock;
    });
    await new Promise((r) => setTimeout(r, 100));
    order.push('first releasing');
    first.release();
    (await second).release();
    expect(order).toEqual(['first releasing', 'second acquired']);
    expect(existsSync(join(ws.root, MERGE_LOCK_FILE))).toBe(false);
  });

  it('replaces a lock whose process is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    writeFileSync(join(ws.root, MERGE_LOCK_FILE), JSON.stringify({ pid, at: 'then' }));
    const lock = await acquireMergeLock(ws.root, 5_000, 10);
    expect(JSON.parse(readFileSync(join(ws.root, MERGE_LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('times out with the holder named when a live process keeps it', async () => {
    writeFileSync(join(ws.root, MERGE_LOCK_FILE), JSON.stringify({ pid: process.ppid, at: 'now' }));
    await expect(acquireMergeLock(ws.root, 200, 20)).rejects.toThrow(`held by pid ${process.ppid}`);
  });

  it('does not remove a lock it does not hold', async () => {
    const lock = await acquireMergeLock(ws.root);
    writeFileSync(join(ws.root, MERGE_LOCK_FILE), JSON.stringify({ pid: process.ppid, at: 'other' }));
    lock.release();
    expect(existsSync(join(ws.root, MERGE_LOCK_FILE))).toBe(true);
  });
});
