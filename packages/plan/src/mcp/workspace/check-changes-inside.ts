/**
 * Before a generator's Tree is flushed: every file it would write must land
 * inside the plan folder once symbolic links are followed (a `subplans`
 * folder that links elsewhere would otherwise carry the write out of the
 * workspace). The generators check their paths lexically; this checks the
 * disk. Returns the offending paths.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isInside } from './confine-path';

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

export function changesOutside(workspaceRoot: string, planAbs: string, changedPaths: readonly string[]): string[] {
  const realPlan = realpathSync(planAbs);
  return changedPaths.filter((relative) => {
    const target = join(workspaceRoot, ...relative.split('/'));
    const real = realpathSync(nearestExisting(dirname(target)));
    return !isInside(realPlan, real);
  });
}
