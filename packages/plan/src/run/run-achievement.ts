/**
 * One achievement run, as a pipeline of steps (one module each, in steps/):
 *
 *   check-achievement (plan errors, done/awaiting review, dependency gate) →
 *   open-workspace (main checkout or the achievement's worktree) →
 *   prepare-files (missing SUBPLAN / next EXECUTION_TASK, before the marker:
 *   the generators skip achievements in progress) → hold the in_progress
 *   marker → run-agent → review (reviewCommand: APPROVED, or FIX + next
 *   attempt + agent again, up to maxAttempts) or AWAITING_REVIEW →
 *   land-work (commit, merge under lock, remove the worktree); a run that
 *   leaves work behind writes a run record (run-record).
 *
 * Used by `nx-plan run-achievement` (the inferred nx:run-commands targets)
 * and by the `@nx-plan/plan:run-achievement` executor. Never throws: every
 * problem is a message on stderr and a non-zero exit code.
 */
import { constants as osConstants } from 'node:os';
import { join, posix } from 'node:path';
import { defaultProjectName, inProgressMarkerPath, renderDiagnostics, type RunOutcome } from '@nx-plan/core';
import type { TaskLogger } from '../executors/lib/task-logger';
import { acquireMarker, releaseMarker, type MarkerContent } from './lib/in-progress-marker';
import { StepTimings } from './lib/step-timings';
import type { RunOptions } from './run-options';
import { checkAchievement } from './steps/check-achievement';
import { cleanUpWorktree, commitAll, mergeIntoMain, MERGE_MESSAGE_PREFIX, type LandRequest } from './steps/land-work';
import { openWorkspace, type Workspace } from './steps/open-workspace';
import { prepareFiles } from './steps/prepare-files';
import { readAttempt, type AttemptState } from './steps/read-attempt';
import { writeApproved, writeAwaitingReview, writeFix, type VerdictContext } from './steps/record-verdict';
import { removeRunRecord, writeRunRecord } from './steps/run-record';
import { describeCommandFailure, formatSeconds, runCommand, succeeded, type AttemptFiles, type CommandRun } from './steps/run-agent';

/** Exit codes: 0 done (or nothing to do), 1 failed, 128 + n interrupted by signal n. */
export type RunExitCode = number;

const signalExit = (signal: NodeJS.Signals) => 128 + (osConstants.signals[signal] ?? 1);

export async function runAchievement(options: RunOptions, log: TaskLogger): Promise<RunExitCode> {
  const timings = new StepTimings();
  try {
    return await runTimed(options, log, timings);
  } catch (error) {
    // A step failed in a way it did not foresee (an unwritable folder, a review file that appeared meanwhile).
    log.error(`run-achievement: achievement ${options.achievement} stopped: ${(error as Error).message}`);
    return 1;
  } finally {
    timings.report(options.achievement);
  }
}

