import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `root` as sorted, `/`-separated paths relative to `root`
 * (iterative walk; `node_modules`, `.git` and `.nx` are skipped).
 */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  if (!existsSync(root)) return files;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === '.git' || entry === '.nx') continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) pending.push(full);
      else files.push(relative(root, full).split(sep).join('/'));
    }
  }
  return files.sort();
}

/** Directories named `name` anywhere under `root` (absolute paths). */
export function findDirsNamed(root: string, name: string): string[] {
  const found: string[] = [];
  if (!existsSync(root)) return found;
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (!statSync(full).isDirectory()) continue;
      if (entry === name) found.push(full);
      else if (entry !== 'node_modules') pending.push(full);
    }
  }
  return found;
}
