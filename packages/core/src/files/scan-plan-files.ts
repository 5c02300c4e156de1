/**
 * Classification of a plan folder's files into the life-cycle files of each
 * achievement (SPEC §1, §4). Pure: it sees relative paths only, plus an
 * optional reader for the in_progress markers' JSON.
 */
import type { AchievementFiles, AttemptFile, PlanFiles, RunRecordFile } from '../model/types';
import { isProcessAlive as defaultIsProcessAlive } from '../status/is-process-alive';
import { parseRunRecord } from './parse-run-record';
import { EXECUTION_DIR, FEEDBACKS_DIR, IN_PROGRESS_DIR, RUN_RECORDS_DIR, SUBPLANS_DIR } from './plan-file-names';

export interface ScanPlanFilesOptions {
  /** Returns a marker's JSON text, or undefined when it cannot be read. Without it markers are taken as live. */
  readMarker?: (relativePath: string) => string | undefined;
  /** Liveness of the pid written in a marker; default `process.kill(pid, 0)`. */
  isProcessAlive?: (pid: number) => boolean;
  /** Returns a run record's JSON text, or undefined when it cannot be read. Without it records are listed unread. */
  readRunRecord?: (relativePath: string) => string | undefined;
}

/** Base names that claim to be life-cycle files. */
const LIFECYCLE_PREFIXES = ['SUBPLAN_', 'EXECUTION_TASK_', 'APPROVED_', 'FIX_', 'SKIPPED_', 'IN_PROGRESS_', 'AWAITING_REVIEW_'];
/** Run records are looked for in their own folder only (a `RUN_…` file elsewhere is none of ours). */
const RUN_PREFIX = 'RUN_';
const NM = /^\d+$/;
const ATTEMPT = /^\d{2,}$/;

/** What a plan folder's file is in the life cycle, for which achievement (`nm`), and for which attempt. */
export type ClassifiedPlanFile =
  | { kind: 'subplan' | 'approved' | 'skipped' | 'marker' | 'run'; nm: string }
  | { kind: 'execution' | 'fix' | 'awaiting'; nm: string; attempt: number };
type Classified = ClassifiedPlanFile;

/** `<prefix><NM><suffix>` → NM, or undefined. */
function nmBetween(base: string, prefix: string, suffix: string): string | undefined {
  if (!base.startsWith(prefix) || !base.endsWith(suffix) || base.length <= prefix.length + suffix.length) return undefined;
  const nm = base.slice(prefix.length, base.length - suffix.length);
  return NM.test(nm) ? nm : undefined;
}

/** `<prefix><NM>_<NN><suffix>` → NM and attempt NN (≥ 1), or undefined. */
function nmAndAttempt(base: string, prefix: string, suffix: string): { nm: string; attempt: number } | undefined {
  if (!base.startsWith(prefix) || !base.endsWith(suffix)) return undefined;
  const parts = base.slice(prefix.length, base.length - suffix.length).split('_');
  if (parts.length !== 2 || !NM.test(parts[0]) || !ATTEMPT.test(parts[1])) return undefined;
  const attempt = Number(parts[1]);
  return Number.isSafeInteger(attempt) && attempt >= 1 ? { nm: parts[0], attempt } : undefined;
}

function classify(name: string, dir: string, base: string): Classified | undefined {
  if (dir === SUBPLANS_DIR) {
    const nm = nmBetween(base, `SUBPLAN_${name}_`, '.md');
    return nm === undefined ? undefined : { kind: 'subplan', nm };
  }
  if (dir === EXECUTION_DIR) {
    const prefix = `EXECUTION_TASK_${name}_`;
    if (base.startsWith(prefix)) {
      const found = nmAndAttempt(base, prefix, '.md');
      return found && { kind: 'execution', ...found };
    }
    if (base.startsWith('AWAITING_REVIEW_')) {
      const found = nmAndAttempt(base, 'AWAITING_REVIEW_', '.md');
      return found && { kind: 'awaiting', ...found };
    }
    const nm = nmBetween(base, 'SKIPPED_', '.md');
    return nm === undefined ? undefined : { kind: 'skipped', nm };
  }
  if (dir === FEEDBACKS_DIR) {
    const approved = nmBetween(base, 'APPROVED_', '.md');
    if (approved !== undefined) return { kind: 'approved', nm: approved };
    const fix = nmBetween(base, 'FIX_', '.md');
    if (fix !== undefined) return { kind: 'fix', nm: fix, attempt: 1 };
    const later = nmAndAttempt(base, 'FIX_', '.md');
    return later && { kind: 'fix', ...later };
  }
  if (dir === IN_PROGRESS_DIR) {
    const nm = nmBetween(base, 'IN_PROGRESS_', '.json');
    return nm === undefined ? undefined : { kind: 'marker', nm };
  }
  if (dir === RUN_RECORDS_DIR) {
    const nm = nmBetween(base, RUN_PREFIX, '.json');
    return nm === undefined ? undefined : { kind: 'run', nm };
  }
  return undefined;
}

