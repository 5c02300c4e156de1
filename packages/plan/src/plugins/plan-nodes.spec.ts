import { runStateInput } from './lib/run-state-input';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CreateNodesContext, CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import { AggregateCreateNodesError } from '@nx/devkit';
import { resetWorkspaceContext } from '@nx/devkit/internal';
import { createTempWorkspace, parallelJson, planMarkdown, type TempWorkspace } from '../testing/temp-workspace';
import { createNodes, normalizeOptions, type PlanPluginOptions } from './plan-nodes';
import { createNodesV2 } from '../index';

const ALPHA = [
  { id: '1.1', title: 'Parse input' },
  { id: '1.2', title: 'Write output' },
  { id: '2.1', title: 'Wire the pipeline', dependencies: ['1.1', '1.2'] },
  { id: '3.1', title: 'Document it', dependencies: ['2.1'] },
];

// 1.2 → 2.1 → 1.2 is a cycle; 3.1 sits behind it; 1.1 and 1.3 are fine.
const BETA = [
  { id: '1.1', title: 'Independent work' },
  { id: '1.2', title: 'First half', dependencies: ['2.1'] },
  { id: '1.3', title: 'Builds on independent work', dependencies: ['1.1'] },
  { id: '2.1', title: 'Second half', dependencies: ['1.2'] },
  { id: '3.1', title: 'After the halves', dependencies: ['2.1'] },
];

