/**
 * Nx project names of inferred plan projects. A plan called `RELEASE-PIPELINE`
 * becomes `plan-release-pipeline` with the default prefix. Characters that Nx
 * project names and target strings do not tolerate well (spaces, `:`, `/`…)
 * become `-`, so the name is always usable in `nx run <project>:<target>`.
 */
export function planProjectName(planName: string, prefix: string): string {
  const slug = planName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}${slug || 'unnamed'}`;
}

/** `PLAN_RELEASE-PIPELINE.md` → `RELEASE-PIPELINE`; undefined for other file names. */
export function planNameFromFile(fileName: string): string | undefined {
  const match = /^PLAN_(.+)\.md$/.exec(fileName);
  return match ? match[1] : undefined;
}
