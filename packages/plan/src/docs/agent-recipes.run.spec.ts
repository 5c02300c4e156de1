/**
 * The agent recipes of docs/running-achievements.md, through the real run:
 * `nx-plan run-achievement` in a scratch git repository, with each recipe's
 * agentCommand and reviewCommand and a stand-in CLI of the recipe's name.
 * The stand-in agent edits a file and prints `RESULT: DONE`; the stand-in
 * reviewer asks for changes on attempt 1 and approves attempt 2. Each recipe
 * must take its achievement through that loop: the review's words in the
 * FIX file, a second EXECUTION_TASK attempt, the approval in APPROVED, both
 * edits merged into the checked-out branch.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../utils/testing/copy-into-tree';
import { extractTemplates, type CommandTemplate } from './testing/agent-templates';

const CLIS = ['claude', 'codex', 'aider', 'gemini'] as const;
const RECIPES_DOC = 'docs/running-achievements.md';
const NX_PLAN_BIN = path.join(REPO_ROOT, 'packages', 'plan', 'bin', 'nx-plan.js');
const RUN_TIMEOUT_MS = 150_000;

/** The recipe pair of `cli` in the docs. */
function recipeOf(cli: string, templates: CommandTemplate[]): { agentCommand: string; reviewCommand: string } {
  const calls = (t: CommandTemplate) => new RegExp(`(^|[\\s{(|;&])${cli}\\s`).test(t.command);
  const agent = templates.find((t) => t.key === 'agentCommand' && calls(t));
  const review = templates.find((t) => t.key === 'reviewCommand' && calls(t));
  if (!agent || !review) throw new Error(`${RECIPES_DOC} has no agentCommand/reviewCommand recipe for ${cli}`);
  return { agentCommand: agent.command, reviewCommand: review.command };
}

/**
 * Stand-in CLIs: a reviewer when its arguments ask for a VERDICT line, an
 * agent otherwise. The agent appends the attempt to src/<cli>.txt in its
 * working folder; the reviewer asks for changes on attempt 1.
 */
function writeStandIns(binDir: string): void {
  mkdirSync(binDir, { recursive: true });
  const script = [
    `#!${process.execPath}`,
    `const fs = require('fs'), path = require('path');`,
    `const cli = path.basename(process.argv[1]);`,
    `try { fs.readFileSync(0); } catch {}`,
    `const attempt = process.env.NX_PLAN_ATTEMPT;`,
    `if (process.argv.slice(2).join(' ').includes('VERDICT:')) {`,
    `  process.stdout.write(attempt === '1' ? 'Please handle the empty case.\\nVERDICT: CHANGES REQUESTED\\n' : 'Looks right now.\\nVERDICT: APPROVED\\n');`,
    `} else {`,
    `  fs.mkdirSync('src', { recursive: true });`,
    `  fs.appendFileSync(path.join('src', cli + '.txt'), 'attempt ' + attempt + (process.env.NX_PLAN_FIX_FILE ? ' after ' + path.basename(process.env.NX_PLAN_FIX_FILE) : '') + '\\n');`,
    `  process.stdout.write('Edited src/' + cli + '.txt.\\nRESULT: DONE\\n');`,
    `}`,
    '',
  ].join('\n');
  for (const cli of CLIS) {
    writeFileSync(path.join(binDir, cli), script);
    chmodSync(path.join(binDir, cli), 0o755);
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** A git repository holding nx.json and plan DEMO with one independent achievement per CLI (1.1 … 1.4). */
function createRepository(root: string): void {
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  write('nx.json', JSON.stringify({ plugins: [{ plugin: '@nx-plan/plan', options: {} }] }, null, 2) + '\n');
  write('.gitignore', '.nx-plan/\nnode_modules\n');
  const ids = CLIS.map((_, i) => `1.${i + 1}`);
  write(
    'plans/DEMO/PLAN_DEMO.md',
    ['# PLAN: DEMO', '', '## Achievement Index', '', ...CLIS.map((cli, i) => `**Achievement ${ids[i]}**: Work Done With ${cli} (1h)`), ''].join('\n'),
  );
  write(
    'plans/DEMO/parallel.json',
    JSON.stringify(
      {
        plan_name: 'DEMO',
        parallelization_level: 'level_3',
        achievements: CLIS.map((cli, i) => ({ achievement_id: ids[i], title: `Work Done With ${cli}`, dependencies: [] })),
      },
      null,
      2,
    ) + '\n',
  );
  for (const id of ids) {
    const nm = id.replace('.', '');
    write(`plans/DEMO/subplans/SUBPLAN_DEMO_${nm}.md`, `# SUBPLAN ${id}\n`);
    write(`plans/DEMO/execution/EXECUTION_TASK_DEMO_${nm}_01.md`, `# EXECUTION_TASK ${id}, attempt 1\n`);
  }
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.name', 'Recipe Test']);
  git(root, ['config', 'user.email', 'recipe-test@example.com']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'plan DEMO']);
}

const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

describeOnPosix('the agent recipes through nx-plan run-achievement', () => {
  const templates = extractTemplates(readFileSync(path.join(REPO_ROOT, RECIPES_DOC), 'utf8'), RECIPES_DOC).templates;
  let root: string;
  let binDir: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'nx-plan-recipes-run-'));
    binDir = mkdtempSync(path.join(tmpdir(), 'nx-plan-recipe-clis-'));
    writeStandIns(binDir);
    createRepository(root);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(binDir, { recursive: true, force: true });
  });

  it.each(CLIS.map((cli, i) => [cli, `1.${i + 1}`] as const))(
    '%s: review asks for changes once, the second attempt is approved and merged',
    (cli, id) => {
      const nm = id.replace('.', '');
      const recipe = recipeOf(cli, templates);
      const result = spawnSync(
        process.execPath,
        [NX_PLAN_BIN, 'run-achievement', '--plan=plans/DEMO', `--achievement=${id}`, `--agentCommand=${recipe.agentCommand}`, `--reviewCommand=${recipe.reviewCommand}`],
        {
          cwd: root,
          encoding: 'utf8',
          input: '',
          timeout: RUN_TIMEOUT_MS,
          env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1', NX_DAEMON: 'false' },
        },
      );
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
      if (result.status !== 0) throw new Error(`nx-plan run-achievement exited ${result.status ?? result.signal}:\n${output.slice(-4000)}`);

      const plan = (file: string) => path.join(root, 'plans/DEMO', file);
      expect(readFileSync(plan(`execution/feedbacks/FIX_${nm}.md`), 'utf8')).toContain('Please handle the empty case.');
      expect(existsSync(plan(`execution/EXECUTION_TASK_DEMO_${nm}_02.md`))).toBe(true);
      expect(readFileSync(plan(`execution/feedbacks/APPROVED_${nm}.md`), 'utf8')).toContain('Looks right now.');
      expect(readFileSync(path.join(root, 'src', `${cli}.txt`), 'utf8')).toBe(`attempt 1\nattempt 2 after FIX_${nm}.md\n`);
      expect(git(root, ['rev-parse', '--abbrev-ref', 'HEAD']).trim()).toBe('main');
      expect(git(root, ['log', '--merges', '--format=%s', '-1'])).toContain(id);
      expect(git(root, ['status', '--porcelain'])).toBe('');
    },
    RUN_TIMEOUT_MS + 10_000,
  );
});
