/**
 * End-to-end: the plugin at scale (issue 11), in a brand-new Nx workspace with
 * the packed packages.
 *  - the inference cache: every plan computed once, then served from
 *    `.nx/workspace-data` while nothing changes; an edited plan is the only
 *    one computed again; a corrupt cache file is ignored;
 *  - a status document over 1 MB reaches a pipe and a file byte for byte as
 *    `--outputFile` writes it, through `nx run`, `nx run-many` and
 *    `nx affected`, with CI=true and without, and through a terminal;
 *  - flags given to `execute` reach every achievement's `nx-plan
 *    run-achievement` command line intact (a stub `nx-plan` records them);
 *  - a plan above maxAchievementTargets: no achievement targets, PLAN040,
 *    and an `execute` that explains itself and fails.
 *
 * E2E_KEEP=1 keeps the workspace when a test failed; its path is printed.
 */
import { FailureTracker } from './utils/failure-tracker';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildAndPack } from './utils/build-and-pack';
import { createWorkspace, removeWorkspace } from './utils/create-workspace';
import { nxEnv } from './utils/nx-env';
import { CommandResult, describeResult, runCommand } from './utils/run-command';
import { runNx } from './utils/run-nx';

jest.setTimeout(300_000);

const KEEP_ON_FAILURE = process.env.E2E_KEEP === '1';
const PLANS = 60;
const ACHIEVEMENTS = 50;

let ws = '';

const failures = new FailureTracker(() => `e2e workspace: ${ws}`);
const tracked = failures.tracked;

function expectSuccess(result: CommandResult): void {
  if (result.code !== 0) throw new Error(`expected exit code 0\n${describeResult(result)}`);
}

