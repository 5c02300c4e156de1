/**
 * `nx-plan clean`: removes the worktrees and branches that runs left behind
 * once their work is safe — the achievement is complete (or skipped) or its
 * branch is fully merged into the checked-out branch. A branch holding
 * commits that are not merged is never deleted (it is listed with the count),
 * a worktree with uncommitted changes is never removed (git refuses without
 * --force, and nx-plan never forces), and the run record of a cleaned
 * achievement is removed.
 */
import { join, relative } from 'node:path';
import { deriveFileStatus, isDoneStatus, loadPlanFolder, nmOf, type LoadedPlan } from '@nx-plan/core';
import { slugForGit, WORKTREES_DIR } from './branch-name';
import { git, splitNul, tryGit } from './git';
import { readRepoInfo } from './repo-state';
import { removeWorktree } from './remove-worktree';
import { removeRunRecord } from '../run/steps/run-record';

export interface PlanRef {
  /** Absolute plan folder. */
  abs: string;
  name: string;
}

export interface CleanItem {
  branch: string;
  /** Workspace-relative worktree folder, when the branch has one. */
  worktree?: string;
  plan?: string;
  achievement?: string;
  action: 'removed' | 'would remove' | 'kept';
  reason: string;
}

export interface CleanResult {
  items: CleanItem[];
  /** Set when the workspace is not a git repository with a commit. */
  notGit?: boolean;
}

interface Candidate {
  branch: string;
  worktree?: string;
}

async function candidates(toplevel: string): Promise<Candidate[]> {
  const byBranch = new Map<string, Candidate>();
  for (const ref of (await git(toplevel, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/nx-plan/'])).split('\n')) {
    if (ref.trim()) byBranch.set(ref.trim(), { branch: ref.trim() });
  }
  let current: { path?: string; branch?: string } = {};
  const flush = () => {
    if (current.branch?.startsWith('nx-plan/') && current.path) byBranch.set(current.branch, { branch: current.branch, worktree: current.path });
    current = {};
  };
  for (const field of splitNul(await git(toplevel, ['worktree', 'list', '--porcelain', '-z']))) {
    if (field.startsWith('worktree ')) {
      flush();
      current.path = field.slice('worktree '.length);
    } else if (field.startsWith('branch ')) current.branch = field.slice('branch '.length).replace(/^refs\/heads\//, '');
  }
  flush();
  return [...byBranch.values()].sort((a, b) => (a.branch < b.branch ? -1 : 1));
}

export async function cleanWorktrees(workspaceRoot: string, plans: readonly PlanRef[], options: { dryRun?: boolean } = {}): Promise<CleanResult> {
  const repo = await readRepoInfo(workspaceRoot);
  if (repo === undefined) return { items: [], notGit: true };
  await tryGit(repo.toplevel, ['worktree', 'prune']);
  const bySlug = new Map<string, PlanRef>();
  for (const plan of plans) bySlug.set(slugForGit(plan.name), plan);
  const loaded = new Map<string, LoadedPlan>();

  const items: CleanItem[] = [];
  for (const candidate of await candidates(repo.toplevel)) {
    const [, slug, nm] = candidate.branch.split('/');
    const plan = slug ? bySlug.get(slug) : undefined;
    let achievement: string | undefined;
    let done = false;
    if (plan && nm) {
      let p = loaded.get(plan.abs);
      if (!p) {
        p = loadPlanFolder(plan.abs);
        loaded.set(plan.abs, p);
      }
      const node = p.achievements.find((a) => nmOf(a.id) === nm);
      achievement = node?.id;
      done = isDoneStatus(deriveFileStatus(p.files.byNm.get(nm)));
    }
    const unmerged = Number((await git(repo.toplevel, ['rev-list', '--count', `HEAD..${candidate.branch}`])).trim());
    const worktree = candidate.worktree ? relative(workspaceRoot, candidate.worktree).split('\\').join('/') : undefined;
    const base = {
      branch: candidate.branch,
      ...(worktree ? { worktree } : {}),
      ...(plan ? { plan: plan.name } : {}),
      ...(achievement ? { achievement } : {}),
    };
    if (unmerged > 0) {
      items.push({
        ...base,
        action: 'kept',
        reason: `holds ${unmerged} commit(s) not merged into ${repo.branch ?? 'HEAD'}${done ? ' (the achievement is complete)' : ''}; merge it (git merge ${candidate.branch}) or delete it yourself`,
      });
      continue;
    }
    if (options.dryRun) {
      items.push({ ...base, action: 'would remove', reason: done ? 'achievement complete' : 'fully merged' });
      continue;
    }
    if (candidate.worktree) {
      const removed = await removeWorktree(repo.toplevel, candidate.worktree, candidate.branch, join(workspaceRoot, WORKTREES_DIR, '..'));
      if (!removed.worktreeRemoved || !removed.branchDeleted) {
        items.push({ ...base, action: 'kept', reason: removed.kept ?? 'git kept it' });
        continue;
      }
    } else {
      const deleted = await tryGit(repo.toplevel, ['branch', '-d', candidate.branch]);
      if (deleted.code !== 0) {
        items.push({ ...base, action: 'kept', reason: deleted.stderr.trim() });
        continue;
      }
    }
    if (plan && achievement) removeRunRecord(plan.abs, achievement);
    items.push({ ...base, action: 'removed', reason: done ? 'achievement complete' : 'fully merged' });
  }
  return { items };
}
