/**
 * The documentation cannot drift from the code: every `npx nx …` line in a
 * bash/sh block of docs/*.md and README.md names a generator, executor option,
 * project and target that exist here, the read-only ones (validate, status,
 * graph, generators with --dryRun) are run for real in this repository, and
 * every relative link of the docs points at an existing file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../utils/testing/copy-into-tree';
import { buildCommandCatalog } from './testing/command-catalog';
import { checkDocCommand, type CommandCheck } from './testing/check-doc-command';
import { extractNxCommands, type DocCommand } from './testing/doc-commands';

const DOCS_DIR = path.join(REPO_ROOT, 'docs');
/** At most this many commands are run for real (each `nx` start takes several seconds). */
const MAX_RUNS = 6;
const RUN_TIMEOUT_MS = 90_000;

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

const rel = (file: string) => path.relative(REPO_ROOT, file);

function allCommands(): DocCommand[] {
  return docFiles().flatMap((file) => extractNxCommands(readFileSync(file, 'utf8'), rel(file)));
}

describe('documented commands', () => {
  const catalog = buildCommandCatalog(REPO_ROOT);
  const commands = allCommands();
  const checks = new Map<DocCommand, CommandCheck>(commands.map((c) => [c, checkDocCommand(c, catalog)]));

  it('the docs hold commands to check', () => {
    expect(commands.length).toBeGreaterThan(0);
  });

  it.each(commands.map((c) => [`${c.file}:${c.line} ${c.text}`, c] as const))('%s exists as written', (_name, command) => {
    expect(checks.get(command)!.problems).toEqual([]);
  });

  describe('run for real in this repository', () => {
    // One command per shape (run validate, run status, g discover …): targets first, then generators;
    // within a shape the plainest command (fewest words), so a deliberately failing example is not picked.
    const seen = new Set<string>();
    const candidates = commands.filter((c) => checks.get(c)!.safeToRun);
    const plainest = (list: DocCommand[]) => [...list].sort((a, b) => a.argv.length - b.argv.length);
    const ordered = [
      ...plainest(candidates.filter((c) => checks.get(c)!.target)),
      ...plainest(candidates.filter((c) => !checks.get(c)!.target)),
    ];
    const sample: DocCommand[] = [];
    for (const command of ordered) {
      const shape = checks.get(command)!.shape;
      if (seen.has(shape) || sample.length >= MAX_RUNS) continue;
      seen.add(shape);
      sample.push(command);
    }

    it('covers the main read-only targets', () => {
      const targets = new Set(sample.map((c) => checks.get(c)!.target).filter(Boolean));
      expect([...targets].sort()).toEqual(expect.arrayContaining(['status', 'validate']));
    });

    it.each(sample.map((c) => [`${c.file}:${c.line} ${c.text}`, c] as const))(
      '%s',
      (_name, command) => {
        const nx = path.join(REPO_ROOT, 'node_modules', '.bin', 'nx');
        const result = spawnSync(nx, command.argv.slice(2), {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          input: '',
          timeout: RUN_TIMEOUT_MS,
          env: {
            ...process.env,
            NX_DAEMON: 'false',
            NX_NO_CLOUD: 'true',
            NX_TUI: 'false',
            NX_INTERACTIVE: 'false',
            NO_COLOR: '1',
            FORCE_COLOR: '0',
          },
        });
        const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
        const check = checks.get(command)!;
        // validate exits 1 when a plan has errors: the command still works if it reported them.
        const reportedErrors = check.target === catalog.targetNames.validateTargetName && result.status === 1 && /PLAN0\d\d/.test(output);
        if (result.status !== 0 && !reportedErrors) {
          throw new Error(`exit ${result.status ?? result.signal}:\n${output.slice(-3000)}`);
        }
        expect(output).not.toMatch(/Cannot find (project|configuration)|Unknown (argument|option)|could not be found/i);
      },
      RUN_TIMEOUT_MS + 10_000,
    );
  });
});

describe('documentation links', () => {
  const LINK = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
  const links: [string, string][] = [];
  for (const file of docFiles()) {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const match of text.matchAll(LINK)) {
      const target = match[1];
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
      links.push([rel(file), target]);
    }
  }

  it.each(links)('%s links to existing %s', (file, target) => {
    const withoutAnchor = decodeURIComponent(target.split('#')[0]);
    expect(existsSync(path.resolve(REPO_ROOT, path.dirname(file), withoutAnchor))).toBe(true);
  });

  it('docs/README.md lists every page of docs/', () => {
    const index = readFileSync(path.join(DOCS_DIR, 'README.md'), 'utf8');
    const pages = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const page of pages) expect(index).toContain(`](${page})`);
  });
});
