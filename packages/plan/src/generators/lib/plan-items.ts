/**
 * Per-achievement checks shared by the batch generators: the safe path of a
 * file to create and what stands in its way, as summary items.
 */
import type { Tree } from '@nx/devkit';
import type { BatchItem } from './batch-summary';
import { pathInPlan, pathObstacle } from './plan-paths';

export type PathCheck =
  | { kind: 'free'; path: string }
  | { kind: 'exists'; path: string }
  | { kind: 'refused'; item: BatchItem };

/** Where `relativePath` (inside the plan folder) would be written, and whether it can be. */
export function checkNewFile(tree: Tree, planDir: string, id: string, relativePath: string): PathCheck {
  const path = pathInPlan(planDir, relativePath);
  if (!path) return { kind: 'refused', item: { id, file: relativePath, reason: 'path would leave the plan folder' } };
  const obstacle = pathObstacle(tree, planDir, path);
  switch (obstacle.kind) {
    case 'none':
      return { kind: 'free', path };
    case 'file-exists':
      return { kind: 'exists', path };
    case 'is-directory':
      return { kind: 'refused', item: { id, file: path, reason: 'a folder has this name; move it away' } };
    case 'parent-is-file':
      return { kind: 'refused', item: { id, file: path, reason: `${obstacle.parent} is a file, not a folder` } };
  }
}

/** The refusal sentence for a list of refused items, grouped by reason. */
export function refusalSentence(items: readonly BatchItem[]): string {
  const byReason = new Map<string, string[]>();
  for (const item of items) {
    const reason = item.reason ?? 'refused';
    const list = byReason.get(reason) ?? [];
    list.push(item.file ?? item.id ?? '?');
    byReason.set(reason, list);
  }
  return [...byReason.entries()].map(([reason, what]) => `${what.join(', ')}: ${reason}`).join('; ');
}
