/**
 * The isolated run end to end in real temporary git repositories: worktree,
 * commit, locked --no-ff merge, conflicts, dirty files, identity fallback,
 * branch reuse rules and the review loop — through `nx-plan run-achievement`'s
 * own entry point (in-process).
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { taskLogger } from '../executors/lib/task-logger';
import { createTempRepo, writeFile, type TempRepo } from '../worktree/testing/temp-repo';
import { main as clean } from '../worktree/clean-cli';
import { main } from './cli';

const PLAN = 'plans/DEMO';

// Real git and node processes; a loaded CI machine needs more than jest's 5 s.
jest.setTimeout(60_000);
const AGENT = `
const fs = require('fs');
const id = process.argv[2];
const target = process.env.TARGET_FILE || ('out-' + id + '.txt');
fs.writeFileSync(target, (process.env.CONTENT || 'work of ' + id) + '\\n');
fs.appendFileSync(process.env.NX_PLAN_EXECUTION_FILE, '\\nnotes of attempt ' + process.env.NX_PLAN_ATTEMPT + '\\n');
fs.writeFileSync(process.env.SEEN_FILE || 'seen.json', JSON.stringify({ cwd: process.cwd(), files: fs.readdirSync(process.env.NX_PLAN_DIR + '/subplans') }));
`;

function demoRepo(options: { identity?: boolean; agentCommand?: string } = {}): TempRepo {
  return createTempRepo(
    {
      'nx.json': JSON.stringify({ plugins: [{ plugin: '@nx-plan/plan', options: { agentCommand: options.agentCommand ?? 'node agent.js {achievement}' } }] }),
      '.gitignore': '.nx-plan/worktrees/\n**/execution/.in-progress/\n**/execution/.runs/\nseen.json\n',
      'agent.js': AGENT,
      'shared.txt': 'line one\n',
      [`${PLAN}/PLAN_DEMO.md`]: '# PLAN: DEMO\n\n- **Achievement 1.1**: First (1h)\n- **Achievement 1.2**: Second (1h)\n- **Achievement 2.1**: Third (1h)\n',
      [`${PLAN}/parallel.json`]: JSON.stringify({
        plan_name: 'DEMO',
        parallelization_level: 'level_2',
        achievements: [
          { achievement_id: '1.1', title: 'First', dependencies: [] },
          { achievement_id: '1.2', title: 'Second', dependencies: [] },
          { achievement_id: '2.1', title: 'Third', dependencies: ['1.1', '1.2'] },
        ],
      }),
    },
    options.identity ?? true,
  );
}

