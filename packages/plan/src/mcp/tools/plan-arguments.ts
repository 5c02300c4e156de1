/** Input fields shared by several tools. */
import { z } from 'zod';

export const planArgument = z
  .string()
  .min(1)
  .max(4096)
  .describe('The plan: its name (PLAN_<NAME>.md → NAME, any case), its Nx project name (plan-<name>) or its folder, relative to the workspace root');

export const strictArgument = z
  .boolean()
  .optional()
  .describe('Validate parallel.json against the published schema exactly; default: the plugin option "strict" in nx.json');

export const achievementIdArgument = z
  .string()
  .regex(/^\d+\.\d+$/, 'an achievement id is <priority>.<index>, e.g. 2.1')
  .max(32)
  .describe('Achievement id, e.g. 2.1');

export const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
