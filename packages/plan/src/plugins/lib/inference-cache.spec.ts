import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InferenceCache, inferenceCacheFile } from './inference-cache';

const REPO_ROOT = resolve(__dirname, '../../../../..');

describe('InferenceCache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nx-plan-inference-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const project = (root: string, n: number) => ({ root, name: `plan-${n}`, targets: { validate: { executor: 'x' } } });

  it('serves an entry only for the same hash and version', () => {
    const file = inferenceCacheFile(dir, { a: 1 });
    const first = new InferenceCache(file, 'v1');
    first.project('plans/A', 'h1', () => project('plans/A', 1));
    first.write();

    const same = new InferenceCache(file, 'v1');
    expect(same.project('plans/A', 'h1', () => project('plans/A', 2)).name).toBe('plan-1');
    expect(same.project('plans/A', 'h2', () => project('plans/A', 3)).name).toBe('plan-3');
    expect([same.hits, same.misses]).toEqual([1, 1]);

    const otherVersion = new InferenceCache(file, 'v2');
    expect(otherVersion.project('plans/A', 'h1', () => project('plans/A', 4)).name).toBe('plan-4');
  });

  it('does not rewrite the file when everything was a hit, and never throws when it cannot write', () => {
    const file = inferenceCacheFile(dir, {});
    const cache = new InferenceCache(file, 'v1');
    cache.project('plans/A', 'h', () => project('plans/A', 1));
    cache.write();
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const warm = new InferenceCache(file, 'v1');
    warm.project('plans/A', 'h', () => project('plans/A', 2));
    warm.write();
    expect(statSync(file).mtime.toISOString()).toBe(past.toISOString());

    // A folder where the file should be: the write fails silently and leaves no temporary file.
    const blocked = join(dir, 'blocked');
    const unwritable = new InferenceCache(join(blocked, 'x', 'cache.json'), 'v1');
    writeFileSync(blocked, 'a file, not a folder');
    unwritable.project('plans/A', 'h', () => project('plans/A', 1));
    expect(() => unwritable.write()).not.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stays one whole, readable file while several processes write it at once', async () => {
    const file = join(dir, 'nx-plan-shared.json');
    const script = join(dir, 'writer.js');
    writeFileSync(
      script,
      `const { InferenceCache } = require(${JSON.stringify(join(__dirname, 'inference-cache.ts'))});
       const id = process.argv[2];
       for (let round = 0; round < 15; round++) {
         const cache = new InferenceCache(${JSON.stringify(file)}, 'v1');
         for (let i = 0; i < 300; i++) cache.project('plans/P' + i, id + '-' + round, () => ({ root: 'plans/P' + i, name: 'w' + id, targets: { t: { options: { pad: 'x'.repeat(200) } } } }));
         cache.write();
       }`
    );
    const writers = ['1', '2', '3', '4'].map(
      (id) =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, ['-r', '@swc-node/register', script, id], {
            cwd: REPO_ROOT,
            env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json') },
            stdio: 'ignore',
          });
          child.on('close', done);
        })
    );
    let reads = 0;
    let finished = false;
    const all = Promise.all(writers).then((codes) => {
      finished = true;
      return codes;
    });
    while (!finished) {
      if (existsSync(file)) {
        const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { project: { name: string } }> };
        // Every read sees one writer's complete file: 300 entries, all from the same process.
        expect(Object.keys(data.entries)).toHaveLength(300);
        expect(new Set(Object.values(data.entries).map((e) => e.project.name)).size).toBe(1);
        reads++;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await all).toEqual([0, 0, 0, 0]);
    expect(reads).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
