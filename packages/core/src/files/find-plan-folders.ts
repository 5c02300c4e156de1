/**
 * Plan folders below a root: every folder that directly holds a
 * `PLAN_<NAME>.md` file. Iterative walk (no recursion), symbolic links to
 * folders are not followed (no loops), unreadable folders are skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folder names never searched: dependencies, build output, scratch, VCS and Nx caches. */
export const IGNORED_FOLDER_NAMES: readonly string[] = ['node_modules', 'dist', 'tmp', '.git', '.nx'];

const PLAN_FILE = /^PLAN_.+\.md$/;

/** Absolute paths of folders under root that hold a `PLAN_<NAME>.md` (skips node_modules, dist, tmp, .git, .nx and other dot-folders), sorted. */
export function findPlanFolders(root: string): string[] {
  const found: string[] = [];
  const stack: string[] = [path.resolve(root)];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    let isPlanFolder = false;
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || IGNORED_FOLDER_NAMES.includes(entry.name)) continue;
        stack.push(path.join(dir, entry.name));
      } else if (!isPlanFolder && PLAN_FILE.test(entry.name) && (entry.isFile() || isFileLink(path.join(dir, entry.name)))) {
        isPlanFolder = true;
      }
    }
    if (isPlanFolder) found.push(dir);
  }
  return found.sort();
}

function isFileLink(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
