// STUB (owner: core-loader helper)
import type { PlanFiles } from '../model/types';
/** Pure: classify the plan folder's relative file paths. `readMarker` returns a marker's JSON text or undefined. */
export function scanPlanFiles(name: string, relativePaths: readonly string[], options?: { readMarker?: (relativePath: string) => string | undefined; isProcessAlive?: (pid: number) => boolean }): PlanFiles { throw new Error('not implemented'); }