function normalisePlanPath(raw: string): string {
  return raw.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * The life-cycle file a plan-relative path names (SUBPLAN, EXECUTION_TASK,
 * APPROVED, FIX, SKIPPED, AWAITING_REVIEW, marker, run record), with its
 * achievement's `<NM>`; undefined for any other file. The same rule the
 * scanner applies.
 */
export function classifyPlanFile(planName: string, relativePath: string): ClassifiedPlanFile | undefined {
  const path = normalisePlanPath(relativePath);
  const slash = path.lastIndexOf('/');
  return classify(planName, slash < 0 ? '' : path.slice(0, slash), path.slice(slash + 1));
}

function readRunRecordFile(file: string, options: ScanPlanFilesOptions): RunRecordFile {
  if (!options.readRunRecord) return { file };
  let text: string | undefined;
  try {
    text = options.readRunRecord(file);
  } catch (error) {
    const reason = error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'I/O error';
    return { file, problem: `cannot be read (${reason})` };
  }
  if (text === undefined) return { file, problem: 'cannot be read' };
  const parsed = parseRunRecord(text);
  return parsed.record ? { file, record: parsed.record } : { file, problem: parsed.problem };
}

function byAttempt(a: AttemptFile, b: AttemptFile): number {
  return a.attempt - b.attempt || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

function readMarkerFile(
  file: string,
  options: ScanPlanFilesOptions,
  isAlive: (pid: number) => boolean,
): NonNullable<AchievementFiles['marker']> {
  if (!options.readMarker) return { file, stale: false };
  let text: string | undefined;
  try {
    text = options.readMarker(file);
  } catch {
    text = undefined;
  }
  if (text === undefined) return { file, stale: true };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { file, stale: true };
  }
  const record = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const pid = typeof record['pid'] === 'number' && Number.isSafeInteger(record['pid']) && record['pid'] > 0 ? record['pid'] : undefined;
  const startedAt = typeof record['startedAt'] === 'string' ? record['startedAt'] : undefined;
  let alive = false;
  if (pid !== undefined) {
    try {
      alive = isAlive(pid);
    } catch {
      alive = false;
    }
  }
  return { file, pid, startedAt, stale: !alive };
}

/** Pure: classify the plan folder's relative file paths. `readMarker` returns a marker's JSON text or undefined. */
export function scanPlanFiles(name: string, relativePaths: readonly string[], options: ScanPlanFilesOptions = {}): PlanFiles {
  const byNm = new Map<string, AchievementFiles>();
  const unrecognised: string[] = [];
  const isAlive = options.isProcessAlive ?? defaultIsProcessAlive;
  const entry = (nm: string): AchievementFiles => {
    let files = byNm.get(nm);
    if (!files) {
      files = { executions: [] };
      byNm.set(nm, files);
    }
    return files;
  };

  for (const raw of relativePaths) {
    const path = normalisePlanPath(raw);
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    const base = path.slice(slash + 1);
    if (!LIFECYCLE_PREFIXES.some((prefix) => base.startsWith(prefix)) && !(dir === RUN_RECORDS_DIR && base.startsWith(RUN_PREFIX))) continue;
    const found = classify(name, dir, base);
    if (!found) {
      unrecognised.push(path);
      continue;
    }
    const files = entry(found.nm);
    switch (found.kind) {
      case 'subplan':
        files.subplan = path;
        break;
      case 'execution':
        files.executions.push({ attempt: found.attempt, file: path });
        break;
      case 'approved':
        files.approved = path;
        break;
      case 'fix':
        (files.fixes ??= []).push({ attempt: found.attempt, file: path });
        break;
      case 'awaiting':
        (files.awaitingReview ??= []).push({ attempt: found.attempt, file: path });
        break;
      case 'run':
        files.run = readRunRecordFile(path, options);
        break;
      case 'skipped':
        files.skipped = path;
        break;
      case 'marker':
        files.marker = readMarkerFile(path, options, isAlive);
        break;
    }
  }

  for (const files of byNm.values()) {
    if (files.executions.length > 1) files.executions.sort(byAttempt);
    if (files.awaitingReview && files.awaitingReview.length > 1) files.awaitingReview.sort(byAttempt);
    const fixes = files.fixes;
    if (fixes) {
      if (fixes.length > 1) fixes.sort(byAttempt);
      const latest = fixes[fixes.length - 1];
      files.fix = latest.file;
      files.fixAttempt = latest.attempt;
    }
  }
  unrecognised.sort();
  return { byNm, unrecognised };
}
