export { createNodes, normalizeOptions, PLAN_FILE_GLOB } from './plugins/plan-nodes';
export type { NormalizedPlanPluginOptions, PlanPluginOptions } from './plugins/plan-nodes';
import { createNodes } from './plugins/plan-nodes';

/** @deprecated Nx 23 loads `createNodes`; kept for Nx versions that look for `createNodesV2`. */
export const createNodesV2 = createNodes;

export { validateExecutor } from './executors/validate/validate';
export type { ValidateDocument } from './executors/validate/validate';
export type { ValidateExecutorSchema } from './executors/validate/schema';
export { statusExecutor } from './executors/status/status';
export type { StatusExecutorSchema } from './executors/status/schema';
export { graphExecutor } from './executors/graph/graph';
export type { GraphExecutorSchema } from './executors/graph/schema';

export { initGenerator } from './generators/init/init';
export type { InitGeneratorSchema } from './generators/init/schema';

export { batchSubplanGenerator, decideSubplans, needsSubplan } from './generators/batch-subplan/batch-subplan';
export type { BatchSubplanGeneratorSchema } from './generators/batch-subplan/schema';
export { batchExecutionGenerator, decideExecutions, needsExecution } from './generators/batch-execution/batch-execution';
export type { BatchExecutionGeneratorSchema } from './generators/batch-execution/schema';
export { parseSelection, selectAchievements, describeSelection } from './generators/lib/batch-selection';
export type { BatchSelectionOptions, Selection, SelectedAchievements } from './generators/lib/batch-selection';
export { BatchRefusal } from './generators/lib/batch-refusal';
export type { BatchSummary, BatchItem } from './generators/lib/batch-summary';
