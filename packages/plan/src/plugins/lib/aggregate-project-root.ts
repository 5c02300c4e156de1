/**
 * Root of the aggregate project. Nx merges inferred projects that share a
 * root, so the aggregate must not sit in a plan folder (nor in any other
 * project's folder). The configured root is used as given unless it is one of
 * the plan folders, which would merge the two projects: that is refused.
 */
export function aggregateProjectRoot(configuredRoot: string, planRoots: readonly string[]): string {
  const root = configuredRoot.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
  if (planRoots.includes(root)) {
    throw new Error(
      `nx-plan: "aggregateProjectRoot" is "${root}", which is a plan folder; ` +
        'Nx would merge the aggregate project into that plan project. Choose a folder that holds no PLAN file.'
    );
  }
  return root;
}
