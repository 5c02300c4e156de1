/**
 * End-to-end: the packed @nx-plan packages installed in a brand-new Nx
 * workspace, driven by the same `nx` commands the README shows. One workspace
 * is shared by every test (creating it is the slow part), so the tests run in
 * order and each leaves the workspace as the next one expects.
 *
 * E2E_KEEP=1 keeps the workspace when a test failed; its path is printed.
 */
import { FailureTracker } from './utils/failure-tracker';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndPack, PACKAGES, PackedPackages } from './utils/build-and-pack';
import { copyPlanFolders, CopiedPlan, planProjectName } from './utils/copy-plans';
import { createWorkspace, E2eWorkspace, removeWorkspace } from './utils/create-workspace';
import { overlappingPairs, readAgentLog, writeFakeAgent } from './utils/fake-agent';
import { listFiles } from './utils/file-listing';
import {
  BROKEN_PLAN,
  CYCLE_PLAN,
  DRAFT_PLAN,
  executionFile,
  FixturePlan,
  FLOW_PLAN,
  RUN_PLAN,
  subplanFile,
  writeFixturePlan,
} from './utils/fixture-plans';
import { isPlanPluginRegistered, setPlanPluginOptions } from './utils/nx-json';
import { findPackageProblems } from './utils/package-contents';
import { isReadOnlyNxCommand, nxCommandsInMarkdown } from './utils/doc-commands';
import { corpusAvailable, corpusDir, e2eTmpDir, examplesDir, repoRoot } from './utils/repo-paths';
import { CommandResult, describeResult } from './utils/run-command';
import { runNx, stackTraceLines, wasCacheHit } from './utils/run-nx';
import { statusFromFiles } from './utils/status-from-files';

interface StatusDocument {
  version: number;
  plans: Array<{
    name: string;
    achievements: Array<{ id: string; title: string; status: string; level: number; ready: boolean; attempts: number }>;
    nextAvailable: string[];
    parallelOpportunities: Array<{ level: number; ids: string[] }>;
    criticalPath: { ids: string[] };
    recommendedAction: { kind: string; command?: string; ids: string[] };
  }>;
}

// `testTimeout` of e2e/jest.config.js only applies when jest runs that config
// alone; under the root multi-project config (`npm test`) it is a global option
// and ignored, so the file sets its own.
jest.setTimeout(300_000);

const KEEP_ON_FAILURE = process.env.E2E_KEEP === '1';
const AGENT_SLEEP_MS = 2000;

let packed: PackedPackages;
let workspace: E2eWorkspace;
let ws = '';
let plansRoot = '';
let pluginRegisteredByAdd = false;
let examples: CopiedPlan[] = [];
let corpus: CopiedPlan[] = [];
const timings: Array<[string, number]> = [];

const failures = new FailureTracker(() => `e2e workspace: ${ws}`);
const tracked = failures.tracked;

async function nx(args: string | readonly string[]): Promise<CommandResult> {
  const result = await runNx(ws, args);
  timings.push([`nx ${typeof args === 'string' ? args : args.join(' ')}`, result.durationMs]);
  return result;
}

/** Asserts exit code 0 and shows the whole run when it is not. */
function expectSuccess(result: CommandResult): void {
  if (result.code !== 0) throw new Error(`expected exit code 0\n${describeResult(result)}`);
}

function expectFailure(result: CommandResult): void {
  if (result.code === 0 || result.code === null) throw new Error(`expected a non-zero exit code\n${describeResult(result)}`);
}

async function showProjects(): Promise<string[]> {
  const result = await nx('show projects --json');
  expectSuccess(result);
  return JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as string[];
}

async function statusDocument(project: string, outputName: string): Promise<StatusDocument> {
  const outputFile = `tmp/${outputName}.json`;
  const result = await nx(`run ${project}:status --format=json --outputFile=${outputFile}`);
  expectSuccess(result);
  const file = join(ws, outputFile);
  if (!existsSync(file)) throw new Error(`--outputFile=${outputFile} was not written\n${describeResult(result)}`);
  return JSON.parse(readFileSync(file, 'utf8')) as StatusDocument;
}

