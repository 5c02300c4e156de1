/**
 * The agent recipes of the docs cannot be run here (the real CLIs need a
 * network and an account), so every `agentCommand` / `reviewCommand`
 * template of docs/*.md and README.md is checked against the placeholder
 * rules instead, and the recipes for Claude Code, Codex CLI, Aider and
 * Gemini CLI are executed with /bin/sh against stand-in CLIs of those names:
 * every placeholder must reach the CLI as one intact value, the CLI's output
 * must pass through, and the command must exit 0 only on the success line
 * (`RESULT: DONE` for an agent, `VERDICT: APPROVED` for a review).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { agentEnvironment, PLACEHOLDERS, substitutePlaceholders, type AgentCommandValues } from '../run/lib/agent-command';
import { REPO_ROOT } from '../utils/testing/copy-into-tree';
import {
  extractTemplates,
  placeholdersIn,
  reachedIntact,
  runWithStubs,
  secondShellProblems,
  shellSyntaxError,
  templateProblems,
  writeStubTools,
  type CommandTemplate,
  type TemplateKey,
} from './testing/agent-templates';

/** The CLIs with a recipe in docs/running-achievements.md. */
const AGENT_CLIS = ['claude', 'codex', 'aider', 'gemini'] as const;
const RECIPES_DOC = 'docs/running-achievements.md';

/** The line each kind of template must see before it exits 0, and a line that must make it fail. */
const VERDICTS: Record<TemplateKey, { success: string; refusal: string }> = {
  agentCommand: { success: 'RESULT: DONE', refusal: 'RESULT: UNFINISHED the tests still fail' },
  reviewCommand: { success: 'VERDICT: APPROVED', refusal: 'VERDICT: CHANGES REQUESTED add a test for the empty case' },
};

function docFiles(): string[] {
  const docs = path.join(REPO_ROOT, 'docs');
  const files = existsSync(docs)
    ? readdirSync(docs)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => path.join('docs', f))
    : [];
  return existsSync(path.join(REPO_ROOT, 'README.md')) ? ['README.md', ...files] : files;
}

function allTemplates(): { templates: CommandTemplate[]; problems: string[] } {
  const templates: CommandTemplate[] = [];
  const problems: string[] = [];
  for (const file of docFiles()) {
    const found = extractTemplates(readFileSync(path.join(REPO_ROOT, file), 'utf8'), file);
    templates.push(...found.templates);
    problems.push(...found.problems);
  }
  return { templates, problems };
}

/** The agent CLI a template calls: the first of AGENT_CLIS that stands as a command word. */
function cliOf(command: string): string | undefined {
  const found = AGENT_CLIS.map((cli) => ({ cli, at: command.search(new RegExp(`(^|[\\s{(|;&])${cli}\\s`)) }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at);
  return found[0]?.cli;
}

/**
 * A scratch workspace whose plan folder needs quoting (space, quote, dollar),
 * with the SUBPLAN, EXECUTION_TASK and FIX files in place and the stand-in CLIs.
 */
interface Scratch {
  root: string;
  binDir: string;
  log: string;
  values: AgentCommandValues;
  env: Record<string, string>;
}

function createScratch(): Scratch {
  const root = mkdtempSync(path.join(tmpdir(), 'nx plan recipes '));
  const planDir = "plans/Q's plan $HOME";
  const files = {
    subplanFile: `${planDir}/subplans/SUBPLAN_DEMO_12.md`,
    executionFile: `${planDir}/execution/EXECUTION_TASK_DEMO_12_02.md`,
    fixFile: `${planDir}/execution/feedbacks/FIX_12.md`,
  };
  for (const [name, file] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), `# ${name} of achievement 1.2 (unique text ${name})\n`);
  }
  const known: Record<string, string> = {
    plan: 'DEMO',
    planDir,
    achievement: '1.2',
    subplanFile: files.subplanFile,
    executionFile: files.executionFile,
    workspaceRoot: root,
    mainWorkspaceRoot: path.join(root, 'main checkout'),
    attempt: '2',
  };
  // Placeholders added to the run later get a value too, so this test follows the list.
  const values = Object.fromEntries(PLACEHOLDERS.map((name) => [name, known[name] ?? `value of ${name}`])) as unknown as AgentCommandValues;
  const binDir = path.join(root, 'stub bin');
  writeStubTools(binDir, AGENT_CLIS);
  return {
    root,
    binDir,
    log: path.join(root, 'stub-calls.jsonl'),
    values,
    env: { ...agentEnvironment(values), NX_PLAN_FIX_FILE: files.fixFile },
  };
}

