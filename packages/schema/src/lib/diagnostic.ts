/**
 * A located problem found in a plan folder. Every check of nx-plan, from the
 * JSON parser to the cycle finder, reports through this one shape so that
 * executors can print `file:line:col  severity  CODE  message` and a hint.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable code, `PLAN001`…; see DIAGNOSTIC_CODES for the catalogue. */
  code: DiagnosticCode;
  severity: Severity;
  /** One-line message, no trailing period. */
  message: string;
  /** One-line suggestion of how to fix it. */
  hint?: string;
  /** Path of the file, as given to the loader (usually relative to the workspace root or absolute). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column; 1 when the problem concerns the whole file. */
  column: number;
  /** RFC 6901 JSON pointer into parallel.json, when the problem is located there. */
  pointer?: string;
}

/**
 * The catalogue of diagnostic codes. Codes are stable: a code is never reused
 * for another meaning. `defaultSeverity` is the severity in tolerant mode.
 */
export const DIAGNOSTIC_CODES = {
  PLAN001: { title: 'Invalid JSON', defaultSeverity: 'error' },
  PLAN002: { title: 'Schema violation', defaultSeverity: 'error' },
  PLAN003: { title: 'Duplicate achievement id', defaultSeverity: 'error' },
  PLAN004: { title: 'Unknown dependency', defaultSeverity: 'error' },
  PLAN005: { title: 'Self dependency', defaultSeverity: 'error' },
  PLAN006: { title: 'Duplicate dependency', defaultSeverity: 'warning' },
  PLAN007: { title: 'Dependency cycle', defaultSeverity: 'error' },
  PLAN008: { title: 'File-name collision', defaultSeverity: 'error' },
  PLAN009: { title: 'plan_name does not match the folder', defaultSeverity: 'warning' },
  PLAN010: { title: 'Unsafe plan_name', defaultSeverity: 'error' },
  PLAN011: { title: 'Unknown field', defaultSeverity: 'warning' },
  PLAN012: { title: 'Redundant field disagrees with dependencies', defaultSeverity: 'warning' },
  PLAN013: { title: 'Achievement in PLAN missing from parallel.json', defaultSeverity: 'warning' },
  PLAN014: { title: 'Achievement in parallel.json missing from PLAN', defaultSeverity: 'warning' },
  PLAN015: { title: 'Title differs between PLAN and parallel.json', defaultSeverity: 'warning' },
  PLAN016: { title: 'Non-standard value accepted in tolerant mode', defaultSeverity: 'info' },
  PLAN017: { title: 'status field ignored (status is derived from files)', defaultSeverity: 'info' },
  PLAN020: { title: 'PLAN file missing', defaultSeverity: 'error' },
  PLAN021: { title: 'Unreadable file or folder', defaultSeverity: 'error' },
  PLAN022: { title: 'PLAN has no achievements', defaultSeverity: 'error' },
  PLAN023: { title: 'No parallel.json: dependencies inferred from the PLAN', defaultSeverity: 'info' },
  PLAN024: { title: 'Several PLAN files in one folder', defaultSeverity: 'error' },
  PLAN030: { title: 'APPROVED without EXECUTION_TASK', defaultSeverity: 'warning' },
  PLAN031: { title: 'Files for an achievement the plan does not have', defaultSeverity: 'warning' },
  PLAN032: { title: 'Several execution attempts', defaultSeverity: 'info' },
  PLAN033: { title: 'Stale in_progress marker', defaultSeverity: 'warning' },
  PLAN034: { title: 'Contradictory status files', defaultSeverity: 'warning' },
} as const satisfies Record<string, { title: string; defaultSeverity: Severity }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