function write(relative: string, content: string): void {
  const file = join(ws, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** A plan folder: PLAN index lines and a parallel.json; each achievement after the first of its priority depends on the one before. */
function writePlan(root: string, name: string, count: number, title = (id: string) => `Step ${id} of ${name}`): void {
  const achievements = Array.from({ length: count }, (_, i) => {
    const priority = Math.floor(i / 10) + 1;
    const index = (i % 10) + 1;
    return { id: `${priority}.${index}`, deps: index > 1 ? [`${priority}.${index - 1}`] : priority > 1 ? [`${priority - 1}.1`] : [] };
  });
  write(
    `${root}/PLAN_${name}.md`,
    [`# PLAN: ${name}`, '', '## Achievement Index', '', ...achievements.map((a) => `- Achievement ${a.id}: ${title(a.id)}`), ''].join('\n')
  );
  write(
    `${root}/parallel.json`,
    JSON.stringify(
      {
        plan_name: name,
        parallelization_level: 'level_3',
        achievements: achievements.map((a) => ({ achievement_id: a.id, title: title(a.id), dependencies: a.deps, estimated_hours: '2-4' })),
      },
      null,
      2
    )
  );
}

function cacheReport(result: CommandResult): string {
  const match = /nx-plan inference cache: \d+ hit, \d+ miss/.exec(result.output);
  if (!match) throw new Error(`no cache report in the output\n${describeResult(result)}`);
  return match[0];
}

async function showProjects(env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const result = await runNx(ws, 'show projects --json', { env: { NX_PLAN_DEBUG_CACHE: '1', ...env } });
  expectSuccess(result);
  return result;
}

function projectsOf(result: CommandResult): string[] {
  return (JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as string[]).sort();
}

/** A shell command line in the workspace, with the harness's Nx environment (plus or minus some variables). */
function sh(line: string, env: NodeJS.ProcessEnv = {}, drop: string[] = []): Promise<CommandResult> {
  const full = nxEnv(env);
  for (const key of drop) delete full[key];
  return runCommand('/bin/sh', ['-c', line], { cwd: ws, env: full, timeoutMs: 240_000 });
}

beforeAll(async () => {
  const packed = await buildAndPack();
  const workspace = await createWorkspace(packed, { keepOnFailure: KEEP_ON_FAILURE });
  ws = workspace.root;
  if (workspace.add.code !== 0) throw new Error(`nx add failed\n${describeResult(workspace.add)}`);
  for (let i = 1; i <= PLANS; i++) {
    const name = `S${String(i).padStart(3, '0')}`;
    writePlan(`plans/${name}`, name, ACHIEVEMENTS);
  }
});

afterAll(() => {
  if (!ws) return;
  if (failures.failed && KEEP_ON_FAILURE) {
    console.log(`e2e workspace kept: ${ws}`);
  } else {
    removeWorkspace(ws);
  }
});

describe('inference cache', () => {
  let projects: string[] = [];

  it(
    'computes every plan once, then serves all of them from the cache while nothing changes',
    tracked(async () => {
      const cold = await showProjects();
      expect(cacheReport(cold)).toBe(`nx-plan inference cache: 0 hit, ${PLANS} miss`);
      projects = projectsOf(cold);
      expect(projects).toContain('plan-s001');
      expect(projects).toContain('plan');
      expect(readdirSync(join(ws, '.nx', 'workspace-data')).filter((f) => /^nx-plan-.*\.json$/.test(f))).toHaveLength(1);

      const warm = await showProjects();
      expect(cacheReport(warm)).toBe(`nx-plan inference cache: ${PLANS} hit, 0 miss`);
      expect(projectsOf(warm)).toEqual(projects);
    })
  );

  it(
    'computes again only the plan whose file changed, and shows the change',
    tracked(async () => {
      writePlan('plans/S007', 'S007', ACHIEVEMENTS, (id) => `Renamed ${id}`);
      expect(cacheReport(await showProjects())).toBe(`nx-plan inference cache: ${PLANS - 1} hit, 1 miss`);
      const show = await runNx(ws, 'show project plan-s007 --json');
      expectSuccess(show);
      const project = JSON.parse(show.stdout.slice(show.stdout.indexOf('{'))) as {
        targets: Record<string, { metadata?: { description?: string } }>;
      };
      expect(project.targets['achievement-1.1'].metadata?.description).toBe('Achievement 1.1: Renamed 1.1');
    })
  );

  it(
    'ignores a corrupt cache file and still infers the same projects',
    tracked(async () => {
      const dir = join(ws, '.nx', 'workspace-data');
      for (const file of readdirSync(dir).filter((f) => /^nx-plan-.*\.json$/.test(f))) {
        writeFileSync(join(dir, file), '{"format":1,"version":"0.1.0","entries":{"plans/S001":');
      }
      const result = await showProjects();
      expect(cacheReport(result)).toBe(`nx-plan inference cache: 0 hit, ${PLANS} miss`);
      expect(projectsOf(result)).toEqual(projects);
    })
  );
});

describe('a status document over 1 MB, intact through Nx', () => {
  let document = '';

  beforeAll(async () => {
    const result = await runNx(ws, 'run plan:status --format=json --outputFile=tmp/status.json');
    expectSuccess(result);
    document = readFileSync(join(ws, 'tmp', 'status.json'), 'utf8');
  });

  /** The document must appear byte for byte inside what Nx printed (its own header and summary around it are allowed). */
  function expectDocumentIn(output: string, result: CommandResult): void {
    expect(document.length).toBeGreaterThan(1_000_000);
    if (!output.includes(document)) {
      const start = output.indexOf('{');
      let same = 0;
      while (same < document.length && output[start + same] === document[same]) same++;
      throw new Error(
        `the document printed differs from --outputFile's at byte ${same} of ${document.length}: ` +
          `${JSON.stringify(output.slice(start + same - 40, start + same + 40))}\n${describeResult({ ...result, stdout: '…', output: '…' })}`
      );
    }
  }

  // What `node -e` receives through the pipe: it parses the JSON between Nx's header and summary and checks it is the document.
  const PARSE = `node -e "const t=require('fs').readFileSync(0,'utf8');const s=t.indexOf('\\n{')+1;const e=t.lastIndexOf('\\n}')+2;const d=JSON.parse(t.slice(s,e));if(!Array.isArray(d.plans))process.exit(3);require('fs').writeFileSync('tmp/piped.txt',t);"`;

  it(
    'nx run … | node -e JSON.parse, with CI=true',
    tracked(async () => {
      const result = await sh(`node_modules/.bin/nx run plan:status --format=json | ${PARSE}`, { CI: 'true' });
      expectSuccess(result);
      expectDocumentIn(readFileSync(join(ws, 'tmp', 'piped.txt'), 'utf8'), result);
    })
  );

  it(
    'nx run … > file, without CI',
    tracked(async () => {
      const result = await sh('node_modules/.bin/nx run plan:status --format=json > tmp/redirected.txt', {}, ['CI']);
      expectSuccess(result);
      expectDocumentIn(readFileSync(join(ws, 'tmp', 'redirected.txt'), 'utf8'), result);
    })
  );

  it(
    'nx run-many and nx affected … --output-style=static > file (without it Nx 23 does not print the output of successful tasks)',
    tracked(async () => {
      const many = await sh('node_modules/.bin/nx run-many -t status -p plan --format=json --output-style=static > tmp/many.txt');
      expectSuccess(many);
      expectDocumentIn(readFileSync(join(ws, 'tmp', 'many.txt'), 'utf8'), many);

      const affected = await sh(
        'node_modules/.bin/nx affected -t status --files=plans/S001/parallel.json --exclude=plan-s001 --format=json --output-style=static | cat > tmp/affected.txt'
      );
      expectSuccess(affected);
      expectDocumentIn(readFileSync(join(ws, 'tmp', 'affected.txt'), 'utf8'), affected);
    })
  );

  // util-linux `script` (Linux); the BSD/macOS one takes other arguments.
  const describeTty = process.platform === 'linux' && existsSync('/usr/bin/script') ? it : it.skip;
  describeTty(
    'nx run in a terminal (util-linux script gives Nx a TTY; the terminal turns \\n into \\r\\n)',
    tracked(async () => {
      const result = await sh(
        `script -qec 'node_modules/.bin/nx run plan:status --format=json' /dev/null > tmp/tty.txt`,
        { CI: 'true' }
      );
      expectSuccess(result);
      expectDocumentIn(readFileSync(join(ws, 'tmp', 'tty.txt'), 'utf8').replace(/\r\n/g, '\n'), result);
    })
  );
});

describe('flags given to execute reach every achievement', () => {
  it(
    'appends them, correctly quoted, to each nx-plan run-achievement command line',
    tracked(async () => {
      writePlan('plans/My Plan', 'FORWARD', 3);
      // A stub nx-plan (Nx puts node_modules/.bin first on PATH for run-commands) records its arguments.
      const bin = join(ws, 'node_modules', '.bin', 'nx-plan');
      const log = join(ws, 'tmp', 'forwarded.log');
      rmSync(bin, { force: true });
      writeFileSync(
        bin,
        `#!/usr/bin/env node\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`
      );
      chmodSync(bin, 0o755);
      const agentCommand = `my-agent --task {executionFile} --note 'two words' --x=1`;
      const result = await runNx(ws, [
        'run',
        'plan-forward:execute',
        `--agentCommand=${agentCommand}`,
        '--timeout=60',
        '--isolation=none',
      ]);
      expectSuccess(result);
      const calls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[]);
      expect(calls.map((argv) => argv.find((a) => a.startsWith('--achievement='))).sort()).toEqual([
        '--achievement=1.1',
        '--achievement=1.2',
        '--achievement=1.3',
      ]);
      for (const argv of calls) {
        expect(argv[0]).toBe('run-achievement');
        expect(argv).toContain('--plan=plans/My Plan');
        expect(argv).toContain(`--agentCommand=${agentCommand}`);
        expect(argv).toContain('--timeout=60');
        expect(argv).toContain('--isolation=none');
      }
    })
  );
});

describe('a plan above maxAchievementTargets', () => {
  it(
    'has no achievement targets, reports PLAN040 and an execute that explains itself and fails',
    tracked(async () => {
      writePlan('plans/BIG', 'BIG', 1001);
      const show = await runNx(ws, 'show project plan-big --json');
      expectSuccess(show);
      const project = JSON.parse(show.stdout.slice(show.stdout.indexOf('{'))) as {
        targets: Record<string, unknown>;
        metadata: { plan: { achievementTargetsOmitted?: { achievements: number; maxAchievementTargets: number } } };
      };
      expect(Object.keys(project.targets).sort()).toEqual(['execute', 'graph', 'status', 'validate']);
      expect(project.metadata.plan.achievementTargetsOmitted).toMatchObject({ achievements: 1001, maxAchievementTargets: 1000 });

      const validate = await runNx(ws, 'run plan-big:validate --skip-nx-cache');
      expectSuccess(validate);
      expect(validate.output).toMatch(/info +PLAN040 +plan BIG has 1001 achievements, more than maxAchievementTargets \(1000\)/);

      const execute = await runNx(ws, 'run plan-big:execute');
      expect(execute.code).not.toBe(0);
      expect(execute.output).toContain('nx-plan: plan BIG has 1001 achievements, more than maxAchievementTargets (1000)');
      expect(execute.output).toContain('hint: set "maxAchievementTargets": 1001 (or more)');
    })
  );
});

describe('a finished plan', () => {
  it(
    'has no achievement targets and an execute that says so and succeeds; reopening one achievement brings the targets back',
    tracked(async () => {
      writePlan('plans/DONE', 'DONE', 3);
      for (const nm of ['11', '12']) write(`plans/DONE/execution/feedbacks/APPROVED_${nm}.md`, 'Approved.\n');
      write('plans/DONE/execution/SKIPPED_13.md', 'Not needed.\n');
      const targetsOf = async () => {
        const show = await runNx(ws, 'show project plan-done --json');
        expectSuccess(show);
        return Object.keys((JSON.parse(show.stdout.slice(show.stdout.indexOf('{'))) as { targets: Record<string, unknown> }).targets).sort();
      };
      expect(await targetsOf()).toEqual(['execute', 'graph', 'status', 'validate']);

      const execute = await runNx(ws, 'run plan-done:execute');
      expectSuccess(execute);
      expect(execute.output).toContain('nx-plan: plan DONE is finished: all 3 achievements are complete or skipped');

      rmSync(join(ws, 'plans/DONE/execution/feedbacks/APPROVED_12.md'));
      write('plans/DONE/execution/feedbacks/FIX_12.md', 'Redo it.\n');
      expect(await targetsOf()).toEqual(['achievement-1.1', 'achievement-1.2', 'achievement-1.3', 'execute', 'graph', 'status', 'validate']);
    })
  );
});
