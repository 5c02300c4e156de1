/**
 * End-to-end: the newcomer path exactly as the README writes it. The three
 * packages are published with `nx release publish` into a local Verdaccio
 * (127.0.0.1, no uplink), a workspace is created with create-nx-workspace and
 * its .npmrc points the @nx-plan scope at that registry, then the README's
 * `npx nx add @nx-plan/plan` and the README's commands run in it verbatim.
 *
 * E2E_KEEP=1 keeps the workspace and the registry folder when a test failed.
 */
import { FailureTracker } from './utils/failure-tracker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGES } from './utils/build-and-pack';
import { copyPlanFolders, CopiedPlan } from './utils/copy-plans';
import { createNxWorkspace, quietNpmEnv } from './utils/create-nx-workspace';
import { isReadOnlyNxCommand, nxCommandsInMarkdown } from './utils/doc-commands';
import { listFiles } from './utils/file-listing';
import { LOCAL_SCOPE, LocalRegistry, startLocalRegistry } from './utils/local-registry';
import { isPlanPluginRegistered } from './utils/nx-json';
import { nxEnv } from './utils/nx-env';
import { publishPackages, releaseVersion } from './utils/publish-packages';
import { e2eTmpDir, examplesDir, repoRoot } from './utils/repo-paths';
import { CommandResult, describeResult, runCommand } from './utils/run-command';
import { stackTraceLines } from './utils/run-nx';

jest.setTimeout(300_000);

const KEEP_ON_FAILURE = process.env.E2E_KEEP === '1';

let scratch = '';
let registry: LocalRegistry | undefined;
let ws = '';
let version = '';
let add: CommandResult;
let plans: CopiedPlan[] = [];
interface PublishedManifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  'dist.integrity': string;
}
let manifests: Promise<PublishedManifest[]> | undefined;

/** What the local registry serves for each package at the release version (`npm view`), in PACKAGES order. */
function publishedManifests(): Promise<PublishedManifest[]> {
  manifests ??= Promise.all(
    PACKAGES.map(async (pkg) => {
      const view = await runCommand(
        'npm',
        ['view', `${pkg.npmName}@${version}`, 'name', 'version', 'dependencies', 'dist.integrity', '--json', `--registry=${registry!.url}`],
        { cwd: scratch, env: quietNpmEnv() },
      );
      expectSuccess(view);
      return JSON.parse(view.stdout) as PublishedManifest;
    }),
  );
  return manifests;
}

const timings: Array<[string, number]> = [];

/**
 * `npx <args>` in the workspace, as a user types it (Nx Cloud and colours
 * off). `daemon` leaves the Nx daemon on, as it is for a user at a terminal:
 * the README's commands then share one project graph.
 */
async function npx(args: readonly string[], options: { timeoutMs?: number; daemon?: boolean } = {}): Promise<CommandResult> {
  const env = { ...nxEnv(), ...quietNpmEnv(), NX_DAEMON: options.daemon ? 'true' : 'false', NO_COLOR: '1' };
  const result = await runCommand('npx', args, { cwd: ws, env, timeoutMs: options.timeoutMs ?? 180_000 });
  timings.push([`npx ${args.join(' ')}`, result.durationMs]);
  return result;
}

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings.push([label, Date.now() - started]);
  }
}

function expectSuccess(result: CommandResult): void {
  if (result.code !== 0) throw new Error(`expected exit code 0\n${describeResult(result)}`);
}

const failures = new FailureTracker(() => `registry e2e scratch folder: ${scratch}`);
const tracked = failures.tracked;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'nx-plan-registry-e2e-'));
  try {
    version = releaseVersion();
    registry = await timed('start Verdaccio', () => startLocalRegistry(join(scratch, 'registry')));
    const started = registry;
    // Independent: publishing (in this repo) and creating the workspace (in the scratch folder).
    const [, created] = await Promise.all([
      timed('nx release publish (build + npm publish x3)', () => publishPackages(started)),
      timed('create-nx-workspace (in parallel with the publish)', () => createNxWorkspace(scratch, 'newcomer')),
    ]);
    ws = created;
    // What a user adds to reach a private registry for one scope.
    writeFileSync(join(ws, '.npmrc'), `${LOCAL_SCOPE}:registry=${registry.url}\n`);
    // The user's plans: the repository's examples, where the README's layout puts them.
    plans = copyPlanFolders(examplesDir, join(ws, 'plans'));
    add = await npx(['nx', 'add', '@nx-plan/plan'], { timeoutMs: 240_000 });
  } catch (error) {
    failures.failed = true;
    if (error instanceof Error) error.message += `\n(registry e2e scratch folder: ${scratch})`;
    throw error;
  }
});