async function runTimed(options: RunOptions, log: TaskLogger, timings: StepTimings): Promise<RunExitCode> {
  const id = options.achievement;
  const project = (name: string) => options.projectName ?? defaultProjectName(name);
  const fail = (message: string): RunExitCode => {
    log.error(`run-achievement: ${message}`);
    return 1;
  };

  // 1. What the plan says.
  const check = await timings.time('check', () => checkAchievement(options, (plan) => project(plan.name)));
  if (check.kind === 'fail') {
    if (check.diagnostics && check.diagnostics.length > 0) log.error(renderDiagnostics(check.diagnostics, { relativeTo: options.workspaceRoot }));
    return fail(check.message);
  }
  if (check.kind === 'end') {
    log.info(check.message);
    return 0;
  }
  const { plan, title } = check;
  const planName = plan.name;
  if (options.agentCommand === undefined) {
    return fail(
      `no agent command configured for achievement ${id} of ${planName}.\n` +
        `  Set "agentCommand" in the @nx-plan/plan plugin options in nx.json, e.g.\n` +
        `    { "plugin": "@nx-plan/plan", "options": { "agentCommand": "my-agent --task {executionFile}" } }\n` +
        `  or pass it for one run: npx nx run ${project(planName)}:execute --agentCommand="my-agent --task {executionFile}"`,
    );
  }
  if (!options.prepare && (check.needsSubplan || check.latestAttempt === 0)) {
    const what = check.needsSubplan ? 'SUBPLAN' : 'EXECUTION_TASK';
    const generator = check.needsSubplan ? 'batch-subplan' : 'batch-execution';
    return fail(
      `achievement ${id} of ${planName} has no ${what} and option "prepare" is off.\n` +
        `  Create it with: npx nx g @nx-plan/plan:${generator} --plan=${planName} --achievements=${id}`,
    );
  }

  const prepared = await openAndPrepare(options, log, planName, title, fail, timings);
  if (typeof prepared === 'number') return prepared;

  // 4. The in_progress marker, in the main checkout (status shows it there), held while commands run.
  const markerRel = inProgressMarkerPath(id);
  const markerAbs = join(options.planDirAbs, markerRel);
  const marker: MarkerContent = { pid: process.pid, startedAt: new Date().toISOString(), achievement: id };
  let acquired: ReturnType<typeof acquireMarker>;
  try {
    acquired = acquireMarker(markerAbs, marker);
  } catch (error) {
    return fail(`could not create the in_progress marker ${markerRel}: ${(error as Error).message}`);
  }
  if (acquired.kind === 'held') {
    const holder = acquired.holder.content;
    return fail(
      `achievement ${id} of ${planName} is already in progress${holder ? ` (pid ${holder.pid}, since ${holder.startedAt})` : ''}; ` +
        `another agent is working on it.\n  If no agent is running, delete ${posix.join(options.planDir, markerRel)} and run again.`,
    );
  }
  if (acquired.replacedStale) {
    const stale = acquired.replacedStale.content;
    log.warn(
      `Replaced a stale in_progress marker for ${id}` +
        (stale ? ` (pid ${stale.pid} from ${stale.startedAt} is no longer running)` : ' (its content was not a valid marker)') +
        '.',
    );
  }
  const releaseOnExit = () => releaseMarker(markerAbs, marker);
  process.on('exit', releaseOnExit);
  try {
    return await runWithMarker(options, log, prepared, fail, timings, {
      release: () => releaseMarker(markerAbs, marker),
      reacquire: () => {
        try {
          return acquireMarker(markerAbs, marker).kind !== 'held';
        } catch {
          return false;
        }
      },
    });
  } finally {
    releaseMarker(markerAbs, marker);
    process.removeListener('exit', releaseOnExit);
  }
}

interface Prepared {
  planName: string;
  title: string;
  workspace: Workspace;
  planFromTop: string;
  state: AttemptState;
  record: (outcome: RunOutcome, message: string, attempt: number, files?: string[]) => void;
}

