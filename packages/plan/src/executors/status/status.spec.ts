import type { StatusDocument } from '@nx-plan/core';
import { readFileSync } from 'node:fs';
import { captureOutput, withEnv, type CapturedOutput } from '../../testing/capture-output';
import { executorContext } from '../../testing/executor-context';
import { BAD_PLAN, GOOD_PLAN } from '../../testing/plan-fixtures';
import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';
import statusDefault, { statusExecutor } from './status';

describe('status executor', () => {
  let ws: TempWorkspace;
  let out: CapturedOutput;

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-status-');
    ws.write({
      ...GOOD_PLAN,
      ...BAD_PLAN,
      // 1.1 went through the whole life cycle; 1.2 and 2.1 have no files yet.
      'plans/GOOD/subplans/SUBPLAN_GOOD_11.md': '# SUBPLAN 1.1\n',
      'plans/GOOD/execution/EXECUTION_TASK_GOOD_11_01.md': '# EXECUTION 1.1 attempt 1\n',
      'plans/GOOD/execution/feedbacks/APPROVED_11.md': '# Approved\n',
    });
    out = captureOutput();
  });

  afterEach(() => {
    out.restore();
    ws.cleanup();
  });

  const context = () => executorContext(ws.root, { 'plan-good': { root: 'plans/GOOD' } }, 'plan-good');
  const run = (options: Parameters<typeof statusExecutor>[0]) =>
    withEnv({ NO_COLOR: '1' }, () => statusExecutor(options, context()));

  it('is the default export too', () => {
    expect(statusDefault).toBe(statusExecutor);
  });

  it('prints the table of achievements with their status derived from files', async () => {
    await expect(run({})).resolves.toEqual({ success: true });
    const text = out.stdout();
    expect(text).toContain('GOOD');
    expect(text).toMatch(/1\.1\s+Set up\s+complete/);
    expect(text).toMatch(/1\.2\s+Add tests\s+not_started/);
    expect(text).toMatch(/2\.1\s+Ship it\s+not_started/);
  });

  it('prints one versioned JSON document with --format=json', async () => {
    await expect(run({ format: 'json' })).resolves.toEqual({ success: true });
    const document = JSON.parse(out.stdout()) as StatusDocument;

    expect(document.version).toBe(1);
    expect(document.plans).toHaveLength(1);
    const [plan] = document.plans;
    expect(plan.name).toBe('GOOD');
    expect(plan.dir).toBe('plans/GOOD');
    expect(plan.dependencySource).toBe('parallel.json');
    expect(plan.achievements.map((a) => [a.id, a.status, a.ready])).toEqual([
      ['1.1', 'complete', false],
      ['1.2', 'not_started', true],
      ['2.1', 'not_started', false],
    ]);
    expect(plan.nextAvailable).toEqual(['1.2']);
    expect(out.messages).toEqual([]);
  });

  it('reports several plans in one document, with diagnostics located relative to the workspace root', async () => {
    await expect(run({ plans: ['plans/GOOD', 'plans/BAD'], format: 'json' })).resolves.toEqual({ success: true });
    const document = JSON.parse(out.stdout()) as StatusDocument;
    expect(document.plans.map((p) => p.name)).toEqual(['GOOD', 'BAD']);
    expect(document.plans[1].diagnostics).toContainEqual(
      expect.objectContaining({ code: 'PLAN004', file: 'plans/BAD/parallel.json', line: 6, column: 80 })
    );
  });

  it('writes exactly the document to --outputFile', async () => {
    await expect(run({ format: 'json', outputFile: 'out/status.json' })).resolves.toEqual({ success: true });
    const document = JSON.parse(readFileSync(ws.path('out/status.json'), 'utf-8')) as StatusDocument;
    expect(document.plans[0].name).toBe('GOOD');
    expect(out.stdout()).toBe('');
  });

  it('fails in one line on a folder that does not exist', async () => {
    await expect(run({ plan: 'plans/MISSING' })).resolves.toEqual({ success: false });
    expect(out.errors).toEqual(['error: plan folder "plans/MISSING" does not exist']);
  });
});
