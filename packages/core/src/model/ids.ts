/**
 * Achievement ids (`<priority>.<index>`) and the names derived from them.
 * Pure string helpers, shared by the loader, the checks and the generators.
 */

/** `^\d+\.\d+$` */
export const ACHIEVEMENT_ID_PATTERN = /^\d+\.\d+$/;

/** `1.1` → `11`, `2.10` → `210` (the file-name form; ambiguous, see collisions). */
export function nmOf(id: string): string {
  return id.replace('.', '');
}

/** `2.10` → `{ priority: 2, index: 10 }`; undefined when id is not `<digits>.<digits>` or too large to be exact. */
export function parseAchievementId(id: string): { priority: number; index: number } | undefined {
  if (typeof id !== 'string' || !ACHIEVEMENT_ID_PATTERN.test(id)) return undefined;
  const dot = id.indexOf('.');
  const priority = Number(id.slice(0, dot));
  const index = Number(id.slice(dot + 1));
  if (!Number.isSafeInteger(priority) || !Number.isSafeInteger(index)) return undefined;
  return { priority, index };
}

/**
 * Order by priority, then index, numerically (`1.2` < `1.10` < `2.1`).
 * Ids that do not parse sort after valid ones; remaining ties (`1.01` vs `1.1`)
 * are broken by plain string order so that sorting is deterministic.
 */
export function compareAchievementIds(a: string, b: string): number {
  const pa = parseAchievementId(a);
  const pb = parseAchievementId(b);
  if (pa && pb) {
    if (pa.priority !== pb.priority) return pa.priority - pb.priority;
    if (pa.index !== pb.index) return pa.index - pb.index;
  } else if (pa) {
    return -1;
  } else if (pb) {
    return 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** A safe single file-name component: letters, digits, `-`, `_`, `.`; not `.`/`..`; no separators. */
export function isSafeNameComponent(name: string): boolean {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 200 &&
    SAFE_NAME.test(name) &&
    name !== '.' &&
    name !== '..'
  );
}

/**
 * Nx project name of a plan: `<prefix><name lower case>`, with characters Nx
 * project names and target strings do not tolerate (spaces, `:`, `/`…) turned
 * into single `-`; `<prefix>unnamed` when nothing is left.
 */
export function planProjectName(planName: string, prefix: string): string {
  const slug = String(planName)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return `${prefix}${slug || 'unnamed'}`;
}

/** Default Nx project name of a plan: `plan-<name lower case>`, sanitised. */
export function defaultProjectName(planName: string): string {
  return planProjectName(planName, 'plan-');
}
