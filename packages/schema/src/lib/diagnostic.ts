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

/** One entry of the catalogue: what the code means and how to fix it in general. */
export interface DiagnosticCodeInfo {
  /** Short name of the problem. */
  title: string;
  /** Severity in the default (tolerant) mode; see `description` for `--strict`. */
  defaultSeverity: Severity;
  /** The cause: when the code is reported (one or two sentences). */
  description: string;
  /** The usual fix (each diagnostic also carries a hint specific to its case). */
  hint: string;
}

/**
 * The catalogue of diagnostic codes. Codes are stable: a code is never reused
 * for another meaning. `defaultSeverity` is the severity in tolerant mode.
 * The user documentation (docs/diagnostics.md) is checked against it.
 */
export const DIAGNOSTIC_CODES = {
  PLAN001: {
    title: 'Invalid JSON',
    defaultSeverity: 'error',
    description:
      'parallel.json is not well-formed JSON: a syntax error (missing comma, trailing comma, comment, single quotes, unterminated string…), an empty file, or a leading byte-order mark. The position is the first offending character.',
    hint: 'Fix the syntax at the reported line and column; save the file as UTF-8 without BOM.',
  },
  PLAN002: {
    title: 'Schema violation',
    defaultSeverity: 'error',
    description:
      'A value does not match the parallel.json schema: wrong type, missing required field, value outside an enum, id not of the form <priority>.<index>, bad date, negative hours. With --strict, range strings such as "4-6" in estimated_hours are schema violations too.',
    hint: 'Change the value to the form the message names (see the field reference of parallel.json).',
  },
  PLAN003: {
    title: 'Duplicate achievement id',
    defaultSeverity: 'error',
    description: 'Two entries of achievements have the same achievement_id, so dependencies on that id are ambiguous.',
    hint: 'Give each achievement its own id, as numbered in the PLAN, or merge the two entries.',
  },
  PLAN004: {
    title: 'Unknown dependency',
    defaultSeverity: 'error',
    description: 'An achievement lists a dependency id that no achievement of parallel.json has.',
    hint: 'Remove the id from dependencies, correct it, or add the missing achievement.',
  },
  PLAN005: {
    title: 'Self dependency',
    defaultSeverity: 'error',
    description: 'An achievement lists its own id in its dependencies, so it could never start.',
    hint: 'Remove the achievement\'s own id from its dependencies.',
  },
  PLAN006: {
    title: 'Duplicate dependency',
    defaultSeverity: 'warning',
    description: 'The same id appears more than once in one achievement\'s dependencies; the repetition has no effect.',
    hint: 'Remove the repeated id.',
  },
  PLAN007: {
    title: 'Dependency cycle',
    defaultSeverity: 'error',
    description: 'Achievements depend on each other in a circle (the message prints the full path, e.g. 1.2 → 2.1 → 1.2), so none of them can ever start.',
    hint: 'Remove one dependency of the printed cycle, the one that does not reflect a real ordering.',
  },
  PLAN008: {
    title: 'File-name collision',
    defaultSeverity: 'error',
    description:
      'Two achievement ids give the same file-name form <NM> (the id without its dot: 1.11 and 11.1 both give 111), so their SUBPLAN/EXECUTION files would be mixed up. nx-plan refuses to act on them.',
    hint: 'Renumber one of the achievements in the PLAN and in parallel.json.',
  },
  PLAN009: {
    title: 'plan_name does not match the folder',
    defaultSeverity: 'warning',
    description: 'plan_name differs from the NAME of the folder\'s PLAN_<NAME>.md file; it was probably copied from another plan.',
    hint: 'Set plan_name to the NAME of PLAN_<NAME>.md.',
  },
  PLAN010: {
    title: 'Unsafe plan_name',
    defaultSeverity: 'error',
    description: 'plan_name is not a safe single file-name component (it contains a path separator, is . or .., or has characters outside letters, digits, -, _ and .), so it cannot be used in file names.',
    hint: 'Use letters, digits, - and _ only, e.g. MY-PLAN.',
  },
  PLAN011: {
    title: 'Unknown field',
    defaultSeverity: 'warning',
    description:
      'A field that the schema does not define, at the top level or in an achievement. The tolerant mode keeps it (it is never dropped) and warns once per occurrence; --strict reports it as an error.',
    hint: 'Remove the field, or rename it if it is a misspelt known field; keep it only if another tool needs it.',
  },
  PLAN012: {
    title: 'Redundant field disagrees with dependencies',
    defaultSeverity: 'warning',
    description: 'A redundant field (blocks, parallelizable_with, total_achievements, …) says something other than what the dependencies say; nx-plan trusts dependencies.',
    hint: 'Correct or remove the redundant field; dependencies are the source of truth.',
  },
  PLAN013: {
    title: 'Achievement in PLAN missing from parallel.json',
    defaultSeverity: 'warning',
    description: 'The PLAN lists an achievement that parallel.json does not have, so it has no place in the dependency tree.',
    hint: 'Add the achievement to parallel.json with its dependencies, or remove it from the PLAN.',
  },
  PLAN014: {
    title: 'Achievement in parallel.json missing from PLAN',
    defaultSeverity: 'warning',
    description: 'parallel.json has an achievement that the PLAN does not list.',
    hint: 'Add the achievement to the PLAN, or remove it from parallel.json.',
  },
  PLAN015: {
    title: 'Title differs between PLAN and parallel.json',
    defaultSeverity: 'warning',
    description: 'The title of an achievement in parallel.json is not the title the PLAN gives it.',
    hint: 'Copy the PLAN\'s title into parallel.json (or fix the PLAN).',
  },
  PLAN016: {
    title: 'Non-standard value accepted in tolerant mode',
    defaultSeverity: 'info',
    description: 'A value outside the strict schema that the tolerant mode understands and accepts; --strict would reject it.',
    hint: 'Rewrite the value in the standard form if the file must pass --strict.',
  },
  PLAN017: {
    title: 'status field ignored (status is derived from files)',
    defaultSeverity: 'info',
    description:
      'An achievement has a status field. nx-plan never trusts it: status comes from the plan folder\'s files (APPROVED_, FIX_, SKIPPED_, EXECUTION_TASK_, SUBPLAN_).',
    hint: 'Remove the status field; it is ignored.',
  },
  PLAN020: {
    title: 'PLAN file missing',
    defaultSeverity: 'error',
    description: 'The plan folder has no PLAN_<NAME>.md file.',
    hint: 'Add PLAN_<NAME>.md to the folder, or point nx-plan at the right folder.',
  },
  PLAN021: {
    title: 'Unreadable file or folder',
    defaultSeverity: 'error',
    description: 'A file of the plan folder cannot be read (permissions, I/O error, or a folder where a file is expected).',
    hint: 'Check the path and its permissions; replace a folder by the expected file.',
  },
  PLAN022: {
    title: 'PLAN has no achievements',
    defaultSeverity: 'error',
    description: 'No achievement (e.g. **Achievement 1.1**: Title) was found in the PLAN markdown.',
    hint: 'Number the achievements in the PLAN as **Achievement <priority>.<index>**: Title.',
  },
  PLAN023: {
    title: 'No parallel.json: dependencies inferred from the PLAN',
    defaultSeverity: 'info',
    description: 'The plan folder has no parallel.json, so the dependency tree was inferred from the PLAN (priorities in order, achievements of one priority independent).',
    hint: 'Run the discover generator to write a parallel.json you can review and edit.',
  },
  PLAN024: {
    title: 'Several PLAN files in one folder',
    defaultSeverity: 'error',
    description: 'The folder holds more than one PLAN_<NAME>.md, so it is unclear which plan it is.',
    hint: 'Keep one PLAN file per folder; move the others to folders of their own.',
  },
  PLAN030: {
    title: 'APPROVED without EXECUTION_TASK',
    defaultSeverity: 'warning',
    description: 'An achievement has an APPROVED_<NM>.md feedback but no EXECUTION_TASK file: it was approved without a recorded execution.',
    hint: 'Add the missing EXECUTION_TASK file, or check that the APPROVED file has the right number.',
  },
  PLAN031: {
    title: 'Files for an achievement the plan does not have',
    defaultSeverity: 'warning',
    description: 'A SUBPLAN, EXECUTION_TASK or feedback file names an achievement number that the plan does not have.',
    hint: 'Rename the file to the right achievement number, or delete it.',
  },
  PLAN032: {
    title: 'Several execution attempts',
    defaultSeverity: 'info',
    description: 'An achievement has more than one EXECUTION_TASK attempt (_01, _02, …); the message gives the count.',
    hint: 'Nothing to do unless the older attempts are obsolete.',
  },
  PLAN033: {
    title: 'Stale in_progress marker',
    defaultSeverity: 'warning',
    description: 'An in_progress marker remains although the process that held it is no longer running (an interrupted run).',
    hint: 'Delete the marker file, or re-run the achievement.',
  },
  PLAN034: {
    title: 'Contradictory status files',
    defaultSeverity: 'warning',
    description: 'An achievement has files that contradict each other (e.g. both APPROVED and FIX, or SKIPPED and APPROVED); the first match of APPROVED, FIX, SKIPPED wins.',
    hint: 'Delete the file that no longer applies.',
  },
  PLAN035: {
    title: 'Work left on a branch by a run',
    defaultSeverity: 'warning',
    description:
      'A run record (execution/.runs/RUN_<NM>.json, git-ignored) says that a run of the achievement ended with its work on an nx-plan branch and in a worktree instead of merged: a merge conflict, uncommitted changes in the main tree, a review that gave up, a failed agent, an interrupt or a failed worktree setup. The message names the branch, the worktree and the files.',
    hint: 'Run the git commands of the hint (merge the branch and resolve, or remove the worktree and the branch), or rerun the achievement; nx-plan clean removes what is merged.',
  },
  PLAN036: {
    title: 'Achievements that can run at the same time name the same files',
    defaultSeverity: 'warning',
    description:
      'Two open achievements of the same dependency level (no dependency path between them, so execute may run them side by side) name the same file paths in their PLAN text or SUBPLAN: their agents will probably edit the same files and the second merge may conflict. A path named by more than 8 achievements of one level is reported once for all of them.',
    hint: 'Add a dependency between the achievements in parallel.json, or split the file so that each achievement edits its own.',
  },
  PLAN037: {
    title: 'Unreadable run record',
    defaultSeverity: 'warning',
    description: 'A file execution/.runs/RUN_<NM>.json cannot be read or is not a run record (not JSON, not an object, or no known outcome), so nx-plan cannot say where the run left its work.',
    hint: 'Look for the work with git branch --list "nx-plan/*" and git worktree list, then delete the record; rerunning the achievement writes a new one if needed.',
  },
  PLAN038: {
    title: 'AWAITING_REVIEW for an attempt that does not exist',
    defaultSeverity: 'warning',
    description: 'An AWAITING_REVIEW_<NM>_<NN>.md file names an execution attempt NN that has no EXECUTION_TASK file, so it is ignored when the status is derived.',
    hint: 'Delete the AWAITING_REVIEW file, or restore the EXECUTION_TASK file of that attempt.',
  },
  PLAN040: {
    title: 'Plan too large for per-achievement targets',
    defaultSeverity: 'info',
    description:
      'The plan has more achievements than the maxAchievementTargets plugin option (default 1000), so its Nx project has no achievement-<id> targets: Nx would spend seconds merging them on every command. validate, status and graph work as usual; execute fails with this explanation.',
    hint: 'Raise "maxAchievementTargets" in the @nx-plan/plan plugin options in nx.json (every nx command then pays for the targets), or split the plan.',
  },
  PLAN099: {
    title: 'Internal error',
    defaultSeverity: 'error',
    description: 'nx-plan hit an unexpected internal failure while checking this file; it reports it instead of crashing.',
    hint: 'Please report it with the file that triggers it.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
