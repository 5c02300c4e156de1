/**
 * The read-only tools over the SDK's own client (in-memory transport), on a
 * copy of the repository's example plans and on the corpus when present:
 * what they report is what the status and validate executors report on the
 * same files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import statusExecutor from '../../executors/status/status';
import validateExecutor from '../../executors/validate/validate';
import { executorContext } from '../../testing/executor-context';
import { CORPUS_DIR } from '../../utils/testing/copy-into-tree';
import { connectClient, type ConnectedClient, useExampleServer } from '../testing/connect-client';
import { diskSnapshot } from '../testing/disk-snapshot';
import { exampleWorkspace, type ExampleWorkspace } from '../testing/example-workspace';

const PLANS = [
  { name: 'AGENT-DEMO', project: 'plan-agent-demo', dir: 'plans/AGENT-DEMO' },
  { name: 'DOCS-SITE', project: 'plan-docs-site', dir: 'plans/DOCS-SITE' },
  { name: 'RELEASE-PIPELINE', project: 'plan-release-pipeline', dir: 'plans/RELEASE-PIPELINE' },
];

/** What an executor writes with --format=json --outputFile, parsed. */
async function executorJson(
  executor: typeof statusExecutor | typeof validateExecutor,
  root: string,
  plans: { project: string; dir: string }[],
  plan: string,
): Promise<unknown> {
  const out = mkdtempSync(join(tmpdir(), 'nx-plan-mcp-out-'));
  try {
    const projects = Object.fromEntries(plans.map((p) => [p.project, { root: p.dir }]));
    const outputFile = join(out, 'doc.json');
    // swallow the executor's own lines, but let its writes complete (it waits for stdout to drain)
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(((...args: unknown[]) => {
      const done = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      await executor({ plan, format: 'json', outputFile } as never, executorContext(root, projects));
    } finally {
      stdout.mockRestore();
    }
    return JSON.parse(readFileSync(outputFile, 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('read-only tools on the example plans', () => {
  const server = useExampleServer('all');
  let ws: ExampleWorkspace;
  let c: ConnectedClient;
  beforeAll(() => ({ ws, c } = server));

  it('lists seven tools with input and output schemas and the right annotations', async () => {
    const { tools } = await c.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(
      ['get_achievement', 'list_plans', 'next_work', 'plan_status', 'prepare_achievements', 'record_review', 'validate_plan'].sort(),
    );
    for (const name of ['list_plans', 'plan_status', 'next_work', 'validate_plan', 'get_achievement']) {
      expect(byName.get(name)!.annotations).toMatchObject({ readOnlyHint: true });
    }
    expect(byName.get('prepare_achievements')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true });
    expect(byName.get('record_review')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    for (const tool of tools) {
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.description!.length).toBeGreaterThan(40);
      // documents gain fields within a version: a client holding this listing must accept them
      expect(JSON.stringify(tool.outputSchema)).not.toContain('"additionalProperties":false');
      // arguments are checked strictly: a misspelt argument is an error, not ignored
      expect(tool.inputSchema.additionalProperties).toBe(false);
    }
    expect(byName.get('record_review')!.inputSchema.required).toEqual(expect.arrayContaining(['plan', 'id', 'verdict', 'text']));
  });

  it('list_plans finds every plan with the project name the plugin gives it and its progress', async () => {
    const result = await c.call('list_plans');
    expect(result.isError).toBeFalsy();
    const plans = (result.structuredContent as { plans: { name: string; project: string; dir: string; done: number; total: number; byStatus: Record<string, number> }[] }).plans;
    expect(plans.map((p) => [p.name, p.project, p.dir])).toEqual(PLANS.map((p) => [p.name, p.project, p.dir]));
    const release = plans.find((p) => p.name === 'RELEASE-PIPELINE')!;
    expect(release).toMatchObject({ total: 8, done: 3, byStatus: { complete: 2, skipped: 1, failed: 1 } });
    expect(c.text(result)).toContain('RELEASE-PIPELINE (plan-release-pipeline, plans/RELEASE-PIPELINE): 3/8 done');
  });

  it.each(PLANS)('plan_status on $name is the status executor document', async (plan) => {
    const result = await c.call('plan_status', { plan: plan.name });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(await executorJson(statusExecutor, ws.root, PLANS, plan.dir));
    expect(c.text(result)).toContain(`Plan ${plan.name}`);
  });

  it('plan_status without a plan covers every plan, like the aggregate status target', async () => {
    const result = await c.call('plan_status');
    const doc = result.structuredContent as { version: number; plans: { name: string }[] };
    expect(doc.version).toBe(1);
    expect(doc.plans.map((p) => p.name)).toEqual(PLANS.map((p) => p.name));
  });

  it.each(PLANS)('validate_plan on $dir is the validate executor document', async (plan) => {
    const result = await c.call('validate_plan', { plan: plan.dir });
    const { version, plans, valid, errors } = result.structuredContent as { version: number; plans: unknown[]; valid: boolean; errors: number };
    expect({ version, plans }).toEqual(await executorJson(validateExecutor, ws.root, PLANS, plan.dir));
    expect(valid).toBe(errors === 0);
  });

  it('validate_plan reports an error with file, line, column, code and hint', async () => {
    const bad = exampleWorkspace();
    try {
      const file = join(bad.root, 'plans/AGENT-DEMO/parallel.json');
      writeFile(file, readFileSync(file, 'utf8').replace('"dependencies": []', '"dependencies": ["9.9"]'));
      const other = await connectClient(bad.root);
      const result = await other.call('validate_plan', { plan: 'agent-demo' });
      await other.close();
      const out = result.structuredContent as { valid: boolean; plans: { diagnostics: { code: string; file: string; line: number; column: number; hint?: string }[] }[] };
      expect(out.valid).toBe(false);
      const unknown = out.plans[0].diagnostics.find((d) => d.code === 'PLAN004')!;
      expect(unknown).toMatchObject({ file: 'plans/AGENT-DEMO/parallel.json' });
      expect(unknown.line).toBeGreaterThan(1);
      expect(unknown.hint).toContain('9.9');
      expect(other.text(result)).toMatch(/plans\/AGENT-DEMO\/parallel\.json:\d+:\d+ +error +PLAN004/);
    } finally {
      bad.cleanup();
    }
  });

  it('next_work gives the ready work, the recommended command and the tool call that does it', async () => {
    const result = await c.call('next_work', { plan: 'plan-release-pipeline' });
    const [plan] = (result.structuredContent as { plans: Record<string, unknown>[] }).plans;
    const status = (await c.call('plan_status', { plan: 'RELEASE-PIPELINE' })).structuredContent as { plans: Record<string, unknown>[] };
    expect(plan['nextAvailable']).toEqual(status.plans[0]['nextAvailable']);
    expect(plan['parallelOpportunities']).toEqual(status.plans[0]['parallelOpportunities']);
    expect(plan['recommendedAction']).toEqual(status.plans[0]['recommendedAction']);
    expect((plan['ready'] as { id: string }[]).map((a) => a.id)).toEqual(['1.3', '2.1', '3.1']);
    expect(plan['toolCall']).toEqual({ tool: 'prepare_achievements', arguments: { plan: 'plans/RELEASE-PIPELINE', kind: 'executions', achievements: ['1.3'] } });
  });

  it('get_achievement returns the PLAN text, SUBPLAN, latest attempt, FIX and file paths of 1.3', async () => {
    const result = await c.call('get_achievement', { plan: 'RELEASE-PIPELINE', id: '1.3' });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as Record<string, any>;
    const dir = join(ws.root, 'plans/RELEASE-PIPELINE');
    expect(out.achievement).toMatchObject({ id: '1.3', title: 'Local Registry Smoke Test', status: 'failed', ready: true, attempts: 1 });
    expect(out.dependencies).toEqual([{ id: '1.2', title: 'Tarball Contents Verified in CI', status: 'complete' }]);
    expect(out.dependents.map((d: { id: string }) => d.id)).toContain('2.3');
    expect(out.planText.body).toContain('Local Registry Smoke Test');
    expect(out.planText.file).toBe('plans/RELEASE-PIPELINE/PLAN_RELEASE-PIPELINE.md');
    expect(out.subplan).toEqual({ path: 'plans/RELEASE-PIPELINE/subplans/SUBPLAN_RELEASE-PIPELINE_13.md', content: readFileSync(join(dir, 'subplans/SUBPLAN_RELEASE-PIPELINE_13.md'), 'utf8') });
    expect(out.latestExecution).toMatchObject({ attempt: 1, path: 'plans/RELEASE-PIPELINE/execution/EXECUTION_TASK_RELEASE-PIPELINE_13_01.md' });
    expect(out.fix).toEqual({ attempt: 1, path: 'plans/RELEASE-PIPELINE/execution/feedbacks/FIX_13.md', content: readFileSync(join(dir, 'execution/feedbacks/FIX_13.md'), 'utf8') });
    expect(out.files).toMatchObject({
      nextExecution: 'plans/RELEASE-PIPELINE/execution/EXECUTION_TASK_RELEASE-PIPELINE_13_02.md',
      approved: 'plans/RELEASE-PIPELINE/execution/feedbacks/APPROVED_13.md',
    });
    // attempt 01 has its FIX already: the next review needs a new attempt
    expect(out.files.nextFix).toBeUndefined();
    expect(c.text(result)).toContain('Review feedback');
  });

  it('get_achievement of an achievement without files gives the paths its files will have', async () => {
    const out = (await c.call('get_achievement', { plan: 'RELEASE-PIPELINE', id: '3.2' })).structuredContent as Record<string, any>;
    expect(out.achievement.status).toBe('not_started');
    expect(out.subplan).toBeUndefined();
    expect(out.latestExecution).toBeUndefined();
    expect(out.files.subplan).toBe('plans/RELEASE-PIPELINE/subplans/SUBPLAN_RELEASE-PIPELINE_32.md');
    expect(out.files.nextExecution).toBe('plans/RELEASE-PIPELINE/execution/EXECUTION_TASK_RELEASE-PIPELINE_32_01.md');
    expect(out.files.nextFix).toBeUndefined();
    const withAttempt = (await c.call('get_achievement', { plan: 'RELEASE-PIPELINE', id: '2.1' })).structuredContent as Record<string, any>;
    expect(withAttempt.files.nextFix).toBe('plans/RELEASE-PIPELINE/execution/feedbacks/FIX_21.md');
  });

  it.each([
    ['get_achievement', { plan: 'RELEASE-PIPELINE', id: '9.9' }, /^id: plan RELEASE-PIPELINE has no achievement 9\.9/],
    ['get_achievement', { plan: 'RELEASE-PIPELINE', id: '../1' }, /id/],
    ['plan_status', { plan: 'NOPE' }, /^plan: no plan "NOPE"/],
    ['plan_status', { plan: '../../etc' }, /^plan: "\.\.\/\.\.\/etc" is outside the workspace/],
    ['plan_status', { plan: '/etc' }, /^plan: "\/etc" is outside the workspace/],
    ['validate_plan', { plan: 7 }, /plan/],
    ['next_work', { plan: 'x', extra: true }, /extra/],
    ['list_plans', { strict: 'yes' }, /strict/],
  ])('%s %j is a tool error naming the argument', async (tool, args, message) => {
    const result = await c.call(tool, args as Record<string, unknown>);
    expect(result.isError).toBe(true);
    expect(c.text(result)).toMatch(message);
    // and the server still answers
    expect((await c.call('list_plans')).isError).toBeFalsy();
  });
});

function writeFile(file: string, text: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:fs').writeFileSync(file, text);
}

const corpusPlans = ['LLM-DASHBOARD-CLI', 'PARALLEL-EXECUTION-AUTOMATION'].filter((name) => existsSync(join(CORPUS_DIR, name)));
const describeCorpus = corpusPlans.length > 0 ? describe : describe.skip;

describeCorpus(`read-only tools on the corpus${corpusPlans.length ? '' : ' (skipped: ../shared/corpus not found)'}`, () => {
  let ws: ExampleWorkspace;
  let c: ConnectedClient;
  beforeAll(async () => {
    ws = exampleWorkspace({ plugins: ['@nx-plan/plan'] }, CORPUS_DIR);
    c = await connectClient(ws.root);
  });
  afterAll(async () => {
    await c.close();
    ws.cleanup();
  });

  it.each(corpusPlans)('plan_status and validate_plan on %s match the executors', async (name) => {
    const plans = corpusPlans.map((p) => ({ project: `plan-${p.toLowerCase()}`, dir: `plans/${p}` }));
    const status = await c.call('plan_status', { plan: name });
    expect(status.isError).toBeFalsy();
    expect(status.structuredContent).toEqual(await executorJson(statusExecutor, ws.root, plans, `plans/${name}`));
    const validate = (await c.call('validate_plan', { plan: name })).structuredContent as { version: number; plans: unknown[] };
    expect({ version: validate.version, plans: validate.plans }).toEqual(await executorJson(validateExecutor, ws.root, plans, `plans/${name}`));
  });

  it.each(corpusPlans)('list_plans and next_work on %s agree with plan_status', async (name) => {
    const status = ((await c.call('plan_status', { plan: name })).structuredContent as { plans: { achievements: { status: string }[]; nextAvailable: string[]; recommendedAction: unknown }[] }).plans[0];
    const listed = ((await c.call('list_plans')).structuredContent as { plans: { name: string; total: number; nextAvailable: string[] }[] }).plans.find((p) => p.name === name)!;
    expect(listed.total).toBe(status.achievements.length);
    expect(listed.nextAvailable).toEqual(status.nextAvailable);
    const next = ((await c.call('next_work', { plan: name })).structuredContent as { plans: { nextAvailable: string[]; recommendedAction: unknown }[] }).plans[0];
    expect(next.nextAvailable).toEqual(status.nextAvailable);
    expect(next.recommendedAction).toEqual(status.recommendedAction);
  });

  it.each(corpusPlans)('prepare_achievements dryRun on %s writes nothing', async (name) => {
    const before = diskSnapshot(ws.root);
    for (const kind of ['subplans', 'executions', 'both']) {
      const result = await c.call('prepare_achievements', { plan: name, kind, dryRun: true, all: true });
      // a real plan may be refused (validation errors): then it says so; else it lists what it would create
      if (result.isError) expect(c.text(result)).toMatch(/refused.*nothing was written/);
      else expect((result.structuredContent as { dryRun: boolean }).dryRun).toBe(true);
    }
    expect(diskSnapshot(ws.root)).toEqual(before);
  }, 60_000);

  it.each(corpusPlans)('get_achievement answers for every achievement of %s', async (name) => {
    const status = (await c.call('plan_status', { plan: name })).structuredContent as { plans: { achievements: { id: string; status: string }[] }[] };
    for (const a of status.plans[0].achievements) {
      const result = await c.call('get_achievement', { plan: name, id: a.id });
      if (result.isError) {
        // only ids that share a file-name number are refused
        expect(c.text(result)).toMatch(/share the file-name number/);
      } else {
        expect((result.structuredContent as { achievement: { status: string } }).achievement.status).toBe(a.status);
      }
    }
  });
});
