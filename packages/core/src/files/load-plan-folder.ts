// STUB (owner: core-loader helper). The one file-reading adapter of the engine; never throws.
import type { LoadedPlan, LoadOptions } from '../model/types';

/**
 * Read access to one plan folder. `loadPlanFolder` uses the file system;
 * generators pass an Nx Tree-backed source so that pending changes and
 * `--dryRun` are honoured.
 */
export interface PlanSource {
  /** The plan folder (absolute on disk, or workspace-relative for a Tree). */
  dir: string;
  /** Every file below dir, relative to it, '/'-separated, recursively. */
  list(): string[];
  /** File content, or undefined when missing; throws only for I/O errors (reported as PLAN021). */
  read(relativePath: string): string | undefined;
  /** True when relativePath exists and is a directory (e.g. a parallel.json that is a folder). */
  isDirectory(relativePath: string): boolean;
}

/** Load a plan from any source (pure apart from the source's reads). */
export function loadPlanFromSource(source: PlanSource, options?: LoadOptions): LoadedPlan { throw new Error('not implemented'); }

/** Load a plan folder from disk. */
export function loadPlanFolder(dir: string, options?: LoadOptions): LoadedPlan { throw new Error('not implemented'); }