const knownEnvironment = (scratch: Scratch) => Object.keys(scratch.env);

/** Static rules plus `sh -n` of the substituted command. */
function staticProblems(command: string, scratch: Scratch): string[] {
  const problems = templateProblems(command, PLACEHOLDERS, knownEnvironment(scratch));
  if (problems.length > 0) return problems;
  const syntax = shellSyntaxError(substitutePlaceholders(command, scratch.values, 'linux'));
  return syntax ? [`does not parse as a shell command: ${syntax}`] : [];
}

/** Run the substituted template against the stand-in CLIs: values intact, output passed through, exit code from the verdict. */
function behaviourProblems(template: Pick<CommandTemplate, 'key' | 'command'>, scratch: Scratch): string[] {
  const problems: string[] = [];
  const command = substitutePlaceholders(template.command, scratch.values, 'linux');
  const verdict = VERDICTS[template.key];
  const run = (output: string, exitCode: number) =>
    runWithStubs(command, { cwd: scratch.root, binDir: scratch.binDir, env: scratch.env, log: scratch.log, output, exitCode });

  const success = run(`Worked on it.\n${verdict.success}\n`, 0);
  if (success.status !== 0) problems.push(`exits ${success.status} although the CLI printed "${verdict.success}" and exited 0: ${success.stderr.trim()}`);
  if (!success.calls.some((c) => c.tool === cliOf(template.command))) problems.push(`never calls ${cliOf(template.command) ?? 'an agent CLI'}`);
  if (!success.stdout.includes('Worked on it.')) problems.push('does not pass the CLI output through to stdout (the run keeps it in APPROVED/FIX)');
  for (const name of new Set(placeholdersIn(template.command))) {
    const value = (scratch.values as unknown as Record<string, string>)[name];
    if (value !== undefined && !reachedIntact(value, success.calls, scratch.root)) {
      problems.push(`{${name}} does not reach the CLI intact (sent ${JSON.stringify(success.calls.map((c) => c.argv))})`);
    }
  }
  const refused = run(`Tried.\n${verdict.refusal}\n`, 0);
  if (refused.status === 0) problems.push(`exits 0 when the CLI printed "${verdict.refusal}"`);
  const crashedAfterSuccessLine = run(`${verdict.success}\n`, 1);
  if (crashedAfterSuccessLine.status === 0) problems.push('exits 0 when the CLI itself failed (exit 1)');
  const silent = run('', 0);
  if (silent.status === 0) problems.push('exits 0 when the CLI printed no verdict at all');
  return problems;
}

