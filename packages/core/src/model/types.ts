/**
 * The in-memory plan model shared by every part of the engine. Loading
 * (files/), checks (checks/), analysis (analysis/) and rendering (render/)
 * all speak these types; nothing here touches the file system or Nx.
 */
import type { AchievementStatus, Diagnostic, ParallelJson } from '@nx-plan/schema';
import type { RunRecord } from '../files/plan-file-names';
import type { FileOverlap } from '../overlaps/find-file-overlaps';

/** Hours as a closed range; a single number n is { min: n, max: n }. */
export interface HoursRange {
  min: number;
  max: number;
}

/** Where something came from, for located diagnostics. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** JSON pointer when the source is parallel.json. */
  pointer?: string;
}

/** One achievement as the PLAN markdown describes it (index line + detail section merged). */
export interface PlanAchievementText {
  /** `1.1`, `0.3`, `2.10`. */
  id: string;
  title: string;
  /** Estimate from `(4-6h)`, `⏱️ 4-6 hours`, `**Effort**: 2-3 hours`… */
  estimate?: HoursRange;
  /** Text of the **Goal** / **Purpose** field. */
  goal?: string;
  /** Items of **Deliverables** (one string per list item, markdown kept). */
  deliverables: string[];
  /** **Success Criteria** items. */
  successCriteria: string[];
  /** **Implementation Approach** / **Approach** / **What** text (markdown kept). */
  approach?: string;
  /** **Testing Requirements** / tests items. */
  tests: string[];
  /** Ids named by a **Dependencies** line or prose such as "depends on 1.2" / "from Achievement 3.1". */
  referencedIds: string[];
  /** Ids named by an explicit **Dependencies**: line (subset of referencedIds), undefined when there is no such line. */
  declaredDependencies?: string[];
  /** Full markdown of the achievement's detail section ('' when only an index line exists). */
  body: string;
  /** Where the achievement is first named in the PLAN. */
  location: SourceLocation;
}

export interface PlanDocument {
  file: string;
  /** First `# ` heading, if any. */
  title?: string;
  /** Achievements in document order, deduplicated by id (first index line wins for title). */
  achievements: PlanAchievementText[];
}

/** One node of the dependency graph, whichever source it came from. */
export interface AchievementNode {
  id: string;
  title: string;
  dependencies: string[];
  estimate?: HoursRange;
  /** First number of the id. */
  priority: number;
  /** Second number of the id. */
  index: number;
  location: SourceLocation;
}

/** A life-cycle file that carries an attempt number (EXECUTION_TASK _XX, FIX, AWAITING_REVIEW). */
export interface AttemptFile {
  attempt: number;
  file: string;
}

/**
 * A run record, `execution/.runs/RUN_<NM>.json`: a run left the achievement's
 * work on a branch / in a worktree. `record` is set when the JSON could be
 * read and understood; otherwise `problem` says why not.
 */
export interface RunRecordFile {
  file: string;
  record?: RunRecord;
  problem?: string;
}

/** What the plan folder's files say about one achievement (key: `<NM>`). */
export interface AchievementFiles {
  subplan?: string;
  /** EXECUTION_TASK files ordered by attempt number. */
  executions: AttemptFile[];
  approved?: string;
  /** The latest FIX feedback: the one with the highest attempt (`FIX_<NM>.md` is attempt 1, `FIX_<NM>_<NN>.md` attempt NN). */
  fix?: string;
  /** Attempt that the latest FIX judged; set together with `fix`. */
  fixAttempt?: number;
  /** Every FIX feedback ordered by attempt; set together with `fix`. */
  fixes?: AttemptFile[];
  skipped?: string;
  /** `AWAITING_REVIEW_<NM>_<NN>.md` files ordered by attempt: the agent of attempt NN exited 0, no review yet. */
  awaitingReview?: AttemptFile[];
  /** The run executor's in_progress marker, if present. */
  marker?: { file: string; pid?: number; startedAt?: string; stale: boolean };
  /** A run record: work of this achievement left on a branch / in a worktree. */
  run?: RunRecordFile;
}

export interface PlanFiles {
  /** Keyed by `<NM>` (id without its dot). */
  byNm: Map<string, AchievementFiles>;
  /** Relative paths of files that look like lifecycle files but do not parse. */
  unrecognised: string[];
}

export type DependencySource = 'parallel.json' | 'inferred';

