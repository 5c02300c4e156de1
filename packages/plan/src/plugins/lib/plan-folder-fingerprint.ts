/**
 * The inference cache's key for one plan folder: a hash of what the file
 * system says about every file in it — relative path, size, modification
 * and change times (nanoseconds) and inode — without reading any file.
 *
 * Why not Nx's `calculateHashesForCreateNodes`: in a process without the Nx
 * daemon (CI, NX_DAEMON=false) it first builds the plugin worker's own
 * workspace context (a scan of every file of the workspace: about 0.45 s at
 * 40,000 files) and then matches every plan folder's glob against every file
 * of the workspace (plans × files: 0.65 s for 200 plans there), on every `nx`
 * command, only to learn that nothing changed (docs/performance.md). This
 * walk costs what the plan folders hold (about 90 ms for 10,000 plan files)
 * and nothing for the rest of the workspace.
 *
 * It is not weaker than Nx's hash: Nx re-hashes a file's content only when its
 * modification time changes (a same-size edit with the old mtime restored
 * keeps Nx's hash), while any write changes a file's change time, which the
 * kernel sets and no tool can restore. Files Nx would ignore (.gitignore,
 * .nxignore) count here too: the plugin reads the folder from disk, so they
 * can matter; at worst they cost a recomputation of that one plan.
 *
 * Not descended into: symbolic links, and node_modules, .git, .nx and .nx-plan (worktrees) folders
 * (a plan at the workspace root must not walk the whole workspace). A folder
 * with more than `limit` entries, or one that cannot be read, has no
 * fingerprint (undefined): the caller falls back to Nx's hash for it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FINGERPRINT_ENTRY_LIMIT = 20_000;

const NOT_WALKED = new Set(['node_modules', '.git', '.nx', '.nx-plan']);

export function planFolderFingerprint(workspaceRoot: string, root: string, limit = FINGERPRINT_ENTRY_LIMIT): string | undefined {
  const hash = createHash('sha256');
  const base = join(workspaceRoot, root);
  let entries = 0;
  // Depth first, names sorted, so the same tree always gives the same sequence.
  const pending: string[] = [''];
  try {
    while (pending.length > 0) {
      const dir = pending.pop()!;
      const names = readdirSync(join(base, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      entries += names.length;
      if (entries > limit) return undefined;
      const subfolders: string[] = [];
      for (const entry of names) {
        const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!NOT_WALKED.has(entry.name)) subfolders.push(relative);
          hash.update(`d\0${relative}\n`);
        } else if (entry.isFile()) {
          const stat = statSync(join(base, relative), { bigint: true });
          hash.update(`f\0${relative}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}\n`);
        } else {
          hash.update(`o\0${relative}\n`);
        }
      }
      for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i]);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
