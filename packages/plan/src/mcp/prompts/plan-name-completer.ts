/** Completion of a prompt's `plan` argument: the names of the workspace's plans that start with what was typed. */
import type { PlanWorkspace } from '../workspace/plan-workspace';

export function planNameCompleter(workspace: PlanWorkspace) {
  return (value: string | undefined): string[] => {
    try {
      const key = (value ?? '').toLowerCase();
      return workspace
        .plans()
        .map((p) => p.name)
        .filter((name) => name.toLowerCase().startsWith(key))
        .slice(0, 100);
    } catch {
      return [];
    }
  };
}
