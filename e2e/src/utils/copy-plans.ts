import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CopiedPlan {
  /** Folder name = plan name (`RELEASE-PIPELINE`). */
  name: string;
  /** Absolute path in the workspace. */
  dir: string;
  /** Where it was copied from. */
  source: string;
  hasParallelJson: boolean;
}

/**
 * Copies every plan folder of `sourceRoot` (a folder holding `PLAN_<NAME>.md`)
 * into `<targetRoot>/<NAME>`. Returns nothing when `sourceRoot` is absent.
 */
export function copyPlanFolders(sourceRoot: string, targetRoot: string): CopiedPlan[] {
  if (!existsSync(sourceRoot)) return [];
  const copied: CopiedPlan[] = [];
  for (const entry of readdirSync(sourceRoot).sort()) {
    const source = join(sourceRoot, entry);
    if (!statSync(source).isDirectory() || !existsSync(join(source, `PLAN_${entry}.md`))) continue;
    const dir = join(targetRoot, entry);
    cpSync(source, dir, { recursive: true });
    copied.push({ name: entry, dir, source, hasParallelJson: existsSync(join(dir, 'parallel.json')) });
  }
  return copied;
}

/** `plan-<name in lower case>`: the default inferred project name (SPEC §6.1). */
export function planProjectName(planName: string): string {
  return `plan-${planName.toLowerCase()}`;
}