/** The fake agent's log (see utils/fake-agent.ts). */
function agentLog(): string {
  return join(ws, 'tmp', 'agent.log');
}

function resetAgentLog(): void {
  mkdirSync(join(ws, 'tmp'), { recursive: true });
  writeFileSync(agentLog(), '');
}

function planFiles(name: string): string[] {
  return listFiles(join(plansRoot, name));
}

const fixturePlans: FixturePlan[] = [FLOW_PLAN, RUN_PLAN, DRAFT_PLAN];

beforeAll(async () => {
  try {
    await setUpWorkspace();
  } catch (error) {
    failures.failed = true;
    if (ws && error instanceof Error) error.message += `\n(e2e workspace: ${ws})`;
    throw error;
  }
});

async function setUpWorkspace(): Promise<void> {
  const started = Date.now();
  packed = await buildAndPack();
  timings.push([packed.reused ? 'build + pack (reused, sources unchanged)' : 'build (nx run-many -t build)', packed.buildMs]);
  if (!packed.reused) timings.push(['npm pack x3', packed.packMs]);

  workspace = await createWorkspace(packed, { keepOnFailure: KEEP_ON_FAILURE });
  ws = workspace.root;
  timings.push(['npm install (nx, @nx/devkit, schema + core tarballs)', workspace.install.durationMs]);
  timings.push(['nx add @nx-plan/plan@file:<tarball>', workspace.add.durationMs]);

  // The nx add test reports whether init registered the plugin; the other
  // tests need it registered either way, plus the fake agent command.
  pluginRegisteredByAdd = workspace.add.code === 0 && isPlanPluginRegistered(ws);
  const agent = join(ws, 'tools', 'fake-agent.js');
  mkdirSync(join(ws, 'tools'), { recursive: true });
  writeFakeAgent(agent, AGENT_SLEEP_MS);
  setPlanPluginOptions(ws, { agentCommand: `node ${agent} ${agentLog()} {achievement} {planDir}` });

  plansRoot = join(ws, 'plans');
  mkdirSync(plansRoot, { recursive: true });
  examples = copyPlanFolders(examplesDir, plansRoot);
  corpus = corpusAvailable() ? copyPlanFolders(corpusDir, plansRoot) : [];
  for (const plan of fixturePlans) writeFixturePlan(plansRoot, plan);
  timings.push(['beforeAll total', Date.now() - started]);
}