describe('createNodes (plan-nodes)', () => {
  const createNodesFunction = createNodes[1];
  let ws: TempWorkspace;
  let context: CreateNodesContext;

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-nodes-');
    context = { nxJsonConfiguration: {}, workspaceRoot: ws.root };
    ws.write({
      'plans/ALPHA/PLAN_ALPHA.md': planMarkdown('ALPHA', ALPHA),
      'plans/ALPHA/parallel.json': parallelJson('ALPHA', ALPHA),
      'plans/BETA/PLAN_BETA.md': planMarkdown('BETA', BETA),
      'plans/BETA/parallel.json': parallelJson('BETA', BETA),
    });
  });

  afterEach(() => ws.cleanup());

  async function run(files: string[], options?: PlanPluginOptions) {
    const results = await createNodesFunction(files, options, context);
    const projects: Record<string, ProjectConfiguration> = {};
    for (const [, result] of results as [string, CreateNodesResult][]) {
      for (const [root, project] of Object.entries(result.projects ?? {})) {
        projects[root] = { ...project, root } as ProjectConfiguration;
      }
    }
    return { results, projects };
  }

  it('uses the PLAN_*.md glob and exports createNodesV2 as the same batched function', () => {
    expect(createNodes[0]).toBe('**/PLAN_*.md');
    expect(createNodesV2).toBe(createNodes);
  });

  it('turns every plan folder into a project named plan-<name>, plus the aggregate "plan"', async () => {
    const { results, projects } = await run(['plans/ALPHA/PLAN_ALPHA.md', 'plans/BETA/PLAN_BETA.md']);

    expect(results.map(([file]) => file)).toEqual(['plans/ALPHA/PLAN_ALPHA.md', 'plans/BETA/PLAN_BETA.md']);
    // The aggregate project is attached to the first file of the batch.
    expect(Object.keys(results[0][1].projects ?? {}).sort()).toEqual(['.nx-plan', 'plans/ALPHA']);
    expect(Object.keys(results[1][1].projects ?? {})).toEqual(['plans/BETA']);

    expect(projects['plans/ALPHA'].name).toBe('plan-alpha');
    expect(projects['plans/BETA'].name).toBe('plan-beta');
    expect(projects['plans/ALPHA'].tags).toEqual(['type:plan']);
    expect(projects['plans/ALPHA'].projectType).toBeUndefined();
    expect(projects['plans/ALPHA'].metadata?.technologies).toEqual(['nx-plan']);
    expect(projects['plans/ALPHA'].metadata?.['plan']).toMatchObject({
      name: 'ALPHA',
      file: 'plans/ALPHA/PLAN_ALPHA.md',
      achievementTargets: 4,
    });
  });

  it('gives each plan a cacheable validate target and uncached status/graph targets', async () => {
    const { projects } = await run(['plans/ALPHA/PLAN_ALPHA.md']);
    const targets = projects['plans/ALPHA'].targets!;

    expect(targets['validate']).toMatchObject({
      executor: '@nx-plan/plan:validate',
      cache: true,
      // git-ignored run records and markers reach the hash through a runtime input
      inputs: ['{projectRoot}/**/*', runStateInput(['plans/ALPHA'])],
      outputs: [],
    });
    expect(targets['status']).toMatchObject({ executor: '@nx-plan/plan:status', cache: false });
    expect(targets['graph']).toMatchObject({ executor: '@nx-plan/plan:graph', cache: false });
    for (const target of Object.values(targets)) {
      expect(target.metadata?.technologies).toEqual(['nx-plan']);
      expect(typeof target.metadata?.description).toBe('string');
    }
    expect(targets['validate'].metadata?.help?.command).toBe('npx nx run plan-alpha:validate --help');
  });

  it('creates one uncached target per achievement, wired with dependsOn, and an execute target over all of them', async () => {
    const { projects } = await run(['plans/ALPHA/PLAN_ALPHA.md']);
    const targets = projects['plans/ALPHA'].targets!;

    // nx:run-commands calling the nx-plan CLI (Nx spawns it without forking an executor);
    // options are not embedded: the CLI reads nx.json, flags are appended by Nx.
    expect(targets['achievement-1.1']).toEqual({
      executor: 'nx:run-commands',
      cache: false,
      options: { command: 'nx-plan run-achievement --plan=plans/ALPHA --achievement=1.1' },
      dependsOn: [],
      metadata: { technologies: ['nx-plan'], description: 'Achievement 1.1: Parse input' },
    });
    // params: 'forward' hands the flags of a run (--agentCommand, --timeout, …) to every dependency.
    expect(targets['achievement-2.1'].dependsOn).toEqual([
      { target: 'achievement-1.1', params: 'forward' },
      { target: 'achievement-1.2', params: 'forward' },
    ]);
    expect(targets['achievement-3.1'].dependsOn).toEqual([{ target: 'achievement-2.1', params: 'forward' }]);
    expect(targets['execute']).toMatchObject({
      executor: 'nx:noop',
      cache: false,
      dependsOn: [
        { target: 'achievement-1.1', params: 'forward' },
        { target: 'achievement-1.2', params: 'forward' },
        { target: 'achievement-2.1', params: 'forward' },
        { target: 'achievement-3.1', params: 'forward' },
      ],
    });
  });

  it('shell-quotes a plan root that the shell would split or expand', async () => {
    ws.write({
      "plans/My Plan's/PLAN_QUOTED.md": planMarkdown('QUOTED', [{ id: '1.1' }]),
    });
    const { projects } = await run(["plans/My Plan's/PLAN_QUOTED.md"]);
    expect(projects["plans/My Plan's"].targets!['achievement-1.1'].options.command).toBe(
      `nx-plan run-achievement --plan='plans/My Plan'\\''s' --achievement=1.1`
    );
  });

  it('gives achievements on or behind a cycle a target without the circular edges, and says why in metadata', async () => {
    const { projects } = await run(['plans/BETA/PLAN_BETA.md']);
    const project = projects['plans/BETA'];
    const targets = project.targets!;

    expect(Object.keys(targets).sort()).toEqual([
      'achievement-1.1',
      'achievement-1.2',
      'achievement-1.3',
      'achievement-2.1',
      'achievement-3.1',
      'execute',
      'graph',
      'status',
      'validate',
    ]);
    expect(targets['achievement-1.2'].dependsOn).toEqual([]);
    expect(targets['achievement-2.1'].dependsOn).toEqual([]);
    expect(targets['achievement-3.1'].dependsOn).toEqual([{ target: 'achievement-2.1', params: 'forward' }]);
    expect(targets['achievement-1.3'].dependsOn).toEqual([{ target: 'achievement-1.1', params: 'forward' }]);
    expect(targets['execute'].dependsOn).toHaveLength(5);
    expect(project.metadata?.['plan'].achievementTargets).toBe(5);
    expect(project.metadata?.['plan'].achievementProblems).toEqual([
      { id: '1.2', reason: 'on dependency cycle 1.2 → 2.1 → 1.2' },
      { id: '2.1', reason: 'on dependency cycle 1.2 → 2.1 → 1.2' },
    ]);
  });

  it('gives an achievement with an unknown dependency, and one named only in the PLAN, a target', async () => {
    const achievements = [
      { id: '1.1', title: 'Known' },
      { id: '2.1', title: 'Depends on a ghost', dependencies: ['1.1', '9.9'] },
    ];
    ws.write({
      'plans/GHOST/PLAN_GHOST.md': planMarkdown('GHOST', [...achievements, { id: '3.1', title: 'Only in the PLAN' }]),
      'plans/GHOST/parallel.json': parallelJson('GHOST', achievements),
    });
    const { projects } = await run(['plans/GHOST/PLAN_GHOST.md']);
    const targets = projects['plans/GHOST'].targets!;

    expect(targets['achievement-2.1'].dependsOn).toEqual([{ target: 'achievement-1.1', params: 'forward' }]);
    expect(targets['achievement-3.1']).toMatchObject({
      options: { command: 'nx-plan run-achievement --plan=plans/GHOST --achievement=3.1' },
      dependsOn: [],
    });
    expect(projects['plans/GHOST'].metadata?.['plan'].achievementProblems).toEqual([
      { id: '2.1', reason: 'depends on 9.9, which does not exist' },
    ]);
  });

  it('still infers a plan whose parallel.json is not valid JSON, and the other plans with it', async () => {
    ws.write({
      'plans/BROKEN/PLAN_BROKEN.md': planMarkdown('BROKEN', [{ id: '1.1' }]),
      'plans/BROKEN/parallel.json': '{ "plan_name": "BROKEN", "achievements": [ { "achievement_id": "1.1", ',
    });
    const { projects } = await run(['plans/ALPHA/PLAN_ALPHA.md', 'plans/BROKEN/PLAN_BROKEN.md']);

    expect(projects['plans/BROKEN'].name).toBe('plan-broken');
    expect(projects['plans/BROKEN'].targets!['validate'].cache).toBe(true);
    expect(projects['plans/BROKEN'].targets!['status']).toBeDefined();
    expect(projects['plans/BROKEN'].targets!['graph']).toBeDefined();
    expect(projects['plans/ALPHA'].targets!['achievement-3.1']).toBeDefined();
    expect(projects['.nx-plan'].name).toBe('plan');
  });

  it('creates achievement targets for a plan without parallel.json from the PLAN itself', async () => {
    ws.write({
      'docs/NOTES/PLAN_NOTES.md': planMarkdown('NOTES', [{ id: '1.1' }, { id: '1.2' }, { id: '2.1' }]),
    });
    const { projects } = await run(['docs/NOTES/PLAN_NOTES.md']);
    const targets = projects['docs/NOTES'].targets!;

    expect(projects['docs/NOTES'].name).toBe('plan-notes');
    expect(Object.keys(targets).filter((t) => t.startsWith('achievement-')).sort()).toEqual([
      'achievement-1.1',
      'achievement-1.2',
      'achievement-2.1',
    ]);
  });

  it('gives the aggregate project its own root and validate/status/graph over every plan', async () => {
    const { projects } = await run(['plans/BETA/PLAN_BETA.md', 'plans/ALPHA/PLAN_ALPHA.md']);
    const aggregate = projects['.nx-plan'];

    expect(aggregate.name).toBe('plan');
    expect(aggregate.implicitDependencies).toEqual(['plan-alpha', 'plan-beta']);
    expect(aggregate.targets!['validate']).toMatchObject({
      executor: '@nx-plan/plan:validate',
      cache: true,
      inputs: ['{workspaceRoot}/plans/ALPHA/**/*', '{workspaceRoot}/plans/BETA/**/*', runStateInput(['plans/ALPHA', 'plans/BETA'])],
      outputs: [],
      options: { plans: ['plans/ALPHA', 'plans/BETA'] },
    });
    // Nx hashes uncached tasks too, and the aggregate's root holds no files:
    // every target names the plan folders as its inputs.
    for (const target of ['status', 'graph']) {
      expect(aggregate.targets![target]).toMatchObject({
        cache: false,
        inputs: ['{workspaceRoot}/plans/ALPHA/**/*', '{workspaceRoot}/plans/BETA/**/*'],
        options: { plans: ['plans/ALPHA', 'plans/BETA'] },
      });
    }
    expect(Object.keys(aggregate.targets!).sort()).toEqual(['graph', 'status', 'validate']);
  });

  it('honours the plugin options', async () => {
    const { projects } = await run(['plans/ALPHA/PLAN_ALPHA.md'], {
      projectNamePrefix: 'roadmap-',
      aggregateProjectName: 'roadmaps',
      aggregateProjectRoot: 'tools/roadmaps',
      validateTargetName: 'check',
      statusTargetName: 'report',
      graphTargetName: 'draw',
      executeTargetName: 'run-all',
      achievementTargetPrefix: 'a',
      strict: true,
      agentCommand: 'my-agent --task {executionFile}',
      timeout: 60,
    });
    const plan = projects['plans/ALPHA'];
    const aggregate = projects['tools/roadmaps'];

    expect(plan.name).toBe('roadmap-alpha');
    expect(aggregate.name).toBe('roadmaps');
    expect(Object.keys(plan.targets!).sort()).toEqual(['a1.1', 'a1.2', 'a2.1', 'a3.1', 'check', 'draw', 'report', 'run-all']);
    expect(plan.targets!['check'].options).toEqual({ strict: true });
    expect(plan.targets!['a2.1'].dependsOn).toEqual([
      { target: 'a1.1', params: 'forward' },
      { target: 'a1.2', params: 'forward' },
    ]);
    // Run options stay in nx.json, where `nx-plan run-achievement` reads them.
    expect(plan.targets!['a2.1'].options).toEqual({
      command: 'nx-plan run-achievement --plan=plans/ALPHA --achievement=2.1',
    });
    expect(aggregate.targets!['check'].options).toEqual({ plans: ['plans/ALPHA'], strict: true });
  });

  it('infers only the plans matching plansGlob', async () => {
    const files = ['plans/ALPHA/PLAN_ALPHA.md', 'plans/BETA/PLAN_BETA.md'];
    const { projects } = await run(files, { plansGlob: 'plans/ALPHA/**' });
    const names = Object.values(projects).map((p) => p.name).sort();
    expect(names).toEqual(['plan', 'plan-alpha']);
    expect(projects['.nx-plan'].targets!['validate'].options.plans).toEqual(['plans/ALPHA']);

    const none = await run(files, { plansGlob: ['elsewhere/**/PLAN_*.md'] });
    expect(Object.keys(none.projects)).toEqual([]);
  });

  it('makes one project of a folder with several PLAN files, preferring the one named after the folder', async () => {
    ws.write({
      'plans/GAMMA/PLAN_GAMMA.md': planMarkdown('GAMMA', [{ id: '1.1' }]),
      'plans/GAMMA/PLAN_AAA-OLD.md': planMarkdown('AAA-OLD', [{ id: '1.1' }]),
    });
    const { projects } = await run(['plans/GAMMA/PLAN_AAA-OLD.md', 'plans/GAMMA/PLAN_GAMMA.md']);
    expect(projects['plans/GAMMA'].name).toBe('plan-gamma');
    expect(Object.values(projects).filter((p) => p.root === 'plans/GAMMA')).toHaveLength(1);
  });

  it('reports two plans that would share a project name without losing the others', async () => {
    ws.write({
      'a/ALPHA/PLAN_ALPHA.md': planMarkdown('ALPHA', [{ id: '1.1' }]),
    });
    let error: unknown;
    try {
      await run(['plans/ALPHA/PLAN_ALPHA.md', 'a/ALPHA/PLAN_ALPHA.md', 'plans/BETA/PLAN_BETA.md']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AggregateCreateNodesError);
    const aggregateError = error as AggregateCreateNodesError;
    expect(aggregateError.errors).toHaveLength(1);
    expect(aggregateError.errors[0][0]).toBe('plans/ALPHA/PLAN_ALPHA.md');
    expect(String(aggregateError.errors[0][1])).toContain('"plan-alpha"');
    const inferred = aggregateError.partialResults.flatMap(([, r]) => Object.values(r.projects ?? {}).map((p) => p.name));
    expect(inferred.sort()).toEqual(['plan', 'plan-alpha', 'plan-beta']);
  });

  it('refuses an aggregate root that is a plan folder (Nx would merge the two projects)', async () => {
    await expect(run(['plans/ALPHA/PLAN_ALPHA.md'], { aggregateProjectRoot: 'plans/ALPHA' })).rejects.toThrow(
      AggregateCreateNodesError
    );
  });
});

