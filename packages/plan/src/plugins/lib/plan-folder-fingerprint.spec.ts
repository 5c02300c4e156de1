import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { planFolderFingerprint } from './plan-folder-fingerprint';

describe('planFolderFingerprint', () => {
  let ws: string;
  const write = (relative: string, content: string) => {
    mkdirSync(dirname(join(ws, relative)), { recursive: true });
    writeFileSync(join(ws, relative), content);
  };
  const fingerprint = (limit?: number) => planFolderFingerprint(ws, 'plans/A', limit);

  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'nx-plan-fingerprint-'));
    write('plans/A/PLAN_A.md', '# PLAN: A\n');
    write('plans/A/parallel.json', '{}\n');
    write('plans/A/execution/feedbacks/APPROVED_11.md', 'ok\n');
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('is the same for an unchanged folder and a hex sha-256', () => {
    const first = fingerprint();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint()).toBe(first);
  });

  it('changes when a file is rewritten with the same size and its modification time put back', () => {
    const file = join(ws, 'plans/A/PLAN_A.md');
    const reference = join(ws, 'reference');
    expect(spawnSync('cp', ['-p', file, reference]).status).toBe(0);
    const before = statSync(file, { bigint: true });
    const first = fingerprint();
    writeFileSync(file, '# PLAN: B\n');
    // What Nx's own file hashing cannot see: same size, same modification time to the nanosecond.
    expect(spawnSync('touch', ['-r', reference, file]).status).toBe(0);
    const after = statSync(file, { bigint: true });
    expect(after.size).toBe(before.size);
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(fingerprint()).not.toBe(first);
  });

  it('changes when a file is added, removed or renamed, also deep in the folder', () => {
    const seen = new Set([fingerprint()]);
    write('plans/A/execution/SKIPPED_12.md', 'x\n');
    seen.add(fingerprint());
    renameSync(join(ws, 'plans/A/execution/SKIPPED_12.md'), join(ws, 'plans/A/execution/SKIPPED_13.md'));
    seen.add(fingerprint());
    rmSync(join(ws, 'plans/A/execution/SKIPPED_13.md'));
    mkdirSync(join(ws, 'plans/A/empty'));
    seen.add(fingerprint());
    expect(seen.size).toBe(4);
  });

  it('does not walk node_modules, .git, .nx, .nx-plan or symbolic links (a plan at the workspace root stays cheap)', () => {
    const first = fingerprint();
    write('plans/A/node_modules/x/index.js', '1');
    const withModules = fingerprint();
    expect(withModules).not.toBe(first); // the folder itself is seen …
    write('plans/A/node_modules/x/other.js', '2');
    write('plans/A/.git/HEAD', 'ref');
    write('plans/A/.nx/workspace-data/x.json', '{}');
    write('plans/A/.nx-plan/worktrees/a/b.txt', 'x');
    const withGit = fingerprint();
    write('plans/A/.git/index', 'changed');
    write('plans/A/.nx/workspace-data/y.json', '{}');
    write('plans/A/.nx-plan/worktrees/a/c.txt', 'y');
    expect(fingerprint()).toBe(withGit); // … but not what is inside
    write('outside/big.txt', 'x');
    symlinkSync(join(ws, 'outside'), join(ws, 'plans/A/link'));
    const linked = fingerprint();
    write('outside/more.txt', 'y');
    expect(fingerprint()).toBe(linked);
  });

  it('gives none for a folder above the entry limit or one that cannot be read', () => {
    expect(fingerprint(3)).toBeUndefined();
    expect(fingerprint(100)).toBeDefined();
    expect(planFolderFingerprint(ws, 'plans/MISSING')).toBeUndefined();
  });
});
