/**
 * Output schemas (zod, turned into JSON Schema by the SDK) shared by the
 * tools. Statuses and diagnostic codes are plain strings so that statuses
 * added later (e.g. `awaiting_review`) and new codes pass through, and every
 * object is open (`additionalProperties` allowed): the documents only ever gain
 * fields within a version, and a client validating against an older listing
 * must not reject them.
 */
import { z } from 'zod';

export const hoursSchema = z.looseObject({ min: z.number(), max: z.number() }).describe('Hours as a closed range');

export const diagnosticSchema = z.looseObject({
  code: z.string().describe('Stable code, PLAN001…'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  hint: z.string().optional(),
  file: z.string().describe('Workspace-relative file'),
  line: z.number(),
  column: z.number(),
  pointer: z.string().optional().describe('JSON pointer into parallel.json'),
});

export const recommendedActionSchema = z.looseObject({
  kind: z.string().describe('fix-errors, create-subplans, create-executions, execute, retry-failed, review, wait or done'),
  message: z.string(),
  command: z.string().optional().describe('The exact shell command to run'),
  ids: z.array(z.string()),
  details: z.array(z.string()).optional().describe('Further ways to act, one per line (e.g. how to record a review verdict)'),
});

export const parallelOpportunitySchema = z.looseObject({ level: z.number(), ids: z.array(z.string()) });

/** One plan of the status document (docs/status-json.md). */
export const statusPlanSchema = z.looseObject({
  name: z.string(),
  dir: z.string(),
  dependencySource: z.string(),
  achievements: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      level: z.number(),
      ready: z.boolean(),
      dependencies: z.array(z.string()),
      estimate: hoursSchema.optional(),
      attempts: z.number(),
    }),
  ),
  nextAvailable: z.array(z.string()),
  parallelOpportunities: z.array(parallelOpportunitySchema),
  criticalPath: z.looseObject({ ids: z.array(z.string()), hours: hoursSchema }),
  timeSavings: z.looseObject({
    sequential: hoursSchema,
    parallel: hoursSchema,
    saved: hoursSchema,
    percent: hoursSchema,
    unestimated: z.array(z.string()),
  }),
  recommendedAction: recommendedActionSchema,
  diagnostics: z.array(diagnosticSchema),
});

/** A tool call that carries out a recommended action, when one of this server's tools can. */
export const toolCallSchema = z.looseObject({
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});
