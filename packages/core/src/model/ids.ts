// STUB (owner: core-loader helper) — replace with the real implementation.
/** `^\d+\.\d+$` */
export const ACHIEVEMENT_ID_PATTERN = /^\d+\.\d+$/;
/** `1.1` → `11`, `2.10` → `210` (the file-name form; ambiguous, see collisions). */
export function nmOf(id: string): string { return id.replace('.', ''); }
export function parseAchievementId(id: string): { priority: number; index: number } | undefined { throw new Error('not implemented'); }
/** Order by priority, then index, numerically. */
export function compareAchievementIds(a: string, b: string): number { throw new Error('not implemented'); }
/** A safe single file-name component: letters, digits, `-`, `_`, `.`; not `.`/`..`; no separators. */
export function isSafeNameComponent(name: string): boolean { throw new Error('not implemented'); }
/** Default Nx project name of a plan: `plan-<name lower case>`, sanitised. */
export function defaultProjectName(planName: string): string { throw new Error('not implemented'); }