afterAll(() => {
  const report = timings.map(([what, ms]) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${what}`).join('\n');
  mkdirSync(e2eTmpDir, { recursive: true });
  writeFileSync(join(e2eTmpDir, 'timings.txt'), `${report}\n`);
  console.log(`e2e timings (also in ${join(e2eTmpDir, 'timings.txt')}):\n${report}`);
  if (!ws) return;
  if (failures.failed && KEEP_ON_FAILURE) {
    console.log(`E2E_KEEP=1: kept the workspace of the failed run at ${ws}`);
  } else {
    if (failures.failed) console.log(`e2e failed in ${ws} (removed; rerun with E2E_KEEP=1 to keep it)`);
    removeWorkspace(ws);
  }
});

describe('packed packages', () => {
  it(
    'each installed @nx-plan package holds every file its package.json, generators.json and executors.json name, and the templates',
    tracked(async () => {
      const problems = PACKAGES.flatMap((pkg) =>
        findPackageProblems(join(ws, 'node_modules', ...pkg.npmName.split('/')), join(repoRoot, pkg.source)),
      );
      expect(problems).toEqual([]);
    }),
  );

  it(
    'nx add @nx-plan/plan installs the plugin and its init generator registers it in nx.json',
    tracked(async () => {
      expectSuccess(workspace.add);
      const pkg = JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      expect(pkg.devDependencies['@nx-plan/plan']).toMatch(/^file:/);
      expect(existsSync(join(ws, 'node_modules', '@nx-plan', 'plan', 'package.json'))).toBe(true);
      expect(pluginRegisteredByAdd).toBe(true);
    }),
  );
});

describe('inferred projects', () => {
  it(
    'nx show projects lists the aggregate `plan` and `plan-<name>` for every plan folder',
    tracked(async () => {
      const projects = await showProjects();
      const expected = ['plan', ...[...examples, ...corpus].map((p) => planProjectName(p.name)), ...fixturePlans.map((p) => planProjectName(p.name))];
      expect(projects).toEqual(expect.arrayContaining(expected));
    }),
  );

  it(
    'a plan project has validate, status, graph, execute and one target per achievement',
    tracked(async () => {
      const result = await nx('show project plan-e2e-flow --json');
      expectSuccess(result);
      const project = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { targets: Record<string, { dependsOn?: unknown[]; cache?: boolean }> };
      const targets = Object.keys(project.targets);
      expect(targets).toEqual(expect.arrayContaining(['validate', 'status', 'graph', 'execute']));
      for (const a of FLOW_PLAN.achievements) expect(targets).toContain(`achievement-${a.id}`);
      expect(project.targets['validate'].cache).toBe(true);
      expect(project.targets['achievement-2.1'].cache).toBe(false);
    }),
  );
});

describe('nx run plan:validate', () => {
  it(
    `exits 0 on the example plans${corpusAvailable() ? ', the corpus' : ''} and the fixture plans`,
    tracked(async () => {
      const result = await nx('run plan:validate');
      expectSuccess(result);
      expect(stackTraceLines(result.output)).toEqual([]);
    }),
  );

  it(
    'a second run without changes is a cache hit',
    tracked(async () => {
      const result = await nx('run plan:validate');
      expectSuccess(result);
      if (!wasCacheHit(result)) throw new Error(`expected a cache hit\n${describeResult(result)}`);
    }),
  );

  it(
    'editing a plan file invalidates the cache',
    tracked(async () => {
      appendFileSync(join(plansRoot, FLOW_PLAN.name, `PLAN_${FLOW_PLAN.name}.md`), '\n<!-- edited by the e2e test -->\n');
      const result = await nx('run plan:validate');
      expectSuccess(result);
      if (wasCacheHit(result)) throw new Error(`expected the edit to invalidate the cache\n${describeResult(result)}`);
    }),
  );
});

describe('status', () => {
  it(
    'nx run plan:status (the README command) exits 0 and names every plan',
    tracked(async () => {
      const result = await nx('run plan:status');
      expectSuccess(result);
      for (const plan of [...examples, ...corpus, ...fixturePlans]) expect(result.output).toContain(plan.name);
    }),
  );

  it(
    'status --format=json --outputFile writes the facts of E2E-FLOW: statuses, levels, readiness, next available',
    tracked(async () => {
      const doc = await statusDocument(planProjectName(FLOW_PLAN.name), 'status-flow');
      expect(doc.version).toBe(1);
      expect(doc.plans).toHaveLength(1);
      const [plan] = doc.plans;
      expect(plan.name).toBe('E2E-FLOW');
      const byId = Object.fromEntries(plan.achievements.map((a) => [a.id, a]));
      expect(Object.keys(byId).sort()).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '3.1']);
      expect(Object.fromEntries(plan.achievements.map((a) => [a.id, a.status]))).toEqual({
        '1.1': 'complete',
        '1.2': 'not_started',
        '1.3': 'not_started',
        '2.1': 'not_started',
        '2.2': 'not_started',
        '3.1': 'not_started',
      });
      expect(Object.fromEntries(plan.achievements.map((a) => [a.id, a.level]))).toEqual({
        '1.1': 0,
        '1.2': 1,
        '1.3': 1,
        '2.1': 2,
        '2.2': 0,
        '3.1': 3,
      });
      expect(plan.achievements.filter((a) => a.ready).map((a) => a.id).sort()).toEqual(['1.2', '1.3', '2.2']);
      expect(byId['1.1'].attempts).toBe(1);
      expect(plan.nextAvailable).toEqual(['2.2', '1.2', '1.3']);
      expect(plan.parallelOpportunities.some((o) => o.ids.includes('1.2') && o.ids.includes('1.3'))).toBe(true);
      expect(plan.criticalPath.ids.slice(-3)).toEqual(['1.2', '2.1', '3.1']);
      expect(plan.recommendedAction.kind).toBe('create-subplans');
      expect(plan.recommendedAction.command).toContain('batch-subplan');
    }),
  );

  it(
    'status --format=json of the RELEASE-PIPELINE example: statuses, levels, readiness and attempts from its files',
    tracked(async () => {
      if (!examples.some((p) => p.name === 'RELEASE-PIPELINE')) throw new Error(`examples/plans/RELEASE-PIPELINE not found in ${examplesDir}`);
      const doc = await statusDocument('plan-release-pipeline', 'status-release-pipeline');
      const [plan] = doc.plans;
      const pick = <K extends 'status' | 'level' | 'attempts'>(key: K) => Object.fromEntries(plan.achievements.map((a) => [a.id, a[key]]));
      // Files: APPROVED 11, 12; FIX 13; EXECUTION 12_01 + 12_02, 21_01; SKIPPED 22; SUBPLAN 31.
      expect(pick('status')).toEqual({
        '1.1': 'complete',
        '1.2': 'complete',
        '1.3': 'failed',
        '2.1': 'execution_created',
        '2.2': 'skipped',
        '2.3': 'not_started',
        '3.1': 'subplan_created',
        '3.2': 'not_started',
      });
      // parallel.json: 1.3←1.2; 2.1←1.1,1.2; 2.2←2.1; 2.3←1.3,2.1; 3.1←1.1; 3.2←2.2,2.3,3.1.
      expect(pick('level')).toEqual({ '1.1': 0, '1.2': 0, '1.3': 1, '2.1': 1, '2.2': 2, '2.3': 2, '3.1': 1, '3.2': 3 });
      expect(pick('attempts')).toEqual({ '1.1': 1, '1.2': 2, '1.3': 1, '2.1': 1, '2.2': 0, '2.3': 0, '3.1': 0, '3.2': 0 });
      // 2.3 waits for the failed 1.3, 3.2 for 2.3; 2.2 is skipped, so not ready itself.
      expect(plan.achievements.filter((a) => a.ready).map((a) => a.id).sort()).toEqual(['1.3', '2.1', '3.1']);
      expect(plan.nextAvailable).toContain('3.1');
      for (const id of plan.nextAvailable) expect(['1.3', '2.1', '3.1']).toContain(id);
    }),
  );

  /** One `nx run plan:status --format=json` serves the checks of every copied plan. */
  let aggregate: Promise<StatusDocument> | undefined;
  const aggregateStatus = () => (aggregate ??= statusDocument('plan', 'status-all'));

  /** Each achievement's reported status equals what its files give (SPEC §4). */
  async function expectStatusesFromFiles(copied: readonly CopiedPlan[]): Promise<void> {
    const doc = await aggregateStatus();
    for (const plan of copied) {
      const reported = doc.plans.find((p) => p.name === plan.name);
      expect({ plan: plan.name, inStatusDocument: reported !== undefined }).toEqual({ plan: plan.name, inStatusDocument: true });
      expect(reported!.achievements.length).toBeGreaterThan(0);
      const actual = reported!.achievements.map((a) => `${plan.name} ${a.id}: ${a.status}`);
      const expected = reported!.achievements.map((a) => `${plan.name} ${a.id}: ${statusFromFiles(plan.dir, plan.name, a.id)}`);
      expect(actual).toEqual(expected);
    }
  }

  it(
    'nx run plan:status --format=json reports for every example plan the status its files give (SPEC §4)',
    tracked(async () => {
      if (examples.length === 0) throw new Error(`no example plans found in ${examplesDir}`);
      await expectStatusesFromFiles(examples);
    }),
  );

  const describeCorpus = corpusAvailable() ? describe : describe.skip;
  describeCorpus(`corpus plans${corpusAvailable() ? '' : ' (skipped: ../shared/corpus not found)'}`, () => {
    it(
      'nx run plan:status --format=json reports for every corpus plan the status its files give (SPEC §4)',
      tracked(async () => {
        expect(corpus.length).toBeGreaterThan(0);
        await expectStatusesFromFiles(corpus);
      }),
    );
  });
});

describe('graph', () => {
  it(
    'graph --format=mermaid --outputFile writes only the Mermaid document with every dependency edge',
    tracked(async () => {
      const result = await nx(`run ${planProjectName(FLOW_PLAN.name)}:graph --format=mermaid --outputFile=tmp/flow.mmd`);
      expectSuccess(result);
      const doc = readFileSync(join(ws, 'tmp', 'flow.mmd'), 'utf8');
      expect(doc.trimStart()).toMatch(/^(flowchart|graph)\b/);
      expect(doc).not.toContain('nx run');
      for (const a of FLOW_PLAN.achievements) expect(doc).toContain(a.id);
      const edges = doc.split('\n').filter((line) => /--+>|==+>|-\.+->/.test(line));
      expect(edges).toHaveLength(FLOW_PLAN.achievements.reduce((n, a) => n + a.dependencies.length, 0));
    }),
  );
});

describe('bad plans', () => {
  it(
    'a cycle: validate fails with PLAN007 and the full cycle path; every other plan is still inferred',
    tracked(async () => {
      writeFixturePlan(plansRoot, CYCLE_PLAN);
      try {
        const projects = await showProjects();
        expect(projects).toEqual(
          expect.arrayContaining(['plan', planProjectName(CYCLE_PLAN.name), ...[...examples, ...corpus, ...fixturePlans].map((p) => planProjectName(p.name))]),
        );
        const result = await nx(`run ${planProjectName(CYCLE_PLAN.name)}:validate`);
        expectFailure(result);
        expect(result.output).toContain('PLAN007');
        // 1.2 depends on 1.1, 1.3 on 1.2, 1.1 on 1.3; any starting point of the loop.
        expect(result.output).toMatch(/1\.1 → 1\.2 → 1\.3 → 1\.1|1\.2 → 1\.3 → 1\.1 → 1\.2|1\.3 → 1\.1 → 1\.2 → 1\.3/);
        expect(stackTraceLines(result.output)).toEqual([]);
      } finally {
        rmSync(join(plansRoot, CYCLE_PLAN.name), { recursive: true, force: true });
      }
    }),
  );

  it(
    'broken parallel.json: the project still appears, validate reports PLAN001 at parallel.json:5:41, no stack trace',
    tracked(async () => {
      writeFixturePlan(plansRoot, BROKEN_PLAN);
      try {
        const projects = await showProjects();
        expect(projects).toEqual(expect.arrayContaining(['plan', planProjectName(BROKEN_PLAN.name), planProjectName(FLOW_PLAN.name)]));
        const result = await nx(`run ${planProjectName(BROKEN_PLAN.name)}:validate`);
        expectFailure(result);
        expect(result.output).toContain('PLAN001');
        // Line 5 is `    { "achievement_id": "1.1", "title": }`; the `}` is column 41.
        expect(result.output).toContain('parallel.json:5:41');
        expect(stackTraceLines(result.output)).toEqual([]);
      } finally {
        rmSync(join(plansRoot, BROKEN_PLAN.name), { recursive: true, force: true });
      }
    }),
  );
});

describe('generators', () => {
  const flow = FLOW_PLAN.name;
  const wave = ['1.2', '1.3', '2.2'];

  it(
    'batch-subplan --dryRun lists the SUBPLANs of the next wave and writes nothing',
    tracked(async () => {
      const before = listFiles(ws);
      const result = await nx(`g @nx-plan/plan:batch-subplan --plan=${flow} --dryRun`);
      expectSuccess(result);
      expect(listFiles(ws)).toEqual(before);
      for (const id of wave) expect(result.output).toContain(`plans/${flow}/${subplanFile(flow, id)}`);
      for (const id of ['2.1', '3.1']) expect(result.output).not.toContain(subplanFile(flow, id));
    }),
  );

  it(
    'batch-subplan --yes creates the SUBPLANs of the next wave, prefilled from the PLAN',
    tracked(async () => {
      const before = planFiles(flow);
      const result = await nx(`g @nx-plan/plan:batch-subplan --plan=${flow} --yes`);
      expectSuccess(result);
      const created = planFiles(flow).filter((f) => !before.includes(f));
      expect(created).toEqual(wave.map((id) => subplanFile(flow, id)).sort());
      for (const id of wave) {
        const achievement = FLOW_PLAN.achievements.find((a) => a.id === id)!;
        const text = readFileSync(join(plansRoot, flow, subplanFile(flow, id)), 'utf8');
        expect(text).toContain(achievement.title);
        // The goal and a deliverable come from the PLAN's detail section.
        expect(text).toContain(`Deliver "${achievement.title}"`);
        expect(text).toContain(`Tests for ${achievement.title.toLowerCase()}`);
      }
    }),
  );

  it(
    'batch-subplan run again creates nothing and overwrites nothing',
    tracked(async () => {
      const before = planFiles(flow).map((f) => [f, readFileSync(join(plansRoot, flow, f), 'utf8')]);
      const result = await nx(`g @nx-plan/plan:batch-subplan --plan=${flow} --yes`);
      expectSuccess(result);
      expect(planFiles(flow).map((f) => [f, readFileSync(join(plansRoot, flow, f), 'utf8')])).toEqual(before);
      expect(result.output).not.toMatch(/^CREATE /m);
    }),
  );

  it(
    'batch-execution --yes creates EXECUTION_TASK _01 for each achievement that has a SUBPLAN',
    tracked(async () => {
      const before = planFiles(flow);
      const result = await nx(`g @nx-plan/plan:batch-execution --plan=${flow} --yes`);
      expectSuccess(result);
      const created = planFiles(flow).filter((f) => !before.includes(f));
      expect(created).toEqual(wave.map((id) => executionFile(flow, id)).sort());
      for (const id of wave) {
        const achievement = FLOW_PLAN.achievements.find((a) => a.id === id)!;
        expect(readFileSync(join(plansRoot, flow, executionFile(flow, id)), 'utf8')).toContain(achievement.title);
      }
    }),
  );
});

describe('achievements in the Nx task graph', () => {
  it(
    'nx run plan-e2e-run:execute --parallel=3 runs each open achievement once, dependencies first, independent ones at the same time',
    tracked(async () => {
      resetAgentLog();
      // A review that approves: each achievement completes in the run, so its dependents start (startDependentsOn "approved").
      const result = await nx(['run', `${planProjectName(RUN_PLAN.name)}:execute`, '--parallel=3', '--reviewCommand=node -e 0']);
      expectSuccess(result);
      const runs = readAgentLog(agentLog());
      const byId = new Map(runs.map((r) => [r.id, r]));
      // 1.3 is APPROVED: its target succeeds without starting the agent.
      expect([...byId.keys()].sort()).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1']);
      for (const run of runs) {
        expect({ id: run.id, starts: run.starts, finished: run.end >= run.start }).toEqual({ id: run.id, starts: 1, finished: true });
        // The run executor holds the achievement's in_progress marker while the agent works.
        expect({ id: run.id, markersWhileRunning: run.markers }).toEqual({ id: run.id, markersWhileRunning: 1 });
      }
      for (const a of RUN_PLAN.achievements) {
        for (const dep of a.dependencies.filter((d) => byId.has(d))) {
          expect({ dependent: a.id, dependency: dep, endedFirst: byId.get(dep)!.end <= byId.get(a.id)!.start }).toEqual({
            dependent: a.id,
            dependency: dep,
            endedFirst: true,
          });
        }
      }
      // Pairs with no dependency path between them (1.3 does not run).
      const independent = new Set(['1.1|1.2', '1.1|2.2', '1.2|2.2', '2.1|2.2']);
      const overlaps = overlappingPairs(runs).filter(([x, y]) => independent.has([x, y].sort().join('|')));
      expect(overlaps.length).toBeGreaterThanOrEqual(1);
      // ... and releases the markers when the agents are done.
      const markers = join(plansRoot, RUN_PLAN.name, 'execution', '.in-progress');
      expect(existsSync(markers) ? readdirSync(markers) : []).toEqual([]);
    }),
  );

  it(
    'nx run-many over complete achievements (getting-started §8) succeeds without starting the agent',
    tracked(async () => {
      resetAgentLog();
      const result = await nx('run-many -t achievement-1.1,achievement-1.2 -p plan-release-pipeline --parallel=2');
      expectSuccess(result);
      expect(readAgentLog(agentLog())).toEqual([]);
    }),
  );

  it(
    'an achievement without SUBPLAN fails clearly after its dependencies ran',
    tracked(async () => {
      // After the generator tests E2E-FLOW has SUBPLAN + EXECUTION for 1.2, 1.3, 2.2 and nothing for 2.1.
      resetAgentLog();
      // Without preparing files (prepare off) and with dependents starting as soon as their agents succeeded.
      const result = await nx(`run ${planProjectName(FLOW_PLAN.name)}:achievement-2.1 --prepare=false --startDependentsOn=agentSuccess`);
      expectFailure(result);
      expect(result.output).toContain('has no SUBPLAN and option "prepare" is off');
      expect(result.output).toContain('2.1');
      expect(stackTraceLines(result.output)).toEqual([]);
      expect(readAgentLog(agentLog()).map((r) => r.id).sort()).toEqual(['1.2', '1.3']);
    }),
  );
});

describe('discover', () => {
  it(
    'discover writes a draft parallel.json for every plan without one, and nx run plan:validate accepts the drafts',
    tracked(async () => {
      const withoutTree = [...examples, ...corpus].filter((p) => !p.hasParallelJson).map((p) => p.name);
      withoutTree.push(DRAFT_PLAN.name);
      for (const name of withoutTree) {
        const result = await nx(`g @nx-plan/plan:discover --plan=${name}`);
        expectSuccess(result);
        expect({ plan: name, parallelJson: existsSync(join(plansRoot, name, 'parallel.json')) }).toEqual({ plan: name, parallelJson: true });
      }
      const draft = JSON.parse(readFileSync(join(plansRoot, DRAFT_PLAN.name, 'parallel.json'), 'utf8')) as {
        plan_name: string;
        achievements: Array<{ achievement_id: string }>;
      };
      expect(draft.plan_name).toBe(DRAFT_PLAN.name);
      expect(draft.achievements.map((a) => a.achievement_id)).toEqual(['1.1', '1.2', '2.1']);
      const validate = await nx('run plan:validate');
      expectSuccess(validate);
    }),
  );
});

describe('documented commands', () => {
  // README.md's commands run in registry.spec.ts, after `npx nx add @nx-plan/plan` from a local registry.
  const documents = ['docs/getting-started.md'].filter((doc) => existsSync(join(repoRoot, doc)));

  it(
    `every read-only npx nx command of ${documents.join(' and ')} exits 0 and leaves the plan folders untouched`,
    tracked(async () => {
      const commands = [...new Set(documents.flatMap((doc) => nxCommandsInMarkdown(readFileSync(join(repoRoot, doc), 'utf8'))))].filter(
        isReadOnlyNxCommand,
      );
      expect(commands.length).toBeGreaterThan(0);
      const snapshot = () => listFiles(plansRoot).map((f) => `${f} ${createHash('sha1').update(readFileSync(join(plansRoot, f))).digest('hex')}`);
      const before = snapshot();
      for (const command of commands) {
        const result = await nx(command);
        expectSuccess(result);
        expect({ command, stackTrace: stackTraceLines(result.output) }).toEqual({ command, stackTrace: [] });
      }
      expect(snapshot()).toEqual(before);
    }),
  );
});
