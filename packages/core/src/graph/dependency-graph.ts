// STUB (owner: core-graph helper)
import type { AchievementNode } from '../model/types';
/** Compact index-based graph: node i's dependencies are deps[depStart[i] .. depStart[i+1]). Unknown/self/duplicate edges dropped. */
export interface DependencyGraph {
  ids: string[];
  indexOf: Map<string, number>;
  depStart: Int32Array;
  deps: Int32Array;
}
export function buildDependencyGraph(achievements: readonly AchievementNode[]): DependencyGraph { throw new Error('not implemented'); }
