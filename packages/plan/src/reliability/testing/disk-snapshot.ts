/**
 * Every file and folder under a root with its content, to prove that an
 * operation left the disk exactly as it was (iterative walk).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Relative path → file content, or `<dir>` for a folder. Sorted by path. */
export function diskSnapshot(root: string): Record<string, string> {
  const entries: [string, string][] = [];
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop() as string;
    for (const name of readdirSync(join(root, relative))) {
      const child = relative === '' ? name : `${relative}/${name}`;
      const stat = lstatSync(join(root, child));
      if (stat.isDirectory()) {
        entries.push([child, '<dir>']);
        pending.push(child);
      } else {
        entries.push([child, readFileSync(join(root, child), 'utf-8')]);
      }
    }
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
