// STUB (owner: core-loader helper). All paths are relative to the plan folder, with '/' separators.
export const PARALLEL_FILE_NAMES = ['parallel.json', 'PARALLEL-EXECUTION-ANALYSIS.json', 'parallel-execution.json', 'parallel_analysis.json'] as const;
export function planFileName(name: string): string { return `PLAN_${name}.md`; }
export function subplanPath(name: string, id: string): string { throw new Error('not implemented'); }
/** attempt 1 → `_01`. */
export function executionPath(name: string, id: string, attempt: number): string { throw new Error('not implemented'); }
export function approvedPath(id: string): string { throw new Error('not implemented'); }
export function fixPath(id: string): string { throw new Error('not implemented'); }
export function skippedPath(id: string): string { throw new Error('not implemented'); }
/** The run executor's in_progress marker: JSON `{ pid, startedAt, achievement }`. */
export function inProgressMarkerPath(id: string): string { throw new Error('not implemented'); }
