/**
 * Run records (`execution/.runs/RUN_<NM>.json`): a run of `nx-plan
 * run-achievement` left an achievement's work on its branch / in its
 * worktree. Each readable record is a PLAN035 warning that names the branch,
 * the worktree and the files, with the git commands that resolve it as the
 * hint; an unreadable one is PLAN037. Pure; located at the record file.
 */
import type { Diagnostic } from '@nx-plan/schema';
import { joinPlanPath } from '../files/load-plan-folder';
import type { RunRecord } from '../files/plan-file-names';
import { nmOf } from '../model/ids';
import type { LoadedPlan } from '../model/types';

const FILES_SHOWN = 5;

function fileList(files: readonly string[] | undefined): string {
  if (!files || files.length === 0) return '';
  return files.length <= FILES_SHOWN ? files.join(', ') : `${files.slice(0, FILES_SHOWN).join(', ')} and ${files.length - FILES_SHOWN} more`;
}

/** Quotes a shell argument only when it needs it. */
function arg(value: string): string {
  return /^[\w.,:=@/+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The message and the git commands that resolve one run record. */
export function describeRunRecord(id: string, record: RunRecord): { message: string; hint: string } {
  const branch = record.branch;
  const worktree = record.worktree;
  const target = record.targetBranch ?? 'the branch that was checked out';
  const files = fileList(record.files);
  const attempt = record.attempt > 0 ? ` (attempt ${String(record.attempt).padStart(2, '0')})` : '';
  const where = [branch ? `on branch ${branch}` : undefined, worktree ? `in worktree ${worktree}` : undefined].filter(Boolean).join(' ');
  const kept = where ? `; the work is kept ${where}` : '';
  const discard =
    worktree && branch
      ? `git worktree remove --force ${arg(worktree)} && git branch -D ${arg(branch)}`
      : worktree
        ? `git worktree remove --force ${arg(worktree)}`
        : branch
          ? `git branch -D ${arg(branch)}`
          : undefined;
  const tidy =
    worktree && branch
      ? `git worktree remove ${arg(worktree)} && git branch -d ${arg(branch)}`
      : worktree
        ? `git worktree remove ${arg(worktree)}`
        : branch
          ? `git branch -d ${arg(branch)}`
          : undefined;
  const merge = branch ? `git merge --no-ff ${arg(branch)}` : undefined;
  const rerun = `rerun achievement ${id} (it continues ${worktree ? 'in the same worktree' : 'from its branch'})`;

  switch (record.outcome) {
    case 'merge-conflict':
      return {
        message: `achievement ${id}${attempt}: merging ${branch ?? 'its branch'} into ${target} conflicted${files ? ` in ${files}` : ''}; the merge was aborted${kept}`,
        hint: merge
          ? `on ${target} run "${merge}", resolve ${files || 'the conflicts'}, "git commit", then "${tidy}" (or "npx nx-plan clean" once ${id} is complete)`
          : `merge the achievement's branch by hand, resolve the conflicts and commit`,
      };
    case 'dirty-main':
      return {
        message: `achievement ${id}${attempt}: the merge into ${target} would touch uncommitted changes${files ? ` in ${files}` : ''}, so it was not attempted${kept}`,
        hint: merge
          ? `commit or set aside your changes${files ? ` to ${files}` : ''}, then run "${merge}" and "${tidy}"`
          : `commit or set aside your changes, then ${rerun}`,
      };
    case 'review-rejected':
      return {
        message: `achievement ${id}${attempt}: the review asked for fixes until no attempt was left${kept}`,
        hint: `read the latest FIX feedback and ${rerun} with a higher maxAttempts, or discard the work: "${discard ?? 'delete the record'}"`,
      };
    case 'agent-failed':
      return {
        message: `achievement ${id}${attempt}: the agent failed${kept}`,
        hint: `${rerun}, or discard the work: "${discard ?? 'delete the record'}"`,
      };
    case 'interrupted':
      return {
        message: `achievement ${id}${attempt}: the run was interrupted before the work was merged${kept}`,
        hint: `${rerun}, or discard the work: "${discard ?? 'delete the record'}"`,
      };
    case 'setup-failed':
      return {
        message: `achievement ${id}${attempt}: the worktreeSetup command failed${worktree ? ` in ${worktree}` : ''}${branch ? ` (branch ${branch})` : ''}`,
        hint: `fix the worktreeSetup option and ${rerun}, or remove it: "${discard ?? 'delete the record'}"`,
      };
  }
}

/** PLAN035 for every readable run record of an achievement of the plan, PLAN037 for the others. */
export function checkRunRecords(plan: LoadedPlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (plan.files.byNm.size === 0) return out;
  // Ids by NM, built only when some record exists.
  let idsByNm: Map<string, string[]> | undefined;
  for (const [nm, files] of plan.files.byNm) {
    const run = files.run;
    if (!run) continue;
    if (!idsByNm) {
      idsByNm = new Map();
      for (const a of plan.achievements) {
        const key = nmOf(a.id);
        const ids = idsByNm.get(key);
        if (!ids) idsByNm.set(key, [a.id]);
        else if (!ids.includes(a.id)) ids.push(a.id);
      }
    }
    const at = { file: joinPlanPath(plan.dir, run.file), line: 1, column: 1 };
    const ids = idsByNm.get(nm);
    const id = ids && ids.length === 1 ? ids[0] : (run.record?.achievement || `number ${nm}`);
    if (!run.record) {
      out.push({
        code: 'PLAN037',
        severity: 'warning',
        message: `run record of achievement ${id} cannot be used: ${run.problem ?? 'it was not read'}`,
        hint: `look for the work with "git branch --list 'nx-plan/*'" and "git worktree list", then delete ${run.file}`,
        ...at,
      });
      continue;
    }
    const { message, hint } = describeRunRecord(id, run.record);
    out.push({ code: 'PLAN035', severity: 'warning', message, hint, ...at });
  }
  return out;
}
