/**
 * The plugin's entry. Nx requires it (in a plugin worker) for `createNodes`
 * on every project-graph computation, so only the inference module is
 * imported up front. The executors, generators and batch helpers exported
 * for programmatic use are loaded on first access: non-enumerable getters,
 * because Nx spreads this module's exports when it loads the plugin
 * (nx/src/project-graph/plugins/load-resolved-plugin.js) and must not
 * trigger them. `nx g`/`nx run` never go through these exports: they load
 * each generator/executor file named in generators.json/executors.json.
 */
export { createNodes, normalizeOptions, PLAN_FILE_GLOB, preTasksExecution } from './plugins/plan-nodes';
export type { NormalizedPlanPluginOptions, PlanPluginOptions } from './plugins/plan-nodes';
import { createNodes } from './plugins/plan-nodes';

import type * as ValidateModule from './executors/validate/validate';
import type * as StatusModule from './executors/status/status';
import type * as GraphModule from './executors/graph/graph';
import type * as InitModule from './generators/init/init';
import type * as BatchSubplanModule from './generators/batch-subplan/batch-subplan';
import type * as BatchExecutionModule from './generators/batch-execution/batch-execution';
import type * as BatchSelectionModule from './generators/lib/batch-selection';
import type * as BatchRefusalModule from './generators/lib/batch-refusal';

/** @deprecated Nx 23 loads `createNodes`; kept for Nx versions that look for `createNodesV2`. */
export const createNodesV2 = createNodes;

export type { ValidateDocument } from './executors/validate/validate';
export type { ValidateExecutorSchema } from './executors/validate/schema';
export type { StatusExecutorSchema } from './executors/status/schema';
export type { GraphExecutorSchema } from './executors/graph/schema';
export type { InitGeneratorSchema } from './generators/init/schema';
export type { BatchSubplanGeneratorSchema } from './generators/batch-subplan/schema';
export type { BatchExecutionGeneratorSchema } from './generators/batch-execution/schema';
export type { BatchSelectionOptions, Selection, SelectedAchievements } from './generators/lib/batch-selection';
export type { BatchSummary, BatchItem } from './generators/lib/batch-summary';

export declare const validateExecutor: typeof ValidateModule.validateExecutor;
export declare const statusExecutor: typeof StatusModule.statusExecutor;
export declare const graphExecutor: typeof GraphModule.graphExecutor;
export declare const initGenerator: typeof InitModule.initGenerator;
export declare const batchSubplanGenerator: typeof BatchSubplanModule.batchSubplanGenerator;
export declare const decideSubplans: typeof BatchSubplanModule.decideSubplans;
export declare const needsSubplan: typeof BatchSubplanModule.needsSubplan;
export declare const batchExecutionGenerator: typeof BatchExecutionModule.batchExecutionGenerator;
export declare const decideExecutions: typeof BatchExecutionModule.decideExecutions;
export declare const needsExecution: typeof BatchExecutionModule.needsExecution;
export declare const parseSelection: typeof BatchSelectionModule.parseSelection;
export declare const selectAchievements: typeof BatchSelectionModule.selectAchievements;
export declare const describeSelection: typeof BatchSelectionModule.describeSelection;
export declare const BatchRefusal: typeof BatchRefusalModule.BatchRefusal;
export type BatchRefusal = BatchRefusalModule.BatchRefusal;

const LAZY_EXPORTS: Record<string, [module: string, name: string]> = {
  validateExecutor: ['./executors/validate/validate', 'validateExecutor'],
  statusExecutor: ['./executors/status/status', 'statusExecutor'],
  graphExecutor: ['./executors/graph/graph', 'graphExecutor'],
  initGenerator: ['./generators/init/init', 'initGenerator'],
  batchSubplanGenerator: ['./generators/batch-subplan/batch-subplan', 'batchSubplanGenerator'],
  decideSubplans: ['./generators/batch-subplan/batch-subplan', 'decideSubplans'],
  needsSubplan: ['./generators/batch-subplan/batch-subplan', 'needsSubplan'],
  batchExecutionGenerator: ['./generators/batch-execution/batch-execution', 'batchExecutionGenerator'],
  decideExecutions: ['./generators/batch-execution/batch-execution', 'decideExecutions'],
  needsExecution: ['./generators/batch-execution/batch-execution', 'needsExecution'],
  parseSelection: ['./generators/lib/batch-selection', 'parseSelection'],
  selectAchievements: ['./generators/lib/batch-selection', 'selectAchievements'],
  describeSelection: ['./generators/lib/batch-selection', 'describeSelection'],
  BatchRefusal: ['./generators/lib/batch-refusal', 'BatchRefusal'],
};

for (const [exported, [modulePath, name]] of Object.entries(LAZY_EXPORTS)) {
  Object.defineProperty(exports, exported, {
    enumerable: false,
    configurable: true,
    get: () => (require(modulePath) as Record<string, unknown>)[name],
  });
}
