/**
 * End-to-end: the `nx-plan` CLI of the packed @nx-plan/plan in a brand-new Nx
 * workspace (installed by `nx add`), run with `npx nx-plan` as a user or a
 * script runs it: the compiled CLI answers without starting Nx, with the same
 * documents and exit codes as the executors.
 *
 * E2E_KEEP=1 keeps the workspace when a test failed; its path is printed.
 */
import { FailureTracker } from './utils/failure-tracker';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndPack } from './utils/build-and-pack';
import { createWorkspace, removeWorkspace } from './utils/create-workspace';
import { BROKEN_PLAN, FLOW_PLAN, writeFixturePlan } from './utils/fixture-plans';
import { cleanEnv } from './utils/nx-env';
import { describeResult, runCommand, type CommandResult } from './utils/run-command';
import { runNx, stackTraceLines } from './utils/run-nx';

jest.setTimeout(300_000);

const KEEP_ON_FAILURE = process.env.E2E_KEEP === '1';

/** Preloaded into every nx-plan process: records each module of Nx that Node loads. */
const LOAD_HOOK = `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (/[\\\\/]node_modules[\\\\/](nx|@nx[\\\\/][^\\\\/]+)[\\\\/]/.test(file)) appendFileSync(process.env.NX_PLAN_LOAD_LOG, file + '\\n');
  } catch {}
  return loaded;
};
`;

let ws = '';

const failures = new FailureTracker(() => `e2e workspace: ${ws}`);
const tracked = failures.tracked;

/** `npx nx-plan …` in the workspace, with the load hook preloaded into the CLI's node process. */
async function nxPlan(args: string[]): Promise<CommandResult & { nxModules: string[] }> {
  const log = join(ws, 'nx-modules.log');
  writeFileSync(log, '');
  const env = { ...cleanEnv(), NO_COLOR: '1', NX_PLAN_LOAD_LOG: log };
  // npx runs the package's bin with node; the hook goes in through the bin's own process only.
  const bin = join(ws, 'node_modules', '.bin', 'nx-plan');
  const result = await runCommand(process.execPath, ['--require', join(ws, 'load-hook.js'), bin, ...args], { cwd: ws, env, timeoutMs: 60_000 });
  const nxModules = require('node:fs').readFileSync(log, 'utf8').split('\n').filter(Boolean) as string[];
  return { ...result, nxModules };
}

beforeAll(async () => {
  const packed = await buildAndPack();
  const workspace = await createWorkspace(packed, { keepOnFailure: KEEP_ON_FAILURE });
  ws = workspace.root;
  if (workspace.add.code !== 0) throw new Error(`nx add failed:\n${describeResult(workspace.add)}`);
  writeFixturePlan(join(ws, 'plans'), FLOW_PLAN);
  writeFixturePlan(join(ws, 'plans'), BROKEN_PLAN);
  writeFileSync(join(ws, 'load-hook.js'), LOAD_HOOK);
});

afterAll(() => {
  if (!ws) return;
  if (failures.failed && KEEP_ON_FAILURE) {
    process.stdout.write(`e2e workspace kept at ${ws}\n`);
  } else {
    removeWorkspace(ws);
  }
});

describe('nx-plan CLI from the packed package', () => {
  it(
    'is installed as a bin that runs the compiled CLI',
    tracked(async () => {
      expect(existsSync(join(ws, 'node_modules', '.bin', 'nx-plan'))).toBe(true);
      expect(existsSync(join(ws, 'node_modules', '@nx-plan', 'plan', 'src', 'cli', 'main.js'))).toBe(true);
      const version = await runCommand('npx', ['nx-plan', '--version'], { cwd: ws, timeoutMs: 60_000 });
      expect(version.code).toBe(0);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    }),
  );

  it(
    'npx nx-plan status --json prints the status document, the same as nx run plan:status',
    tracked(async () => {
      const cli = await runCommand('npx', ['nx-plan', 'status', 'E2E-FLOW', '--json'], { cwd: ws, env: { ...cleanEnv(), NO_COLOR: '1' }, timeoutMs: 60_000 });
      expect(cli.code).toBe(0);
      const document = JSON.parse(cli.stdout) as { version: number; plans: { name: string; nextAvailable: string[]; achievements: { id: string; status: string }[] }[] };
      expect(document.version).toBe(1);
      expect(document.plans.map((p) => p.name)).toEqual(['E2E-FLOW']);
      expect(document.plans[0].nextAvailable).toEqual(['2.2', '1.2', '1.3']);
      expect(document.plans[0].achievements.find((a) => a.id === '1.1')?.status).toBe('complete');

      const viaNx = await runNx(ws, ['run', 'plan-e2e-flow:status', '--format=json', '--outputFile=status.json']);
      expect(viaNx.code).toBe(0);
      expect(require('node:fs').readFileSync(join(ws, 'status.json'), 'utf8')).toBe(cli.stdout);
    }),
  );

  it(
    'the read-only commands never load Nx',
    tracked(async () => {
      const status = await nxPlan(['status', '--json']);
      expect(status.code).toBe(1); // E2E-BROKEN cannot be read: the report is printed, the exit code says so
      expect(JSON.parse(status.stdout).plans).toHaveLength(2);
      expect(status.nxModules).toEqual([]);
      const next = await nxPlan(['next', 'E2E-FLOW']);
      expect(next.code).toBe(0);
      expect(next.nxModules).toEqual([]);
    }),
  );

  it(
    'validate on a broken plan: located errors, exit 1, no stack trace',
    tracked(async () => {
      const result = await nxPlan(['validate', 'plans/E2E-BROKEN']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/plans\/E2E-BROKEN\/parallel\.json:5:\d+ {2}error {2}PLAN\d{3}/);
      expect(stackTraceLines(result.output)).toEqual([]);
      const clean = await nxPlan(['validate', 'E2E-FLOW']);
      expect(clean.code).toBe(0);
      expect(clean.stdout).toContain('✔ E2E-FLOW');
    }),
  );

  it(
    'next names what can start now and the command to prepare it',
    tracked(async () => {
      const result = await nxPlan(['next', 'E2E-FLOW']);
      expect(result.stdout).toContain('Next available:');
      expect(result.stdout).toContain('2.2  Metrics Dashboard Drafted');
      expect(result.stdout).toMatch(/Recommended action: .*\n {2}npx nx g @nx-plan\/plan:batch-subplan --plan=E2E-FLOW/);
      const json = await nxPlan(['next', 'E2E-FLOW', '--json']);
      expect(JSON.parse(json.stdout).plans[0].nextAvailable.map((a: { id: string }) => a.id)).toEqual(['2.2', '1.2', '1.3']);
    }),
  );

  it(
    '--help and a helpful message for unknown commands and options',
    tracked(async () => {
      const help = await nxPlan(['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: nx-plan <command> [options]');
      const commandHelp = await nxPlan(['status', '--help']);
      expect(commandHelp.stdout).toContain('Usage: nx-plan status [plan…] [options]');
      const unknown = await nxPlan(['statsu']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown command "statsu" (did you mean status?)');
      const badOption = await nxPlan(['graph', '--formt=dot']);
      expect(badOption.code).toBe(2);
      expect(badOption.stderr).toContain('unknown option --formt');
      expect(badOption.stderr).toContain('did you mean --format?');
    }),
  );
});
