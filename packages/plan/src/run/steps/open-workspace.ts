/**
 * Step: where the agent works. Without isolation, the main checkout. With
 * `isolation: "worktree"` (the default in a git repository with a commit),
 * the achievement's own git worktree on `nx-plan/<plan>/<NM>`, based on the
 * main branch's HEAD (which already holds the dependencies' merged work),
 * with the plan folder's uncommitted files copied in and, for a new
 * worktree, the setup done (default: the main node_modules linked in).
 */
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { achievementBranch, achievementWorktreeDir, WORKTREES_DIR } from '../../worktree/branch-name';
import { copyUncommittedPlanFiles, type CopiedFile } from '../../worktree/copy-plan-folder';
import { git, tryGit } from '../../worktree/git';
import { openWorktree, workspaceInWorktree } from '../../worktree/open-worktree';
import { readRepoInfo } from '../../worktree/repo-state';
import type { RunOptions } from '../run-options';
import { spawnAgent } from '../lib/spawn-agent';

export interface IsolatedWork {
  /** Top level of the main checkout. */
  toplevel: string;
  /** git dir of the main worktree. */
  gitDir: string;
  commonDir: string;
  /** Absolute worktree folder (its top level). */
  dir: string;
  /** Workspace-relative worktree folder, for messages and run records. */
  dirFromWorkspace: string;
  /** The plan folder relative to the repository's top level ('/'-separated), the same in both checkouts. */
  planFromTop: string;
  branch: string;
  /** Branch checked out in the main worktree when the run began: the merge target. */
  targetBranch: string;
  created: boolean;
  /** Plan files copied from the main checkout. */
  copied: CopiedFile[];
  /** Paths (from the top level) that setup added and that must never be committed. */
  setupArtifacts: string[];
}

export interface Workspace {
  /** Workspace root the agent runs in. */
  root: string;
  /** Plan folder inside it. */
  planDirAbs: string;
  isolated?: IsolatedWork;
}

export type OpenResult = { kind: 'ok'; workspace: Workspace } | { kind: 'fail'; message: string };

