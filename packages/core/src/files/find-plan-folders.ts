// STUB (owner: core-loader helper)
/** Absolute paths of folders under root that hold a `PLAN_<NAME>.md` (skips node_modules, dist, tmp, .git, .nx). */
export function findPlanFolders(root: string): string[] { throw new Error('not implemented'); }