export interface LoadedPlan {
  /** Plan name (from `PLAN_<NAME>.md`, else the folder name). */
  name: string;
  /** Plan folder (as given, typically absolute). */
  dir: string;
  planFile?: string;
  parallelFile?: string;
  plan?: PlanDocument;
  parallel?: ParallelJson;
  /** Raw text of parallelFile when it was read (lets checks locate JSON pointers finer than a node). */
  parallelText?: string;
  /** Achievements of the dependency graph, in source order. */
  achievements: AchievementNode[];
  dependencySource: DependencySource;
  files: PlanFiles;
  /**
   * Reads a file of the plan folder on demand (relative path), undefined when
   * it cannot be read. Conflict foresight reads the SUBPLANs of open
   * achievements through it, so loading stays cheap for callers that never
   * validate (e.g. project inference). Absent for plans built in memory.
   */
  readPlanFile?: (relativePath: string) => string | undefined;
  /** Problems found while loading: I/O, JSON syntax, schema, PLAN ↔ parallel.json. */
  diagnostics: Diagnostic[];
}

/**
 * The status derived from files: the statuses parallel.json's schema knows,
 * plus `awaiting_review` (the agent finished, no review has decided yet).
 */
export type DerivedStatus = AchievementStatus | 'awaiting_review';

export interface AnalyzedAchievement {
  id: string;
  title: string;
  status: DerivedStatus;
  /** 0 = no dependencies; otherwise 1 + max level of dependencies. -1 when on or behind a cycle. */
  level: number;
  /** Every dependency is complete or skipped (and the achievement itself is not). */
  ready: boolean;
  dependencies: string[];
  estimate?: HoursRange;
  attempts: number;
  /** Set on achievements that the PLAN lists but parallel.json does not (PLAN013): no place in the graph, not runnable, level -1. */
  planOnly?: true;
  /** With status awaiting_review: the attempt whose agent finished and awaits a verdict. */
  awaitingReview?: number;
  /** A run record: the run left this achievement's work on a branch / in a worktree (PLAN035). */
  run?: AchievementRun;
}

/** A readable run record of an achievement, with its file (relative to the plan folder). */
export interface AchievementRun extends RunRecord {
  file: string;
}

export interface ParallelOpportunity {
  level: number;
  ids: string[];
}

export interface TimeSavings {
  sequential: HoursRange;
  parallel: HoursRange;
  saved: HoursRange;
  /** Percent saved, min and max, rounded to one decimal. */
  percent: HoursRange;
  /** Achievements without an estimate (counted as 0 hours). */
  unestimated: string[];
}

export type RecommendedActionKind =
  | 'fix-errors'
  | 'create-subplans'
  | 'create-executions'
  | 'execute'
  | 'retry-failed'
  | 'review'
  | 'wait'
  | 'done';

export interface RecommendedAction {
  kind: RecommendedActionKind;
  /** Sentence for humans. */
  message: string;
  /** The exact command to run, if any. */
  command?: string;
  ids: string[];
  /** Further lines for humans (the ways to record a review verdict); absent when there are none. */
  details?: string[];
}

export interface PlanAnalysis {
  name: string;
  dir: string;
  dependencySource: DependencySource;
  achievements: AnalyzedAchievement[];
  /** Ready, not started (no SUBPLAN yet or any pre-execution status), by level, priority, id. */
  nextAvailable: string[];
  parallelOpportunities: ParallelOpportunity[];
  /** Waves: ids per level (levels 0..n), cycle members excluded. */
  waves: string[][];
  criticalPath: { ids: string[]; hours: HoursRange };
  timeSavings: TimeSavings;
  recommendedAction: RecommendedAction;
  /** Every diagnostic: loading + graph checks + status oddities, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** Achievements that the PLAN lists but parallel.json does not (`planOnly: true`), in PLAN order; not part of the figures above. */
  planOnly: AnalyzedAchievement[];
  /** Open achievements of one level that name the same files (conflict foresight, PLAN036), by level. */
  fileOverlaps: FileOverlap[];
}

export interface LoadOptions {
  /** Published schema exactly (no range strings, no unknown fields). */
  strict?: boolean;
  /** Liveness check for in_progress markers; default: process.kill(pid, 0). */
  isProcessAlive?: (pid: number) => boolean;
}

export interface AnalyzeOptions {
  strict?: boolean;
  /** Project name used in recommended commands; default `plan-<name lower case>`. */
  projectName?: string;
  /** Diagnostics already computed by validatePlan(plan); when given, analyzePlan does not validate again. */
  diagnostics?: Diagnostic[];
}
