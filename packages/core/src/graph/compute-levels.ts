// STUB (owner: core-graph helper)
import type { DependencyGraph } from './dependency-graph';
/** level = 0 without dependencies, else 1 + max(level of deps); -1 for nodes on or depending on a cycle. Iterative (Kahn). */
export function computeLevels(graph: DependencyGraph): Int32Array { throw new Error('not implemented'); }
