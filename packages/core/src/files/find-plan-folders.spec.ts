import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPlanFolders } from './find-plan-folders';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nx-plan-find-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function touch(relative: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '# PLAN\n');
}

describe('findPlanFolders', () => {
  it('finds every folder that holds a PLAN_<NAME>.md, sorted', () => {
    touch('plans/B/PLAN_B.md');
    touch('plans/A/PLAN_A.md');
    touch('plans/A/subplans/SUBPLAN_A_11.md');
    touch('docs/PLAN_DOCS.md');
    touch('plans/C/README.md');
    touch('plans/D/PLAN_.md');
    expect(findPlanFolders(root)).toEqual([path.join(root, 'docs'), path.join(root, 'plans/A'), path.join(root, 'plans/B')]);
  });

  it('skips node_modules, dist, tmp, .git, .nx and other dot-folders', () => {
    for (const skipped of ['node_modules/x', 'dist/x', 'tmp/x', '.git/x', '.nx/x', '.cache/x', 'a/node_modules/y']) touch(`${skipped}/PLAN_X.md`);
    touch('a/PLAN_A.md');
    expect(findPlanFolders(root)).toEqual([path.join(root, 'a')]);
  });

  it('does not follow symbolic links to folders (no loops)', () => {
    touch('a/PLAN_A.md');
    fs.symlinkSync(root, path.join(root, 'a', 'loop'), 'dir');
    expect(findPlanFolders(root)).toEqual([path.join(root, 'a')]);
  });

  it('walks a 200-level deep tree iteratively', () => {
    let dir = root;
    for (let i = 0; i < 200; i++) dir = path.join(dir, 'd');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'PLAN_DEEP.md'), '# deep');
    expect(findPlanFolders(root)).toEqual([dir]);
  });

  it('returns nothing for a missing root', () => {
    expect(findPlanFolders(path.join(root, 'missing'))).toEqual([]);
  });
});
