/** Test helper: every file below a folder with its content, to prove that nothing was written. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function diskSnapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(child);
      else if (entry.isFile()) files.set(child, readFileSync(join(root, child), 'utf8'));
    }
  }
  return files;
}