describe('createNodes: giant plans (maxAchievementTargets)', () => {
  let ws: TempWorkspace;
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${Math.floor(i / 900) + 1}.${(i % 900) + 1}`,
      title: `Step ${i + 1}`,
    }));

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-nodes-giant-');
  });
  afterEach(() => ws.cleanup());

  async function planProjectOf(name: string, n: number, options?: PlanPluginOptions) {
    ws.write({
      [`plans/${name}/PLAN_${name}.md`]: planMarkdown(name, many(n)),
      [`plans/${name}/parallel.json`]: parallelJson(name, many(n)),
    });
    const results = await createNodes[1]([`plans/${name}/PLAN_${name}.md`], options, {
      nxJsonConfiguration: {},
      workspaceRoot: ws.root,
    });
    return results[0][1].projects![`plans/${name}`] as ProjectConfiguration;
  }

  const achievementTargets = (project: ProjectConfiguration) =>
    Object.keys(project.targets!).filter((t) => t.startsWith('achievement-'));

  it('has per-achievement targets up to the default limit of 1000 and none above it', async () => {
    expect(achievementTargets(await planProjectOf('AT-LIMIT', 1000))).toHaveLength(1000);

    const giant = await planProjectOf('ABOVE', 1001);
    expect(achievementTargets(giant)).toEqual([]);
    expect(Object.keys(giant.targets!).sort()).toEqual(['execute', 'graph', 'status', 'validate']);
    expect(giant.metadata?.['plan']).toMatchObject({
      achievementTargets: 0,
      achievementTargetsOmitted: {
        achievements: 1001,
        maxAchievementTargets: 1000,
        reason:
          'plan ABOVE has 1001 achievements, more than maxAchievementTargets (1000): it has no per-achievement Nx targets, so execute cannot run it',
      },
    });
  });

  it('recognises a plan far above the limit without loading it (the parallel.json is not even valid JSON here)', async () => {
    const ids = many(30).map((a) => a.id);
    ws.write({
      'plans/HUGE/PLAN_HUGE.md': planMarkdown('HUGE', many(3)),
      // 30 achievement entries and a syntax error a full load would report: only the count matters above 2x the limit
      'plans/HUGE/parallel.json': `{ "achievements": [${ids.map((id) => `{ "achievement_id": "${id}" }`).join(',')} ,,, `,
    });
    const results = await createNodes[1](['plans/HUGE/PLAN_HUGE.md'], { maxAchievementTargets: 10 }, { nxJsonConfiguration: {}, workspaceRoot: ws.root });
    const project = results[0][1].projects!['plans/HUGE'] as ProjectConfiguration;
    expect(achievementTargets(project)).toEqual([]);
    expect(project.metadata?.['plan']).toMatchObject({ achievementTargetsOmitted: { achievements: 30, maxAchievementTargets: 10 } });
    expect(project.metadata?.['plan']).not.toHaveProperty('loadError');
  });

  it('follows the option both ways', async () => {
    expect(achievementTargets(await planProjectOf('SMALL', 4, { maxAchievementTargets: 3 }))).toEqual([]);
    expect(achievementTargets(await planProjectOf('RAISED', 2500, { maxAchievementTargets: 2500 }))).toHaveLength(2500);
  });

  it('gives a giant plan an execute target that prints why and how to raise the limit, and fails', async () => {
    const project = await planProjectOf('SMALL', 4, { maxAchievementTargets: 3 });
    const execute = project.targets!['execute'];
    expect(execute).toMatchObject({ executor: 'nx:run-commands', cache: false });
    expect(execute.dependsOn).toBeUndefined();
    // The message travels in env: nothing of the plan in the command line, nothing to quote for any shell.
    expect(execute.options.command).not.toContain('SMALL');

    // Run the command as Nx's run-commands would: through a shell.
    const result = spawnSync('/bin/sh', ['-c', execute.options.command], {
      cwd: ws.root,
      encoding: 'utf8',
      env: { ...process.env, ...execute.options.env },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'nx-plan: plan SMALL has 4 achievements, more than maxAchievementTargets (3): it has no per-achievement Nx targets, so execute cannot run it\n' +
        '  hint: set "maxAchievementTargets": 4 (or more) in the @nx-plan/plan plugin options in nx.json (every nx command then pays for the targets), or split the plan\n'
    );
  });
});

describe('createNodes: finished plans', () => {
  let ws: TempWorkspace;
  const ACH = [
    { id: '1.1', title: 'First' },
    { id: '1.2', title: 'Second', dependencies: ['1.1'] },
    { id: '2.1', title: 'Third', dependencies: ['1.2'] },
  ];

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-nodes-finished-');
    ws.write({
      'plans/DONE/PLAN_DONE.md': planMarkdown('DONE', ACH),
      'plans/DONE/parallel.json': parallelJson('DONE', ACH),
      'plans/DONE/execution/feedbacks/APPROVED_11.md': 'ok\n',
      'plans/DONE/execution/feedbacks/APPROVED_12.md': 'ok\n',
      'plans/DONE/execution/SKIPPED_21.md': 'not needed\n',
    });
  });
  afterEach(() => ws.cleanup());

  async function project(): Promise<ProjectConfiguration> {
    const results = await createNodes[1](['plans/DONE/PLAN_DONE.md'], {}, { nxJsonConfiguration: {}, workspaceRoot: ws.root });
    return results[0][1].projects!['plans/DONE'] as ProjectConfiguration;
  }
  const achievementTargets = (p: ProjectConfiguration) => Object.keys(p.targets!).filter((t) => t.startsWith('achievement-'));

  it('gives a plan whose achievements are all complete or skipped no achievement targets, and an execute that says so and succeeds', async () => {
    const finished = await project();
    expect(achievementTargets(finished)).toEqual([]);
    expect(Object.keys(finished.targets!).sort()).toEqual(['execute', 'graph', 'status', 'validate']);
    expect(finished.metadata?.['plan']).toMatchObject({
      achievementTargets: 0,
      achievementTargetsOmitted: { achievements: 3, finished: true },
    });
    const execute = finished.targets!['execute'];
    expect(execute.dependsOn).toBeUndefined();
    const result = spawnSync('/bin/sh', ['-c', execute.options.command], {
      cwd: ws.root,
      encoding: 'utf8',
      env: { ...process.env, ...execute.options.env },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'nx-plan: plan DONE is finished: all 3 achievements are complete or skipped, so it has no per-achievement targets and nothing to run\n'
    );
  });

  it('gives every target back once one achievement is reopened (its APPROVED replaced by a FIX)', async () => {
    rmSync(join(ws.root, 'plans/DONE/execution/feedbacks/APPROVED_12.md'));
    ws.write({ 'plans/DONE/execution/feedbacks/FIX_12.md': 'redo the second\n' });
    const reopened = await project();
    expect(achievementTargets(reopened)).toEqual(['achievement-1.1', 'achievement-1.2', 'achievement-2.1']);
    expect(reopened.targets!['execute'].executor).toBe('nx:noop');
    expect(reopened.metadata?.['plan']).not.toHaveProperty('achievementTargetsOmitted');
  });

  it('keeps the targets while one achievement is only done by its agent (not yet approved)', async () => {
    rmSync(join(ws.root, 'plans/DONE/execution/feedbacks/APPROVED_11.md'));
    ws.write({ 'plans/DONE/execution/EXECUTION_TASK_DONE_11_01.md': '# attempt 1\n' });
    expect(achievementTargets(await project())).toHaveLength(3);
  });
});

describe('createNodes: inference cache', () => {
  let ws: TempWorkspace;
  let stderr: string[];
  const files = ['plans/ALPHA/PLAN_ALPHA.md', 'plans/BETA/PLAN_BETA.md'];
  const context = () => ({ nxJsonConfiguration: {}, workspaceRoot: ws.root });
  const cacheDir = () => join(ws.root, '.nx', 'workspace-data');
  const cacheFiles = () => (existsSync(cacheDir()) ? readdirSync(cacheDir()).filter((f) => /^nx-plan-.*\.json$/.test(f)) : []);

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-nodes-cache-');
    ws.write({
      'plans/ALPHA/PLAN_ALPHA.md': planMarkdown('ALPHA', ALPHA),
      'plans/ALPHA/parallel.json': parallelJson('ALPHA', ALPHA),
      'plans/BETA/PLAN_BETA.md': planMarkdown('BETA', BETA),
      'plans/BETA/parallel.json': parallelJson('BETA', BETA),
    });
    stderr = [];
    process.env['NX_PLAN_DEBUG_CACHE'] = '1';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    delete process.env['NX_PLAN_DEBUG_CACHE'];
    ws.cleanup();
  });

  /** One inference as a new Nx process does it: Nx's file hashes read afresh. */
  async function infer(planFiles = files, options?: PlanPluginOptions) {
    resetWorkspaceContext();
    const results = await createNodes[1](planFiles, options, context());
    return Object.assign({}, ...results.map(([, r]) => r.projects ?? {})) as Record<string, ProjectConfiguration>;
  }

  it('computes every plan once, then serves them from the cache file while nothing changes', async () => {
    const cold = await infer();
    expect(stderr).toEqual(['nx-plan inference cache: 0 hit, 2 miss\n']);
    expect(cacheFiles()).toHaveLength(1);

    const warm = await infer();
    expect(stderr[1]).toBe('nx-plan inference cache: 2 hit, 0 miss\n');
    expect(warm).toEqual(cold);
  });

  it('recomputes only the plan whose files changed, and shows the change', async () => {
    await infer();
    ws.write({
      'plans/BETA/parallel.json': parallelJson('BETA', [...BETA.slice(0, 1), { id: '1.3', title: 'Now alone' }]),
    });
    const projects = await infer();
    expect(stderr[1]).toBe('nx-plan inference cache: 1 hit, 1 miss\n');
    expect(projects['plans/BETA'].targets!['achievement-1.3'].metadata?.description).toBe('Achievement 1.3: Now alone');
  });

  it('ignores a corrupt, truncated or foreign cache file and still infers the right projects', async () => {
    const expected = await infer();
    const [file] = cacheFiles();
    for (const content of ['{"format":1,"version":', 'not json at all', '{"format":999,"version":"x","entries":{}}', '[]', '']) {
      writeFileSync(join(cacheDir(), file), content);
      stderr.length = 0;
      expect(await infer()).toEqual(expected);
      expect(stderr).toEqual(['nx-plan inference cache: 0 hit, 2 miss\n']);
    }
  });

  it('prunes plans that no longer exist from the cache file', async () => {
    await infer();
    rmSync(join(ws.root, 'plans/BETA'), { recursive: true });
    await infer(['plans/ALPHA/PLAN_ALPHA.md']);
    const [file] = cacheFiles();
    const data = JSON.parse(readFileSync(join(cacheDir(), file), 'utf8'));
    expect(Object.keys(data.entries)).toEqual(['plans/ALPHA']);
    // No temporary files are left behind.
    expect(readdirSync(cacheDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keys the cache on the plugin options', async () => {
    await infer();
    const renamed = await infer(files, { projectNamePrefix: 'roadmap-' });
    expect(stderr[1]).toBe('nx-plan inference cache: 0 hit, 2 miss\n');
    expect(renamed['plans/ALPHA'].name).toBe('roadmap-alpha');
  });
});

describe('normalizeOptions', () => {
  it('fills the defaults', () => {
    expect(normalizeOptions(undefined)).toEqual({
      projectNamePrefix: 'plan-',
      aggregateProjectName: 'plan',
      aggregateProjectRoot: '.nx-plan',
      validateTargetName: 'validate',
      statusTargetName: 'status',
      graphTargetName: 'graph',
      executeTargetName: 'execute',
      achievementTargetPrefix: 'achievement-',
      strict: false,
      plansGlob: ['**/PLAN_*.md'],
      maxAchievementTargets: 1000,
      maxAttempts: 3,
      prepare: true,
      startDependentsOn: 'approved',
    });
  });

  it('keeps the run options that are set, and ignores a maxAchievementTargets that is not a count', () => {
    const normalized = normalizeOptions({
      isolation: 'worktree',
      worktreeSetup: 'npm ci',
      reviewCommand: 'review {achievement}',
      maxAttempts: 5,
      keepBranches: true,
      prepare: false,
      startDependentsOn: 'agentSuccess',
      timeout: 600,
      maxAchievementTargets: -3,
    });
    expect(normalized).toMatchObject({
      isolation: 'worktree',
      worktreeSetup: 'npm ci',
      reviewCommand: 'review {achievement}',
      maxAttempts: 5,
      keepBranches: true,
      prepare: false,
      startDependentsOn: 'agentSuccess',
      timeout: 600,
      maxAchievementTargets: 1000,
    });
  });

  it('accepts one plansGlob or several', () => {
    expect(normalizeOptions({ plansGlob: 'plans/**/PLAN_*.md' }).plansGlob).toEqual(['plans/**/PLAN_*.md']);
    expect(normalizeOptions({ plansGlob: ['a/**', 'b/**'] }).plansGlob).toEqual(['a/**', 'b/**']);
  });
});

const REPO_ROOT = resolve(__dirname, '../../../..');
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
const describeCorpus = existsSync(CORPUS) ? describe : describe.skip;

describeCorpus(
  existsSync(CORPUS) ? 'createNodes on the corpus plans' : 'createNodes on the corpus plans (skipped: ../shared/corpus not found)',
  () => {
    let ws: TempWorkspace;

    beforeAll(() => {
      ws = createTempWorkspace('nx-plan-nodes-corpus-');
      for (const plan of ['PARALLEL-EXECUTION-AUTOMATION', 'LLM-DASHBOARD-CLI']) {
        cpSync(join(CORPUS, plan), join(ws.root, 'work', plan), { recursive: true });
      }
    });

    afterAll(() => ws.cleanup());

    it('infers both plans with their achievement targets', async () => {
      const results = await createNodes[1](
        ['work/LLM-DASHBOARD-CLI/PLAN_LLM-DASHBOARD-CLI.md', 'work/PARALLEL-EXECUTION-AUTOMATION/PLAN_PARALLEL-EXECUTION-AUTOMATION.md'],
        {},
        { nxJsonConfiguration: {}, workspaceRoot: ws.root }
      );
      const projects = Object.assign({}, ...results.map(([, r]) => r.projects ?? {})) as Record<string, ProjectConfiguration>;

      const pea = projects['work/PARALLEL-EXECUTION-AUTOMATION'];
      expect(pea.name).toBe('plan-parallel-execution-automation');
      // parallel.json of the corpus plan: a chain 1.1 → … → 2.3, then 3.1, 3.2, 3.3 all after 2.3.
      const expected: Record<string, string[]> = {
        '1.1': [],
        '1.2': ['1.1'],
        '1.3': ['1.2'],
        '2.1': ['1.3'],
        '2.2': ['2.1'],
        '2.3': ['2.2'],
        '3.1': ['2.3'],
        '3.2': ['2.3'],
        '3.3': ['2.3'],
      };
      for (const [id, deps] of Object.entries(expected)) {
        expect(pea.targets![`achievement-${id}`].dependsOn).toEqual(
          deps.map((d) => ({ target: `achievement-${d}`, params: 'forward' }))
        );
      }

      const dashboard = projects['work/LLM-DASHBOARD-CLI'];
      expect(dashboard.name).toBe('plan-llm-dashboard-cli');
      // The PLAN's index lists 0.1–0.4, 1.1–1.3, 2.1–2.3 and 3.1–3.3; there is no parallel.json.
      expect(Object.keys(dashboard.targets!).filter((t) => t.startsWith('achievement-')).sort()).toEqual(
        ['0.1', '0.2', '0.3', '0.4', '1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3'].map(
          (id) => `achievement-${id}`
        )
      );
      expect(projects['.nx-plan'].targets!['validate'].options).toEqual({
        plans: ['work/LLM-DASHBOARD-CLI', 'work/PARALLEL-EXECUTION-AUTOMATION'],
      });
    });
  }
);
