/**
 * The agent must see the plan folder as it is in the main checkout, with the
 * SUBPLAN and EXECUTION_TASK files just generated and not committed yet. The
 * uncommitted files of the plan folder are copied into the worktree; what was
 * copied is remembered so that the commit can leave out the copies nobody
 * changed (other achievements' files stay theirs) and the merge can tell the
 * main tree's copy from a user's later edit.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dirtyFiles } from './repo-state';

/** One copied file: path relative to the repository top level, and its content when copied. */
export interface CopiedFile {
  path: string;
  content: Buffer;
  /** True when the file is not tracked in the main checkout. */
  untracked: boolean;
}

/**
 * Copy the plan folder's uncommitted files of the main checkout into the
 * worktree. In a reused worktree a file that already differs there is the
 * newer work (an earlier, interrupted attempt) and is never overwritten; the
 * main checkout's content is still remembered as the copy's origin.
 */
export async function copyUncommittedPlanFiles(
  mainToplevel: string,
  worktreeToplevel: string,
  planDirFromToplevel: string,
  reused = false,
): Promise<CopiedFile[]> {
  const copied: CopiedFile[] = [];
  for (const entry of await dirtyFiles(mainToplevel, [planDirFromToplevel])) {
    const from = join(mainToplevel, entry.path);
    let isFile = false;
    try {
      isFile = statSync(from).isFile();
    } catch {
      continue; // deleted in the main tree: nothing to copy
    }
    if (!isFile) continue;
    const to = join(worktreeToplevel, entry.path);
    const content = readFileSync(from);
    if (!(reused && existsSync(to))) {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
    copied.push({ path: entry.path, content, untracked: entry.untracked });
  }
  return copied;
}

/** Copies that still have their copied content in the worktree (nobody changed them). */
export function unchangedCopies(worktreeToplevel: string, copied: readonly CopiedFile[]): CopiedFile[] {
  return copied.filter((file) => {
    try {
      return readFileSync(join(worktreeToplevel, file.path)).equals(file.content);
    } catch {
      return false;
    }
  });
}

/** Remove untracked copies from the worktree (before `git worktree remove`, which keeps dirty worktrees). */
export function removeCopies(worktreeToplevel: string, files: readonly CopiedFile[]): void {
  for (const file of files) rmSync(join(worktreeToplevel, file.path), { force: true });
}
