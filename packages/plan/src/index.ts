export { createNodes, PLAN_FILE_GLOB } from './plugins/plan-nodes';
export type { PlanPluginOptions } from './plugins/plan-nodes';
import { createNodes } from './plugins/plan-nodes';

/** @deprecated Nx 23 loads `createNodes`; kept for Nx versions that look for `createNodesV2`. */
export const createNodesV2 = createNodes;