describe('agent command templates in the docs', () => {
  const { templates, problems } = allTemplates();
  let scratch: Scratch;
  beforeAll(() => {
    scratch = createScratch();
  });
  afterAll(() => rmSync(scratch.root, { recursive: true, force: true }));

  it('every JSON block holding a template is valid JSON and every template a string', () => {
    expect(problems).toEqual([]);
  });

  it(`${RECIPES_DOC} has an agentCommand and a reviewCommand recipe for each of ${AGENT_CLIS.join(', ')}`, () => {
    const recipes = templates.filter((t) => t.file === RECIPES_DOC);
    const missing = AGENT_CLIS.flatMap((cli) =>
      (['agentCommand', 'reviewCommand'] as const)
        .filter((key) => !recipes.some((t) => t.key === key && cliOf(t.command) === cli))
        .map((key) => `${cli} ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(templates.map((t) => [`${t.file}:${t.line} ${t.key}: ${t.command.slice(0, 70)}`, t] as const))(
    '%s follows the placeholder rules and parses',
    (_name, template) => {
      expect([...staticProblems(template.command, scratch), ...secondShellProblems(template)]).toEqual([]);
    },
  );

  const runnable = templates.filter((t) => cliOf(t.command) !== undefined);
  const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;
  describeOnPosix('run with /bin/sh against stand-in CLIs', () => {
    it.each(runnable.map((t) => [`${t.file}:${t.line} ${t.key} (${cliOf(t.command)})`, t] as const))(
      '%s hands over every value intact and exits 0 only on the success line',
      (_name, template) => {
        expect(behaviourProblems(template, scratch)).toEqual([]);
      },
    );
  });
});

describe('the template rules reject bad templates', () => {
  let scratch: Scratch;
  beforeAll(() => {
    scratch = createScratch();
  });
  afterAll(() => rmSync(scratch.root, { recursive: true, force: true }));

  it('an unknown placeholder', () => {
    expect(staticProblems('codex exec --sandbox workspace-write - < {executionFlie}', scratch)).toEqual([
      expect.stringContaining('unknown placeholder {executionFlie}'),
    ]);
  });

  it('an unknown NX_PLAN_ variable', () => {
    expect(staticProblems('claude -p "Do the task in $NX_PLAN_EXECUTON_FILE"', scratch)).toEqual([
      expect.stringContaining('unknown variable $NX_PLAN_EXECUTON_FILE'),
    ]);
  });

  it('a placeholder inside a quoted prompt: flagged, and the value really arrives quoted twice', () => {
    const bad = 'claude -p "Carry out the task in {executionFile}"';
    expect(staticProblems(bad, scratch)).toEqual([expect.stringContaining('{executionFile} is inside a quoted string')]);
    expect(behaviourProblems({ key: 'agentCommand', command: bad }, scratch)).toEqual(
      expect.arrayContaining([expect.stringContaining('{executionFile} does not reach the CLI intact')]),
    );
  });

  it('a placeholder touching a quoted string', () => {
    expect(staticProblems(`gemini -p "Read "{subplanFile}" first"`, scratch)).toEqual([
      expect.stringContaining('{subplanFile} touches a quoted string'),
    ]);
  });

  it('a placeholder wrapped in its own quotes is fine', () => {
    expect(staticProblems('aider --message-file "{executionFile}" --yes-always', scratch)).toEqual([]);
  });

  it('unbalanced quotes, and a command the shell cannot parse', () => {
    expect(staticProblems('aider --message "unfinished --yes-always', scratch)).toEqual([expect.stringContaining('unbalanced double quote')]);
    expect(staticProblems('claude -p done | | awk 1', scratch)).toEqual([expect.stringContaining('does not parse as a shell command')]);
  });

  it('a review that exits 0 when the reviewer asks for changes', () => {
    const problems = behaviourProblems({ key: 'reviewCommand', command: 'claude -p "Review the change in this worktree."' }, scratch);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('exits 0 when the CLI printed "VERDICT: CHANGES REQUESTED'),
        expect.stringContaining('exits 0 when the CLI printed no verdict at all'),
      ]),
    );
  });

  it('an agent whose failure is hidden by the pipe', () => {
    const problems = behaviourProblems(
      { key: 'agentCommand', command: `claude -p "Do it." | awk '{ print } /^RESULT:/ { r = $2 } END { exit (r != "DONE") }'` },
      scratch,
    );
    expect(problems).toEqual([expect.stringContaining('exits 0 when the CLI itself failed')]);
  });

  it('a command with $ in a target option, where nx:run-commands would expand it; fine in the plugin options', () => {
    const markdown = [
      '```json',
      '{ "targets": { "achievement-2.1": { "options": { "agentCommand": "claude -p \\"Do $NX_PLAN_ACHIEVEMENT\\"" } } } }',
      '```',
      '```json',
      '{ "plugins": [{ "plugin": "@nx-plan/plan", "options": { "agentCommand": "claude -p \\"Do $NX_PLAN_ACHIEVEMENT\\"" } }] }',
      '```',
    ].join('\n');
    const [inTarget, inPlugin] = extractTemplates(markdown, 'x.md').templates;
    expect(inTarget.where).toBe('targetOptions');
    expect(secondShellProblems(inTarget)).toEqual([expect.stringContaining('$ in a target option')]);
    expect(inPlugin.where).toBe('pluginOptions');
    expect(secondShellProblems(inPlugin)).toEqual([]);
  });

  it('a JSON block that is not JSON', () => {
    const markdown = ['```json', '{ "plugins": [{ "options": { "agentCommand": "claude -p x", } }] }', '```'].join('\n');
    expect(extractTemplates(markdown, 'bad.md').problems).toEqual([expect.stringMatching(/^bad\.md:2: JSON block is not valid JSON/)]);
  });

  it('an excerpt of a larger JSON file is read as the members of an object', () => {
    const markdown = ['```json', '"targetDefaults": { "x": { "options": { "reviewCommand": "gemini -p y" } } }', '```'].join('\n');
    expect(extractTemplates(markdown, 'ok.md')).toEqual({
      templates: [{ file: 'ok.md', line: 2, key: 'reviewCommand', command: 'gemini -p y', where: 'targetOptions' }],
      problems: [],
    });
  });
});
