// STUB (owner: core-loader helper). The one file-reading adapter of the engine; never throws.
import type { LoadedPlan, LoadOptions } from '../model/types';
export function loadPlanFolder(dir: string, options?: LoadOptions): LoadedPlan { throw new Error('not implemented'); }
