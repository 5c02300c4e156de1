// STUB (owner: core-graph helper)
import type { DependencyGraph } from './dependency-graph';
/** Iterative Tarjan SCC; one cycle path per non-trivial SCC, e.g. ['1.2','2.1','3.1'] meaning 1.2 → 2.1 → 3.1 → 1.2. */
export function findCycles(graph: DependencyGraph): string[][] { throw new Error('not implemented'); }