export async function openWorkspace(options: RunOptions, planName: string, log: (message: string) => void): Promise<OpenResult> {
  const main: Workspace = { root: options.workspaceRoot, planDirAbs: options.planDirAbs };
  if (options.isolation === 'none') return { kind: 'ok', workspace: main };

  const repo = await readRepoInfo(options.workspaceRoot);
  if (repo === undefined) {
    if (options.isolation === 'worktree') {
      return {
        kind: 'fail',
        message:
          `isolation "worktree" needs a git repository with at least one commit, and ${options.workspaceRoot} is not one.\n` +
          '  Run `git init && git add -A && git commit -m init`, or set "isolation": "none" (agents then share the working tree).',
      };
    }
    log('Not a git repository with a commit: the agent runs in the workspace itself (isolation "none").');
    return { kind: 'ok', workspace: main };
  }
  if (repo.branch === undefined) {
    return {
      kind: 'fail',
      message: 'isolation "worktree" merges each achievement into the checked-out branch, but HEAD is detached; check out a branch (git switch <branch>) or set "isolation": "none".',
    };
  }

  const dirFromWorkspace = achievementWorktreeDir(planName, options.achievement);
  const dir = join(options.workspaceRoot, dirFromWorkspace);
  // Worktrees inside the workspace must be git-ignored: otherwise `git status` shows them and Nx infers projects from their plans.
  if ((await tryGit(options.workspaceRoot, ['check-ignore', '-q', '--no-index', `${dirFromWorkspace}/`])).code !== 0) {
    return {
      kind: 'fail',
      message:
        `${WORKTREES_DIR}/ is not git-ignored in ${options.workspaceRoot}; worktrees there would show in git status and Nx would infer projects from their plans.\n` +
        `  Add the line "${WORKTREES_DIR}/" to .gitignore (npx nx g @nx-plan/plan:init does it), or set "isolation": "none".`,
    };
  }
  const branch = achievementBranch(planName, options.achievement);
  try {
    const opened = await openWorktree({ toplevel: repo.toplevel, dir, branch, base: repo.head, baseName: repo.branch });
    const gitDir = (await git(repo.toplevel, ['rev-parse', '--absolute-git-dir'])).trim();
    const workspaceRoot = workspaceInWorktree(repo.toplevel, options.workspaceRoot, opened.dir);
    const planFromTop = posix.join(relative(repo.toplevel, options.workspaceRoot).split('\\').join('/') || '.', options.planDir);
    const copied = await copyUncommittedPlanFiles(repo.toplevel, opened.dir, planFromTop, !opened.created);
    const setupArtifacts: string[] = [];
    if (opened.created) {
      log(`Worktree ${dirFromWorkspace} on branch ${branch} (from ${repo.branch} at ${repo.head.slice(0, 9)}).`);
      const failed = await setUpWorktree(options, workspaceRoot, opened.dir, setupArtifacts, log);
      if (failed) return { kind: 'fail', message: failed };
    } else {
      log(`Reusing worktree ${dirFromWorkspace} on branch ${branch} (its earlier commits are kept).`);
      linkNodeModules(options, workspaceRoot, opened.dir, setupArtifacts);
    }
    return {
      kind: 'ok',
      workspace: {
        root: workspaceRoot,
        planDirAbs: join(workspaceRoot, options.planDir),
        isolated: {
          toplevel: repo.toplevel,
          gitDir,
          commonDir: repo.commonDir,
          dir: opened.dir,
          dirFromWorkspace,
          planFromTop,
          branch,
          targetBranch: repo.branch,
          created: opened.created,
          copied,
          setupArtifacts,
        },
      },
    };
  } catch (error) {
    return { kind: 'fail', message: (error as Error).message };
  }
}

/** The default setup: the main checkout's node_modules, linked (not copied) into the worktree. */
function linkNodeModules(options: RunOptions, workspaceRoot: string, worktreeDir: string, artifacts: string[]): void {
  if (options.worktreeSetup !== undefined) return;
  const source = join(options.workspaceRoot, 'node_modules');
  const target = join(workspaceRoot, 'node_modules');
  if (!existsSync(source)) return;
  let isLink = false;
  try {
    isLink = lstatSync(target).isSymbolicLink();
  } catch {
    mkdirSync(workspaceRoot, { recursive: true });
    symlinkSync(source, target, 'junction');
    isLink = true;
  }
  if (isLink) artifacts.push(relative(worktreeDir, target).split('\\').join('/'));
}

async function setUpWorktree(
  options: RunOptions,
  workspaceRoot: string,
  worktreeDir: string,
  artifacts: string[],
  log: (message: string) => void,
): Promise<string | undefined> {
  if (options.worktreeSetup === undefined) {
    linkNodeModules(options, workspaceRoot, worktreeDir, artifacts);
    if (artifacts.length > 0) log('Linked the main node_modules into the worktree (set "worktreeSetup" to run your own setup).');
    return undefined;
  }
  log(`Worktree setup: ${options.worktreeSetup}`);
  const result = await spawnAgent(options.worktreeSetup, {
    cwd: workspaceRoot,
    env: { ...process.env, ...options.env, NX_PLAN_MAIN_WORKSPACE_ROOT: options.workspaceRoot, NX_PLAN_WORKSPACE_ROOT: workspaceRoot },
    timeoutMs: options.timeoutMs,
  });
  if (result.exitCode === 0 && !result.timedOut && !result.interruptedBy) return undefined;
  return `worktree setup "${options.worktreeSetup}" failed (${result.timedOut ? 'timed out' : result.interruptedBy ? `interrupted by ${result.interruptedBy}` : `exit ${result.exitCode}`}); the worktree ${relative(options.workspaceRoot, worktreeDir)} is kept for inspection`;
}