afterAll(async () => {
  if (ws) await runCommand(join(ws, 'node_modules', '.bin', 'nx'), ['daemon', '--stop'], { cwd: ws, env: nxEnv(), timeoutMs: 30_000 });
  await registry?.stop();
  const report = timings.map(([what, ms]) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${what}`).join('\n');
  mkdirSync(e2eTmpDir, { recursive: true });
  writeFileSync(join(e2eTmpDir, 'registry-timings.txt'), `${report}\n`);
  console.log(`registry e2e timings (also in ${join(e2eTmpDir, 'registry-timings.txt')}):\n${report}`);
  if (!scratch) return;
  if (failures.failed && KEEP_ON_FAILURE) console.log(`E2E_KEEP=1: kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
});

describe('nx release publish into a local registry', () => {
  it(
    'publishes @nx-plan/schema, core and plan with one version, each depending on the others at exactly that version',
    tracked(async () => {
      const served = await publishedManifests();
      expect(served.map((m) => `${m.name}@${m.version}`)).toEqual(PACKAGES.map((p) => `${p.npmName}@${version}`));
      const localDeps = served.map((m) => Object.entries(m.dependencies).filter(([name]) => name.startsWith(`${LOCAL_SCOPE}/`)));
      expect(localDeps).toEqual([
        [],
        [['@nx-plan/schema', version]],
        [
          ['@nx-plan/core', version],
          ['@nx-plan/schema', version],
        ],
      ]);
    }),
  );
});

describe('npx nx add @nx-plan/plan (README, "Add it to your workspace")', () => {
  it(
    'installs the plugin and its two dependencies from the registry and registers the plugin in nx.json',
    tracked(async () => {
      expectSuccess(add);
      expect(stackTraceLines(add.output)).toEqual([]);
      const pkg = JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
      // npm saves the version it installed with its default ^ prefix.
      expect({ ...pkg.dependencies, ...pkg.devDependencies }['@nx-plan/plan']).toBe(`^${version}`);
      const installed = PACKAGES.map((p) => {
        const manifest = join(ws, 'node_modules', ...p.npmName.split('/'), 'package.json');
        return existsSync(manifest) ? `${p.npmName}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}` : `${p.npmName} missing`;
      });
      expect(installed).toEqual(PACKAGES.map((p) => `${p.npmName}@${version}`));
      // Every @nx-plan tarball is the one published into the local registry (same integrity).
      const lock = JSON.parse(readFileSync(join(ws, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string }> };
      const locked = PACKAGES.map((p) => `${p.npmName} ${lock.packages[`node_modules/${p.npmName}`]?.integrity ?? 'not in package-lock.json'}`);
      const published = await publishedManifests();
      expect(locked).toEqual(published.map((m) => `${m.name} ${m['dist.integrity']}`));
      expect(isPlanPluginRegistered(ws)).toBe(true);
    }),
  );
});

describe("the README's commands in the new workspace", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const commands = nxCommandsInMarkdown(readme).filter(isReadOnlyNxCommand);

  it(
    `every read-only npx nx command of README.md (${commands.length}) exits 0 without a stack trace and leaves the plans untouched`,
    tracked(async () => {
      expect(plans.length).toBeGreaterThan(0);
      expect(commands).toContain('run plan:status');
      const plansDir = join(ws, 'plans');
      const snapshot = () => listFiles(plansDir).map((f) => `${f} ${createHash('sha1').update(readFileSync(join(plansDir, f))).digest('hex')}`);
      const before = snapshot();
      for (const command of commands) {
        const result = await npx(['nx', ...command.split(/\s+/)], { daemon: true });
        expect({ command, code: result.code, stackTrace: stackTraceLines(result.output) }).toEqual({ command, code: 0, stackTrace: [] });
        if (command === 'run plan:status') {
          // The table the README shows under "Try it".
          expect(result.output).toContain('Plan RELEASE-PIPELINE  3/8 done, dependencies from parallel.json');
          expect(result.output).toContain('Time savings: sequential 21-32h, parallel 11-17h, saves 10-15h (47-48%)');
        }
      }
      expect(snapshot()).toEqual(before);
    }),
  );
});