/** Steps 2 and 3: open the workspace and prepare the attempt's files (before the marker: the generators skip achievements in progress). */
async function openAndPrepare(
  options: RunOptions,
  log: TaskLogger,
  planName: string,
  title: string,
  fail: (message: string) => RunExitCode,
  timings: StepTimings,
): Promise<Prepared | RunExitCode> {
  const id = options.achievement;
  // 2. Where the agent works.
  const opened = await timings.time('open', () => openWorkspace(options, planName, (m) => log.info(m)));
  if (opened.kind === 'fail') return fail(opened.message);
  const workspace = opened.workspace;
  const work = workspace.isolated;
  const planFromTop = work ? work.planFromTop : options.planDir;
  const record = (outcome: RunOutcome, message: string, attempt: number, files?: string[]) => {
    if (!work) return;
    writeRunRecord(options.planDirAbs, {
      achievement: id,
      outcome,
      at: new Date().toISOString(),
      attempt,
      branch: work.branch,
      worktree: work.dirFromWorkspace,
      targetBranch: work.targetBranch,
      ...(files && files.length > 0 ? { files } : {}),
      message,
    });
  };

  // 3. Files the attempt needs, prepared where the agent works.
  let state = readAttempt(workspace.planDirAbs, id, options.strict);
  if (options.prepare && (state.subplanFile === undefined || state.needsAttempt)) {
    const problem = await timings.time('prepare', () => prepareFiles({
      root: workspace.root,
      planDir: options.planDir,
      achievement: id,
      subplan: state.subplanFile === undefined,
      attempt: state.needsAttempt,
      strict: options.strict,
    }));
    if (problem) {
      record('setup-failed', problem, state.latest?.attempt ?? 0);
      return fail(problem);
    }
    state = readAttempt(workspace.planDirAbs, id, options.strict);
  }
  if (state.subplanFile === undefined || state.latest === undefined) {
    return fail(`achievement ${id} of ${planName} still has no ${state.subplanFile === undefined ? 'SUBPLAN' : 'EXECUTION_TASK'} in ${workspace.planDirAbs}`);
  }
  if (state.needsAttempt && state.fixFile) {
    log.warn(`Achievement ${id} has review feedback ${state.fixFile} for its latest attempt; running attempt ${state.latest.attempt} again (option "prepare" is off).`);
  }

  return { planName, title, workspace, planFromTop, state, record };
}

