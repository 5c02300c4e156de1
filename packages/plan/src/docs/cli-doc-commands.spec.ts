/**
 * The `nx-plan` commands of the docs cannot drift from the CLI: every
 * `nx-plan …` line in a bash/sh/console block of docs/*.md and README.md names
 * a command and options the CLI has and plans that exist here, the docs show
 * each read-only command, and the read-only lines are run for real in this
 * repository (the bin from source) with the exit codes the CLI documents.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../utils/testing/copy-into-tree';
import { checkCliCommand, type CliCommandCheck } from './testing/check-cli-command';
import { extractCommands, type DocCommand } from './testing/doc-commands';

const DOCS_DIR = path.join(REPO_ROOT, 'docs');
const BIN = path.join(REPO_ROOT, 'packages', 'plan', 'bin', 'nx-plan.js');
/** At most this many documented commands are run (each compiles the CLI's sources on the fly: ~1–3 s). */
const MAX_RUNS = 12;

function docFiles(): string[] {
  const files = existsSync(DOCS_DIR)
    ? readdirSync(DOCS_DIR)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => path.join(DOCS_DIR, f))
    : [];
  const readme = path.join(REPO_ROOT, 'README.md');
  return existsSync(readme) ? [readme, ...files] : files;
}

const commands: DocCommand[] = docFiles().flatMap((file) =>
  extractCommands(readFileSync(file, 'utf8'), path.relative(REPO_ROOT, file), /^(npx\s+)?nx-plan(\s|$)/),
);

describe('documented nx-plan commands', () => {
  const checks = new Map<DocCommand, CliCommandCheck>(commands.map((c) => [c, checkCliCommand(c, REPO_ROOT)]));

  it('the docs show every read-only command', () => {
    const shown = new Set([...checks.values()].map((c) => c.command));
    expect([...shown]).toEqual(expect.arrayContaining(['validate', 'status', 'next', 'graph']));
  });

  it.each(commands.map((c) => [`${c.file}:${c.line} ${c.text}`, c] as const))('%s exists as written', (_name, command) => {
    expect(checks.get(command)!.problems).toEqual([]);
  });

  // One run per distinct command line, the plainest first, up to MAX_RUNS.
  const seen = new Set<string>();
  const sample = commands
    .filter((c) => checks.get(c)!.safeToRun)
    .sort((a, b) => a.argv.length - b.argv.length)
    .filter((c) => {
      const key = checks.get(c)!.args.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_RUNS);

  it.each(sample.map((c) => [`${c.file}:${c.line} ${c.text}`, c] as const))(
    'runs: %s',
    (_name, command) => {
      const check = checks.get(command)!;
      const result = spawnSync(process.execPath, [BIN, ...check.args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
      // validate exits 1 when a plan has errors: the command worked if it reported them.
      const reportedErrors = check.command === 'validate' && result.status === 1 && /PLAN0\d\d/.test(output);
      if (result.status !== 0 && !reportedErrors) throw new Error(`exit ${result.status ?? result.signal}:\n${output.slice(-3000)}`);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    },
    70_000,
  );
});
