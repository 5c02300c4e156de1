/**
 * Nx project names of inferred plan projects come from the engine, so the
 * commands it prints (`nx run plan-<name>:…`) always name the real project:
 * `RELEASE-PIPELINE` becomes `plan-release-pipeline` with the default prefix.
 */
export { planProjectName } from '@nx-plan/core';

/** `PLAN_RELEASE-PIPELINE.md` → `RELEASE-PIPELINE`; undefined for other file names. */
export function planNameFromFile(fileName: string): string | undefined {
  const match = /^PLAN_(.+)\.md$/.exec(fileName);
  return match ? match[1] : undefined;
}