async function runWithMarker(
  options: RunOptions,
  log: TaskLogger,
  prepared: Prepared,
  fail: (message: string) => RunExitCode,
  timings: StepTimings,
  marker: { release: () => void; reacquire: () => boolean },
): Promise<RunExitCode> {
  const id = options.achievement;
  const { planName, title, workspace, planFromTop, record } = prepared;
  let { state } = prepared;
  const work = workspace.isolated;
  const releaseMarkerNow = marker.release;
  const interrupted = (run: CommandRun, what: string, attempt: number): RunExitCode => {
    releaseMarkerNow();
    const message = describeCommandFailure(what, run, options.timeoutMs);
    record('interrupted', message, attempt);
    log.error(`run-achievement: ${message}; the in_progress marker was removed${work ? `, the worktree ${work.dirFromWorkspace} is kept` : ''}.`);
    return signalExit(run.result.interruptedBy!);
  };

  // 5. Agent, then review (or AWAITING_REVIEW), attempt after attempt.
  let attemptsThisRun = 0;
  let verdict: 'approved' | 'awaiting' | 'rejected' = 'awaiting';
  for (;;) {
    attemptsThisRun++;
    const files: AttemptFiles = {
      planName,
      subplanFile: state.subplanFile!,
      executionFile: state.latest!.file,
      attempt: state.latest!.attempt,
      ...(state.fixFile ? { fixFile: state.fixFile } : {}),
    };
    log.info(`Achievement ${id} of ${planName}, attempt ${files.attempt}${work ? ` in ${work.dirFromWorkspace}` : ''}: ${options.agentCommand}`);
    const agent = await timings.time('agent', () => runCommand(options.agentCommand!, options, workspace, files, { onSignal: releaseMarkerNow }));
    if (agent.result.interruptedBy) return interrupted(agent, `agent command for achievement ${id}`, files.attempt);
    if (!succeeded(agent)) {
      const message = describeCommandFailure(`agent command for achievement ${id}`, agent, options.timeoutMs);
      record('agent-failed', message, files.attempt);
      return fail(`${message}: ${agent.command}${work ? `\n  Its work is kept in the worktree ${work.dirFromWorkspace} (branch ${work.branch}).` : ''}`);
    }
    log.info(`Achievement ${id}: agent finished in ${formatSeconds(agent.result.durationMs)}.`);
    const verdictContext = (run: CommandRun, output?: string): VerdictContext => ({
      planDirAbs: workspace.planDirAbs,
      planName,
      achievement: id,
      title,
      attempt: files.attempt,
      executionFile: files.executionFile,
      command: run.command,
      durationMs: run.result.durationMs,
      ...(output !== undefined ? { output } : {}),
    });

    if (options.reviewCommand === undefined) {
      const written = writeAwaitingReview(verdictContext(agent));
      log.info(`Achievement ${id} awaits review (${written}).`);
      verdict = 'awaiting';
      break;
    }
    let output = '';
    log.info(`Achievement ${id}: review: ${options.reviewCommand}`);
    const review = await timings.time('review', () => runCommand(options.reviewCommand!, options, workspace, files, { onSignal: releaseMarkerNow, capture: (c) => (output += c) }));
    if (review.result.interruptedBy) return interrupted(review, `review command for achievement ${id}`, files.attempt);
    if (succeeded(review)) {
      const written = writeApproved(verdictContext(review, output));
      log.info(`Achievement ${id} approved by the review (${written}).`);
      verdict = 'approved';
      break;
    }
    if (review.result.exitCode === null || review.result.timedOut) {
      const message = describeCommandFailure(`review command for achievement ${id}`, review, options.timeoutMs);
      record('review-rejected', message, files.attempt);
      return fail(message);
    }
    const fix = writeFix(verdictContext(review, output));
    log.warn(`Achievement ${id}: the review asked for changes (${fix}).`);
    if (attemptsThisRun >= options.maxAttempts) {
      verdict = 'rejected';
      break;
    }
    // The generators skip an achievement in progress: our own marker is lifted while the next attempt is written.
    if (!work) marker.release();
    const problem = await timings.time('prepare', () => prepareFiles({ root: workspace.root, planDir: options.planDir, achievement: id, subplan: false, attempt: true, strict: options.strict }));
    if (!work && !marker.reacquire()) return fail(`achievement ${id} was taken over by another run while its next attempt was prepared`);
    if (problem) {
      record('setup-failed', problem, files.attempt);
      return fail(problem);
    }
    state = readAttempt(workspace.planDirAbs, id, options.strict);
    if (state.latest === undefined || state.latest.attempt === files.attempt) return fail(`could not create attempt ${files.attempt + 1} of achievement ${id}`);
  }

  if (!work) {
    if (verdict === 'rejected') return fail(`achievement ${id} of ${planName} failed: the review asked for changes ${options.maxAttempts} time(s) (option "maxAttempts")`);
    return 0;
  }
  return land(options, log, timings, workspace, { planFromTop, planName, title, verdict, attempt: state.latest?.attempt ?? 0 }, record, fail);
}

