/**
 * Which nx.json plugin entries are the nx-plan plugin: its package name, the
 * `plan` alias of this repository, or a path to its source entry.
 */
export function isNxPlanPluginEntry(plugin: string): boolean {
  const normalized = plugin.replace(/\\/g, '/');
  return (
    normalized === '@nx-plan/plan' ||
    normalized === 'plan' ||
    normalized.startsWith('@nx-plan/plan/') ||
    /(^|\/)packages\/plan\/src\/index(\.[cm]?[jt]s)?$/.test(normalized)
  );
}
