import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatusDocument } from '@nx-plan/core';
import { graphExecutor } from '../executors/graph/graph';
import { statusExecutor } from '../executors/status/status';
import { validateExecutor } from '../executors/validate/validate';
import { captureOutput, withEnv, type CapturedOutput } from '../testing/capture-output';
import { executorContext } from '../testing/executor-context';
import { BAD_PLAN, GOOD_PLAN, WARN_PLAN } from '../testing/plan-fixtures';
import { createTempWorkspace, type TempWorkspace } from '../testing/temp-workspace';
import type { NextDocument } from '../reports/next-report';
import { main } from './main';

// The first test loads the executors (and @nx/devkit) for the comparison; slow on a busy machine.
jest.setTimeout(60_000);

describe('nx-plan CLI', () => {
  let ws: TempWorkspace;
  let out: CapturedOutput;
  let stderr: string[];
  let stderrSpy: jest.SpyInstance;

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-cli-');
    ws.write({ 'nx.json': '{}\n', ...GOOD_PLAN, 'plans/GOOD/subplans/SUBPLAN_GOOD_11.md': '# SUBPLAN 1.1\n' });
    out = captureOutput();
    stderr = [];
    stderrSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    stderrSpy.mockRestore();
    out.restore();
    ws.cleanup();
  });

  const cli = (argv: string[], cwd = ws.root) => withEnv({ NO_COLOR: '1' }, () => main(argv, cwd));
  const errorText = () => [...out.errors, ...stderr].join('\n');

  describe('same report as the executors', () => {
    beforeEach(() => ws.write(BAD_PLAN));
    const allPlans = { plan: { root: '.nx-plan', targets: {} } };
    const context = () => executorContext(ws.root, allPlans as never, 'plan');

    async function both(argv: string[], executor: () => Promise<{ success: boolean }>) {
      out.restore();
      out = captureOutput();
      const code = await cli(argv);
      const cliText = out.stdout();
      out.restore();
      out = captureOutput();
      const { success } = await withEnv({ NO_COLOR: '1' }, executor);
      return { code, cliText, executorText: out.stdout(), success };
    }

    it('validate: identical text and exit code 1 on errors', async () => {
      const r = await both(['validate'], () => validateExecutor({ plans: ['plans/BAD', 'plans/GOOD'] }, context()));
      expect(r.cliText).toBe(r.executorText);
      expect(r.cliText).toContain('plans/BAD/parallel.json:6:80  error  PLAN004');
      expect([r.code, r.success]).toEqual([1, false]);
    });

    it('validate --json: identical document', async () => {
      const r = await both(['validate', 'GOOD', '--json'], () => validateExecutor({ plan: 'plans/GOOD', format: 'json' }, context()));
      expect(r.cliText).toBe(r.executorText);
      expect(JSON.parse(r.cliText)).toMatchObject({ version: 1, plans: [{ name: 'GOOD', dir: 'plans/GOOD', diagnostics: [] }] });
      expect([r.code, r.success]).toEqual([0, true]);
    });

    it('status --json: identical status document', async () => {
      const r = await both(['status', '--json'], () => statusExecutor({ plans: ['plans/BAD', 'plans/GOOD'], format: 'json' }, context()));
      expect(r.cliText).toBe(r.executorText);
      const doc = JSON.parse(r.cliText) as StatusDocument;
      expect(doc.plans.map((p) => p.name)).toEqual(['BAD', 'GOOD']);
      expect(doc.plans[1].achievements[0]).toMatchObject({ id: '1.1', status: 'subplan_created' });
    });

    it('status: identical table', async () => {
      const r = await both(['status', 'plans/GOOD'], () => statusExecutor({ plan: 'plans/GOOD' }, context()));
      expect(r.cliText).toBe(r.executorText);
      expect(r.cliText).toContain('Recommended action:');
    });

    it('graph: identical mermaid of one plan and multi-plan JSON of all', async () => {
      const mermaid = await both(['graph', 'GOOD', '--format=mermaid'], () => graphExecutor({ plan: 'plans/GOOD', format: 'mermaid' }, context()));
      expect(mermaid.cliText).toBe(mermaid.executorText);
      expect(mermaid.cliText).toMatch(/^flowchart/);
      const json = await both(['graph', '--json'], () => graphExecutor({ plans: ['plans/BAD', 'plans/GOOD'], format: 'json' }, context()));
      expect(json.cliText).toBe(json.executorText);
      expect(JSON.parse(json.cliText).plans).toHaveLength(2);
    });
  });

  describe('validate', () => {
    it('passes a clean plan with exit 0', async () => {
      await expect(cli(['validate'])).resolves.toBe(0);
      expect(out.stdout()).toContain('✔ GOOD  plans/GOOD');
    });

    it('--strict fails on warnings (exit 1) and says why', async () => {
      ws.write(WARN_PLAN);
      await expect(cli(['validate', 'WARN'])).resolves.toBe(0);
      await expect(cli(['validate', 'WARN', '--strict'])).resolves.toBe(1);
      expect(errorText()).toContain('error: 1 warning with --strict');
    });

    it("takes the plugin's strict option from nx.json", async () => {
      ws.write({ ...WARN_PLAN, 'nx.json': '{ "plugins": [{ "plugin": "@nx-plan/plan", "options": { "strict": true } }] }' });
      await expect(cli(['validate', 'plans/WARN'])).resolves.toBe(1);
    });

    it('--outputFile writes the document relative to the current folder', async () => {
      await expect(cli(['validate', '--json', '--outputFile', 'report.json'], ws.path('plans'))).resolves.toBe(0);
      expect(JSON.parse(readFileSync(ws.path('plans/report.json'), 'utf8'))).toMatchObject({ version: 1 });
    });
  });

  describe('finding plans', () => {
    it('works from a subfolder, finding the workspace by its nx.json', async () => {
      await expect(cli(['status', '--json'], ws.path('plans/GOOD/subplans'))).resolves.toBe(0);
      expect((JSON.parse(out.stdout()) as StatusDocument).plans[0].dir).toBe('plans/GOOD');
    });

    it('accepts a plan name, a project name or a folder, once each', async () => {
      await expect(cli(['status', '--json', 'GOOD', 'plan-good', 'plans/GOOD', 'good'])).resolves.toBe(0);
      expect((JSON.parse(out.stdout()) as StatusDocument).plans).toHaveLength(1);
    });

    it('follows plansGlob and Nx include/exclude from nx.json', async () => {
      ws.write({
        ...BAD_PLAN,
        ...WARN_PLAN,
        'nx.json': JSON.stringify({
          plugins: [{ plugin: '@nx-plan/plan', options: { plansGlob: 'plans/**/PLAN_*.md' }, exclude: ['plans/BAD/**'] }],
        }),
        'archive/OLD/PLAN_OLD.md': '# PLAN: OLD\n\n- Achievement 1.1: Old\n',
      });
      await expect(cli(['status', '--json'])).resolves.toBe(0);
      expect((JSON.parse(out.stdout()) as StatusDocument).plans.map((p) => p.name)).toEqual(['GOOD', 'WARN']);
    });

    it('names the plans there are when a plan argument matches none (exit 1)', async () => {
      await expect(cli(['status', 'NOPE'])).resolves.toBe(1);
      expect(errorText()).toContain('error: no plan "NOPE"');
      expect(errorText()).toContain('GOOD (plans/GOOD)');
    });

    it('reports a missing folder and a broken nx.json as one located line (exit 1)', async () => {
      await expect(cli(['status', './nowhere'])).resolves.toBe(1);
      expect(errorText()).toContain('plan folder "./nowhere" does not exist');
      ws.write({ 'nx.json': '{ "plugins": [ }' });
      await expect(cli(['status'])).resolves.toBe(1);
      expect(errorText()).toMatch(/error: nx\.json:1:\d+: /);
      expect(errorText()).not.toMatch(/\n\s+at /);
    });
  });

  describe('next', () => {
    it('lists what can start now and the recommended command', async () => {
      await expect(cli(['next'])).resolves.toBe(0);
      expect(out.stdout()).toContain('  1.2  Add tests  (not_started, level 0)');
      expect(out.stdout()).toContain('npx nx g @nx-plan/plan:batch-');
    });

    it('--json gives the next document', async () => {
      await expect(cli(['next', 'GOOD', '--json'])).resolves.toBe(0);
      const doc = JSON.parse(out.stdout()) as NextDocument;
      expect(doc).toMatchObject({ version: 1, plans: [{ name: 'GOOD', done: 0, total: 3 }] });
      expect(doc.plans[0].nextAvailable.map((a) => a.id)).toEqual(['1.1', '1.2']);
      expect(doc.plans[0].recommendedAction.command).toMatch(/^npx nx /);
    });
  });

  describe('command line', () => {
    it('--help, help <command> and <command> --help print usage with exit 0', async () => {
      await expect(cli(['--help'])).resolves.toBe(0);
      expect(out.stdout()).toContain('Usage: nx-plan <command> [options]');
      await expect(cli(['graph', '--format=nope', '--help'])).resolves.toBe(0);
      expect(out.stdout()).toContain('Usage: nx-plan graph [plan] [options]');
      await expect(cli(['help', 'next'])).resolves.toBe(0);
      expect(out.stdout()).toContain('Usage: nx-plan next');
    });

    it('--version prints the package version', async () => {
      const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
      await expect(cli(['--version'])).resolves.toBe(0);
      expect(out.stdout()).toBe(`${version}\n`);
    });

    it.each([
      [['stats'], 'unknown command "stats" (did you mean status?)'],
      [['status', '--jsn'], 'unknown option --jsn (did you mean --json?)'],
      [['status', '--json=yes'], '--json is a switch and takes no value'],
      [['graph', '--format'], '--format needs a value'],
      [['graph', '--format=png'], 'unknown --format "png"'],
      [['graph', 'GOOD', 'BAD'], 'takes at most 1 plan argument'],
      [['--strict'], 'options go after a command'],
      [['clean', '--dryrun'], 'nx-plan clean: unknown option --dryrun (did you mean --dryRun?)'],
    ])('%j is a usage error (exit 2): %s', async (argv, message) => {
      await expect(cli(argv)).resolves.toBe(2);
      expect(errorText()).toContain(message);
      expect(errorText()).toContain('--help for usage');
      expect(out.stdout()).toBe('');
    });

    it('suggests an option only when the word looks like a typo of it', async () => {
      await expect(cli(['status', '--plan=X'])).resolves.toBe(2);
      expect(errorText()).toContain('nx-plan status: unknown option --plan');
      expect(errorText()).not.toContain('did you mean');
    });

    it('no command prints the help on stderr with exit 2', async () => {
      await expect(cli([])).resolves.toBe(2);
      expect(stderr.join('')).toContain('Usage: nx-plan <command>');
    });
  });
});