async function land(
  options: RunOptions,
  log: TaskLogger,
  timings: StepTimings,
  workspace: Workspace,
  facts: { planFromTop: string; planName: string; title: string; verdict: 'approved' | 'awaiting' | 'rejected'; attempt: number },
  record: (outcome: RunOutcome, message: string, attempt: number, files?: string[]) => void,
  fail: (message: string) => RunExitCode,
): Promise<RunExitCode> {
  const work = workspace.isolated!;
  const id = options.achievement;
  const request: LandRequest = {
    work,
    planFromTop: facts.planFromTop,
    planName: facts.planName,
    achievement: id,
    commitMessage: `nx-plan: ${facts.planName} ${id}${facts.title ? ` ${facts.title}` : ''} (attempt ${facts.attempt})`,
    mergeMessage: `${MERGE_MESSAGE_PREFIX}${facts.planName} ${id}${facts.title ? ` ${facts.title}` : ''}`,
  };
  try {
    const committed = await timings.time('commit', () => commitAll(request));
    if (committed.fallbackIdentity) log.warn('git has no user identity here; committed as "nx-plan <nx-plan@localhost>".');
  } catch (error) {
    record('setup-failed', (error as Error).message, facts.attempt);
    return fail(`could not commit the work of achievement ${id} in ${work.dirFromWorkspace}: ${(error as Error).message}`);
  }
  if (facts.verdict === 'rejected') {
    const message = `the review asked for changes ${options.maxAttempts} time(s) (option "maxAttempts"); the work is kept on branch ${work.branch}`;
    record('review-rejected', message, facts.attempt);
    return fail(`achievement ${id} of ${facts.planName} failed: ${message} (worktree ${work.dirFromWorkspace}).`);
  }

  let merged;
  try {
    merged = await timings.time('merge', () => mergeIntoMain(request));
  } catch (error) {
    record('setup-failed', (error as Error).message, facts.attempt);
    return fail(`merging ${work.branch} failed: ${(error as Error).message}`);
  }
  const { outcome, signal } = merged;
  let code: RunExitCode = 0;
  switch (outcome.kind) {
    case 'merged':
    case 'nothing-to-merge': {
      removeRunRecord(options.planDirAbs, id);
      log.info(
        outcome.kind === 'merged'
          ? `Achievement ${id}: merged ${work.branch} into ${work.targetBranch} (${outcome.commit.slice(0, 9)}).`
          : `Achievement ${id}: nothing to merge.`,
      );
      if (!options.keepBranches) {
        const kept = await timings.time('remove', () => cleanUpWorktree(work, options.workspaceRoot));
        if (kept) log.warn(`Kept the worktree ${work.dirFromWorkspace} / branch ${work.branch}: ${kept}`);
      }
      break;
    }
    case 'dirty': {
      const message = `merging ${work.branch} would overwrite uncommitted changes in ${outcome.files.join(', ')}; nothing was merged`;
      record('dirty-main', message, facts.attempt, outcome.files);
      code = fail(`${message}.\n  Commit or move those changes, then merge the work yourself: git merge --no-ff ${work.branch}`);
      break;
    }
    case 'conflict': {
      const message = `merging ${work.branch} into ${work.targetBranch} conflicts in ${outcome.files.join(', ') || '(see git output)'}; the merge was aborted, ${work.targetBranch} is unchanged`;
      record('merge-conflict', message, facts.attempt, outcome.files);
      code = fail(`${message}.\n  The work is on branch ${work.branch} (worktree ${work.dirFromWorkspace}). Resolve with: git merge ${work.branch}, fix the conflicts, git commit; then: nx-plan clean`);
      break;
    }
    case 'failed': {
      const message = `merging ${work.branch} into ${work.targetBranch} failed before changing anything: ${outcome.detail.split('\n')[0] || 'git gave no reason'}`;
      record('setup-failed', message, facts.attempt);
      code = fail(`${message}\n  The work is on branch ${work.branch}; run again, or merge it yourself: git merge --no-ff ${work.branch}`);
      break;
    }
    case 'branch-moved': {
      const message = `the main worktree switched from ${work.targetBranch} to ${outcome.current ?? 'a detached HEAD'} during the run; nothing was merged`;
      record('dirty-main', message, facts.attempt);
      code = fail(`${message}. The work is on branch ${work.branch}.`);
      break;
    }
    case 'user-merge': {
      const message = 'a merge is in progress in the main worktree; nothing was merged';
      record('dirty-main', message, facts.attempt);
      code = fail(`${message}. Finish or abort it (git merge --continue / git merge --abort); the work is on branch ${work.branch}.`);
      break;
    }
    default: {
      const unhandled: never = outcome;
      code = fail(`unexpected merge outcome ${JSON.stringify(unhandled)}`);
    }
  }
  if (signal) {
    log.error(`run-achievement: interrupted by ${signal} after the merge step finished.`);
    return signalExit(signal);
  }
  if (code === 0) {
    log.info(
      facts.verdict === 'approved'
        ? `Achievement ${id} of ${facts.planName} is complete.`
        : `Achievement ${id} of ${facts.planName} awaits review.`,
    );
  }
  return code;
}