describe('run-achievement with isolation "worktree"', () => {
  let repo: TempRepo;
  let messages: string[];
  const saved = { ...process.env };

  beforeEach(() => {
    messages = [];
    for (const level of ['info', 'warn', 'error'] as const) {
      jest.spyOn(taskLogger, level).mockImplementation((m: string) => void messages.push(`${level}: ${m}`));
    }
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...saved };
    repo?.cleanup();
  });

  const run = (id: string, ...flags: string[]) => main([`--workspaceRoot=${repo.root}`, `--plan=${PLAN}`, `--achievement=${id}`, ...flags]);
  const log = () => messages.join('\n');
  const subjects = () => repo.git('log', '--topo-order', '--format=%s').trim().split('\n');
  const worktrees = () => repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

  it('runs the agent in its own worktree, commits, merges with --no-ff, removes worktree and branch', async () => {
    repo = demoRepo();
    writeFile(repo.root, 'user-notes.txt', 'uncommitted work of the user\n');
    process.env.SEEN_FILE = join(repo.root, 'seen.json');
    await expect(run('1.1', '--reviewCommand=echo fine')).resolves.toBe(0);

    expect(subjects()).toEqual(['nx-plan: merge DEMO 1.1 First', 'nx-plan: DEMO 1.1 First (attempt 1)', 'init']);
    expect(repo.git('rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
    expect(repo.read('out-1.1.txt')).toBe('work of 1.1\n');
    expect(repo.read(`${PLAN}/execution/EXECUTION_TASK_DEMO_11_01.md`)).toContain('notes of attempt 1');
    expect(repo.read(`${PLAN}/execution/feedbacks/APPROVED_11.md`)).toContain('fine');
    // the agent worked in the worktree, not in the main checkout
    const seen = JSON.parse(readFileSync(join(repo.root, 'seen.json'), 'utf8'));
    expect(seen.cwd).toContain(join('.nx-plan', 'worktrees', 'demo', '11'));
    // the user's uncommitted file is untouched and uncommitted; nothing else is dirty
    expect(repo.read('user-notes.txt')).toBe('uncommitted work of the user\n');
    expect(repo.git('status', '--porcelain').trim()).toBe('?? user-notes.txt');
    expect(worktrees()).toBe(1);
    expect(repo.git('branch', '--list', '--format=%(refname:short)', 'nx-plan/*').trim()).toBe('');
    expect(existsSync(join(repo.root, '.nx-plan'))).toBe(false);
  });

  it('lets the agent see generated, uncommitted plan files and lands them through the merge', async () => {
    repo = demoRepo();
    writeFile(repo.root, `${PLAN}/subplans/SUBPLAN_DEMO_11.md`, '# SUBPLAN 1.1 written by hand, not committed\n');
    writeFile(repo.root, `${PLAN}/subplans/SUBPLAN_DEMO_12.md`, '# SUBPLAN 1.2, not committed\n');
    process.env.SEEN_FILE = join(repo.root, 'seen.json');
    await expect(run('1.1')).resolves.toBe(0);
    const seen = JSON.parse(readFileSync(join(repo.root, 'seen.json'), 'utf8'));
    expect(seen.files).toEqual(['SUBPLAN_DEMO_11.md', 'SUBPLAN_DEMO_12.md']);
    // own files committed and merged; the other achievement's copy stays the user's uncommitted file
    expect(repo.git('ls-files', PLAN).split('\n')).toEqual(
      expect.arrayContaining([`${PLAN}/subplans/SUBPLAN_DEMO_11.md`, `${PLAN}/execution/EXECUTION_TASK_DEMO_11_01.md`, `${PLAN}/execution/AWAITING_REVIEW_11_01.md`]),
    );
    expect(repo.git('status', '--porcelain').trim()).toBe(`?? ${PLAN}/subplans/SUBPLAN_DEMO_12.md`);
    expect(repo.read(`${PLAN}/subplans/SUBPLAN_DEMO_11.md`)).toBe('# SUBPLAN 1.1 written by hand, not committed\n');
    expect(log()).toContain('Achievement 1.1 of DEMO awaits review.');
  });

  it('starts a dependent from its dependencies\' merged results', async () => {
    repo = demoRepo();
    await expect(run('1.1', '--reviewCommand=true')).resolves.toBe(0);
    await expect(run('2.1')).resolves.toBe(0);
    expect(log()).toContain('not started: it waits for 1.2 (not_started)');
    await expect(run('1.2', '--reviewCommand=true')).resolves.toBe(0);
    process.env.SEEN_FILE = join(repo.root, 'seen.json');
    await expect(run('2.1', '--reviewCommand=test -f out-1.1.txt -a -f out-1.2.txt')).resolves.toBe(0);
    expect(repo.read(`${PLAN}/execution/feedbacks/APPROVED_21.md`)).toContain('Attempt: 1');
  });

  it('aborts a conflicting merge: the main tree is unchanged, the work stays on its branch and is recorded', async () => {
    repo = demoRepo();
    process.env.TARGET_FILE = 'shared.txt';
    process.env.CONTENT = 'the agent\'s line';
    // the main branch moves on after the worktree was created: simulate with a commit made by the review command
    const headBefore = () => repo.git('rev-parse', 'HEAD').trim();
    const review = `git -C ${repo.root} -c user.name=U -c user.email=u@e commit -q --allow-empty -m noop && printf 'user line\\n' > ${join(repo.root, 'shared.txt')} && git -C ${repo.root} -c user.name=U -c user.email=u@e commit -q -am "user edits shared.txt"`;
    await expect(run('1.2', `--reviewCommand=${review}`)).resolves.toBe(1);
    const head = headBefore();
    expect(repo.read('shared.txt')).toBe('user line\n');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    expect(existsSync(join(repo.root, '.git', 'MERGE_HEAD'))).toBe(false);
    expect(log()).toContain('conflicts in shared.txt; the merge was aborted, main is unchanged');
    expect(repo.git('show', 'nx-plan/demo/12:shared.txt')).toBe("the agent's line\n");
    const record = JSON.parse(repo.read(`${PLAN}/execution/.runs/RUN_12.json`));
    expect(record).toMatchObject({ achievement: '1.2', outcome: 'merge-conflict', branch: 'nx-plan/demo/12', files: ['shared.txt'] });
    expect(worktrees()).toBe(2);
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);

    // clean keeps the unmerged work ...
    const cwd = process.cwd();
    process.chdir(repo.root);
    try {
      await expect(clean(['--json'])).resolves.toBe(0);
      expect(worktrees()).toBe(2);
      // ... and removes it once the user merged it by hand
      repo.git('-c', 'user.name=U', '-c', 'user.email=u@e', 'merge', '-q', '-X', 'theirs', '-m', 'resolved', 'nx-plan/demo/12');
      await expect(clean([])).resolves.toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(worktrees()).toBe(1);
    expect(repo.git('branch', '--list', '--format=%(refname:short)', 'nx-plan/*').trim()).toBe('');
    expect(existsSync(join(repo.root, PLAN, 'execution/.runs/RUN_12.json'))).toBe(false);
  });

  it('refuses to merge over a file with uncommitted changes, naming it, and keeps the user\'s edit', async () => {
    repo = demoRepo();
    writeFile(repo.root, 'shared.txt', 'uncommitted user edit\n');
    process.env.TARGET_FILE = 'shared.txt';
    await expect(run('1.1', '--reviewCommand=true')).resolves.toBe(1);
    expect(repo.read('shared.txt')).toBe('uncommitted user edit\n');
    expect(log()).toContain('would overwrite uncommitted changes in shared.txt; nothing was merged');
    expect(JSON.parse(repo.read(`${PLAN}/execution/.runs/RUN_11.json`)).outcome).toBe('dirty-main');
    expect(subjects()).toEqual(['init']);
  });

  it('commits with a fallback identity only when git has none', async () => {
    repo = demoRepo({ identity: false });
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[name];
    await expect(run('1.1', '--reviewCommand=true')).resolves.toBe(0);
    expect(repo.git('log', '-1', '--format=%an <%ae>', 'HEAD').trim()).toBe('nx-plan <nx-plan@localhost>');
    expect(repo.git('log', '-1', '--format=%an <%ae>', 'HEAD^2').trim()).toBe('nx-plan <nx-plan@localhost>');
    expect(log()).toContain('git has no user identity here');
  });

  it('never resets a branch of the same name that holds other work', async () => {
    repo = demoRepo();
    repo.git('branch', 'nx-plan/demo/11');
    repo.git('worktree', 'add', '-q', join(repo.root, '..', `${repo.root.split('/').pop()}-other`), 'nx-plan/demo/11');
    const other = join(repo.root, '..', `${repo.root.split('/').pop()}-other`);
    writeFileSync(join(other, 'elsewhere.txt'), 'x');
    execIn(other, 'add', '-A');
    execIn(other, 'commit', '-q', '-m', 'work elsewhere');
    execIn(other, 'checkout', '-q', '--detach');
    writeFile(repo.root, 'more.txt', 'more');
    repo.commitAll('main moves on');
    await expect(run('1.1')).resolves.toBe(1);
    expect(log()).toContain('nx-plan never resets a branch');
    expect(repo.git('log', '-1', '--format=%s', 'nx-plan/demo/11').trim()).toBe('work elsewhere');
    execIn(repo.root, 'worktree', 'remove', '--force', other);
  });

  it.each([
    ['ignored by .gitignore', 'node_modules\n'],
    ['not ignored', ''],
  ])('links the main node_modules into the worktree (%s) and never commits the link', async (_label, extraIgnore) => {
    repo = demoRepo();
    if (extraIgnore) {
      writeFile(repo.root, '.gitignore', `${repo.read('.gitignore')}${extraIgnore}`);
      repo.commitAll('ignore rules');
    }
    writeFile(repo.root, 'node_modules/dep/index.js', 'module.exports = 42;\n');
    await expect(run('1.1', '--reviewCommand=node -e "process.exit(require(\'dep\') === 42 ? 0 : 1)"')).resolves.toBe(0);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD^2').split('\n')).not.toContain('node_modules');
    expect(repo.git('ls-files', 'node_modules').trim()).toBe('');
    expect(repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '))).toHaveLength(1);
  });

  it('refuses to create worktrees that git and Nx would see (no ignore rule), naming the fix', async () => {
    repo = demoRepo();
    writeFile(repo.root, '.gitignore', 'seen.json\n');
    repo.commitAll('no worktree ignore');
    await expect(run('1.1')).resolves.toBe(1);
    expect(log()).toContain('.nx-plan/worktrees/ is not git-ignored');
    expect(log()).toContain('npx nx g @nx-plan/plan:init');
    expect(existsSync(join(repo.root, '.nx-plan'))).toBe(false);
  });

  it('a failed agent keeps its worktree; the next run reuses it without losing the earlier attempt\'s edits', async () => {
    repo = demoRepo();
    // generated in the main checkout, not committed
    writeFile(repo.root, `${PLAN}/subplans/SUBPLAN_DEMO_11.md`, '# SUBPLAN 1.1\n');
    writeFile(repo.root, `${PLAN}/execution/EXECUTION_TASK_DEMO_11_01.md`, '# EXECUTION 1.1\n');
    await expect(run('1.1', '--agentCommand=node agent.js {achievement} && exit 4')).resolves.toBe(1);
    expect(JSON.parse(repo.read(`${PLAN}/execution/.runs/RUN_11.json`)).outcome).toBe('agent-failed');
    await expect(run('1.1', '--reviewCommand=true')).resolves.toBe(0);
    expect(log()).toContain('Reusing worktree .nx-plan/worktrees/demo/11');
    // both attempts' notes are in the merged EXECUTION_TASK: the second run did not overwrite the first one's work
    expect(repo.read(`${PLAN}/execution/EXECUTION_TASK_DEMO_11_01.md`)).toBe('# EXECUTION 1.1\n\nnotes of attempt 1\n\nnotes of attempt 1\n');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
    expect(existsSync(join(repo.root, PLAN, 'execution/.runs/RUN_11.json'))).toBe(false);
  });

  it('waits for another git process\'s index.lock in the main checkout instead of failing the merge', async () => {
    repo = demoRepo();
    const lock = join(repo.root, '.git', 'index.lock');
    // The review takes the main index lock, as an editor's git integration may, and a helper drops it 1.5 s later.
    const helper = `${repo.root}-drop-lock.js`;
    writeFileSync(helper, `setTimeout(() => require('fs').rmSync(${JSON.stringify(lock)}, { force: true }), 1500);`);
    const holder = `${repo.root}-take-lock.js`;
    writeFileSync(
      holder,
      `require('fs').writeFileSync(${JSON.stringify(lock)}, ''); require('child_process').spawn(process.execPath, [${JSON.stringify(helper)}], { detached: true, stdio: 'ignore' }).unref();`,
    );
    try {
      await expect(run('1.1', `--reviewCommand=node ${holder}`)).resolves.toBe(0);
    } finally {
      rmSync(helper, { force: true });
      rmSync(holder, { force: true });
    }
    expect(subjects()[0]).toBe('nx-plan: merge DEMO 1.1 First');
    expect(repo.read('out-1.1.txt')).toBe('work of 1.1\n');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
  });

  it('reports a merge git could not start (a lock held too long) as a failure, not a conflict, and changes nothing', async () => {
    repo = demoRepo();
    const lock = join(repo.root, '.git', 'index.lock');
    await expect(run('1.1', `--reviewCommand=node -e "require('fs').writeFileSync('${lock}', '')"`)).resolves.toBe(1);
    rmSync(lock);
    expect(log()).toContain('failed before changing anything');
    expect(log()).not.toContain('conflicts in');
    expect(subjects()).toEqual(['init']);
    expect(JSON.parse(repo.read(`${PLAN}/execution/.runs/RUN_11.json`)).outcome).toBe('setup-failed');
    expect(repo.git('log', '-1', '--format=%s', 'nx-plan/demo/11').trim()).toBe('nx-plan: DEMO 1.1 First (attempt 1)');
  });

  it('keeps the worktree and branch with --keepBranches', async () => {
    repo = demoRepo();
    await expect(run('1.1', '--reviewCommand=true', '--keepBranches')).resolves.toBe(0);
    expect(worktrees()).toBe(2);
    expect(repo.git('branch', '--list', '--format=%(refname:short)', 'nx-plan/*').trim()).toBe('nx-plan/demo/11');
    expect(repo.git('status', '--porcelain').trim()).toBe('');
  });

  it('gives up after maxAttempts reviews asking for fixes: failed, work on its branch, FIX files kept', async () => {
    repo = demoRepo();
    await expect(run('1.1', '--reviewCommand=echo "add tests"; exit 3', '--maxAttempts=2')).resolves.toBe(1);
    expect(subjects()).toEqual(['init']);
    const files = repo.git('show', '--name-only', '--format=', 'nx-plan/demo/11').split('\n');
    expect(files).toEqual(expect.arrayContaining([`${PLAN}/execution/feedbacks/FIX_11.md`, `${PLAN}/execution/feedbacks/FIX_11_02.md`, `${PLAN}/execution/EXECUTION_TASK_DEMO_11_02.md`]));
    expect(JSON.parse(repo.read(`${PLAN}/execution/.runs/RUN_11.json`)).outcome).toBe('review-rejected');
    expect(log()).toContain('the review asked for changes 2 time(s)');
  });

  it('refuses isolation "worktree" outside git with a clear message', async () => {
    repo = demoRepo();
    const { rmSync } = await import('node:fs');
    rmSync(join(repo.root, '.git'), { recursive: true, force: true });
    await expect(run('1.1', '--isolation=worktree')).resolves.toBe(1);
    expect(log()).toContain('needs a git repository with at least one commit');
    expect(readdirSync(join(repo.root, PLAN))).toEqual(['PLAN_DEMO.md', 'parallel.json']);
  });
});

function execIn(cwd: string, ...args: string[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:child_process').execFileSync('git', args, { cwd, stdio: 'pipe' });
}
