// STUB (owner: plugin helper) — batched createNodes over PLAN_*.md files.
import type { CreateNodes } from '@nx/devkit';

export interface PlanPluginOptions {
  /** Prefix of inferred plan project names; default `plan-`. */
  projectNamePrefix?: string;
  /** Name of the aggregate project; default `plan`. */
  aggregateProjectName?: string;
  validateTargetName?: string;
  statusTargetName?: string;
  graphTargetName?: string;
  /** Target running every achievement of a plan through the task graph; default `execute`. */
  executeTargetName?: string;
  /** Prefix of per-achievement targets; default `achievement-` (target `achievement-1.1`). */
  achievementTargetPrefix?: string;
  /** Validate with the published schema exactly. */
  strict?: boolean;
  /** Agent command for run-achievement, with {plan} {achievement} {subplanFile} {executionFile} placeholders. */
  agentCommand?: string;
}

export const PLAN_FILE_GLOB = '**/PLAN_*.md';

export const createNodes: CreateNodes<PlanPluginOptions> = [
  PLAN_FILE_GLOB,
  async () => [],
];
