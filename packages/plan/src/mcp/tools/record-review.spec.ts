/**
 * record_review writes the verdict files of the plan folder convention on
 * real files: APPROVED → complete, the first FIX as FIX_<NM>.md, a FIX on a
 * later attempt as FIX_<NM>_<NN>.md beside it; never overwriting, refused
 * without an EXECUTION_TASK, and confined to the plan folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectedClient, useExampleServer } from '../testing/connect-client';
import { diskSnapshot } from '../testing/disk-snapshot';
import type { ExampleWorkspace } from '../testing/example-workspace';

const FEEDBACKS = 'plans/RELEASE-PIPELINE/execution/feedbacks';

describe('record_review', () => {
  const server = useExampleServer('each');
  let ws: ExampleWorkspace;
  let c: ConnectedClient;
  beforeEach(() => ({ ws, c } = server));

  const status = async (id: string) => {
    const doc = (await c.call('plan_status', { plan: 'RELEASE-PIPELINE' })).structuredContent as { plans: { achievements: { id: string; status: string }[] }[] };
    return doc.plans[0].achievements.find((a) => a.id === id)!.status;
  };

  it('approved writes APPROVED_<NM>.md with the review and the achievement becomes complete', async () => {
    const result = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'approved', text: 'Workflow runs on tags only. Good.' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ id: '2.1', verdict: 'approved', file: `${FEEDBACKS}/APPROVED_21.md`, attempt: 1, status: 'complete' });
    const text = readFileSync(join(ws.root, FEEDBACKS, 'APPROVED_21.md'), 'utf8');
    expect(text).toBe('# APPROVED: 2.1 Release Workflow in CI\n\nReview of attempt 01 (`EXECUTION_TASK_RELEASE-PIPELINE_21_01.md`).\n\nWorkflow runs on tags only. Good.\n');
    expect(await status('2.1')).toBe('complete');
  });

  it('a second verdict after APPROVED is refused and the file is left as it is', async () => {
    const before = readFileSync(join(ws.root, FEEDBACKS, 'APPROVED_12.md'), 'utf8');
    for (const verdict of ['approved', 'fix']) {
      const result = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '1.2', verdict, text: 'again' });
      expect(result.isError).toBe(true);
      expect(c.text(result)).toContain('is approved already');
    }
    expect(readFileSync(join(ws.root, FEEDBACKS, 'APPROVED_12.md'), 'utf8')).toBe(before);
  });

  it('is refused for an achievement without an EXECUTION_TASK, writing nothing', async () => {
    const before = diskSnapshot(ws.root);
    const result = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '3.1', verdict: 'approved', text: 'looks fine' });
    expect(result.isError).toBe(true);
    expect(c.text(result)).toMatch(/3\.1 has no EXECUTION_TASK/);
    expect(diskSnapshot(ws.root)).toEqual(before);
  });

  it('FIX flow: FIX_<NM>.md, refused twice for one attempt, FIX_<NM>_<NN>.md for the next attempt', async () => {
    const first = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'fix', text: 'Pin the action versions.' });
    expect(first.structuredContent).toMatchObject({ file: `${FEEDBACKS}/FIX_21.md`, attempt: 1, status: 'failed' });
    const firstText = readFileSync(join(ws.root, FEEDBACKS, 'FIX_21.md'), 'utf8');

    const again = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'fix', text: 'Something else.' });
    expect(again.isError).toBe(true);
    expect(c.text(again)).toContain('attempt 01 of 2.1 has its FIX already');

    const prepared = await c.call('prepare_achievements', { plan: 'RELEASE-PIPELINE', kind: 'executions', achievements: ['2.1'] });
    expect((prepared.structuredContent as { created: { file: string }[] }).created[0].file).toMatch(/EXECUTION_TASK_RELEASE-PIPELINE_21_02\.md$/);

    const second = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'fix', text: 'Still unpinned in release.yml.' });
    expect(second.structuredContent).toMatchObject({ file: `${FEEDBACKS}/FIX_21_02.md`, attempt: 2 });
    expect(readFileSync(join(ws.root, FEEDBACKS, 'FIX_21.md'), 'utf8')).toBe(firstText);
    expect(readFileSync(join(ws.root, FEEDBACKS, 'FIX_21_02.md'), 'utf8')).toContain('Still unpinned in release.yml.');

    const got = (await c.call('get_achievement', { plan: 'RELEASE-PIPELINE', id: '2.1' })).structuredContent as { fix: { attempt: number; path: string }; files: { fixes: unknown[] } };
    expect(got.fix).toMatchObject({ attempt: 2, path: `${FEEDBACKS}/FIX_21_02.md` });
    expect(got.files.fixes).toHaveLength(2);
  });

  it('a FIX on attempt 02 that awaits review is FIX_<NM>_02.md, and the achievement is failed', async () => {
    const execution = join(ws.root, 'plans/RELEASE-PIPELINE/execution');
    writeFileSync(join(execution, 'EXECUTION_TASK_RELEASE-PIPELINE_21_02.md'), '# attempt 02\n');
    writeFileSync(join(execution, 'AWAITING_REVIEW_21_02.md'), 'agent exited 0\n');
    expect(await status('2.1')).toBe('awaiting_review');
    const got = (await c.call('get_achievement', { plan: 'RELEASE-PIPELINE', id: '2.1' })).structuredContent as { achievement: { status: string }; files: Record<string, unknown> };
    expect(got.achievement.status).toBe('awaiting_review');
    expect(got.files['awaitingReview']).toEqual([{ attempt: 2, path: 'plans/RELEASE-PIPELINE/execution/AWAITING_REVIEW_21_02.md' }]);
    expect(got.files['nextFix']).toBe(`${FEEDBACKS}/FIX_21_02.md`);
    const result = await c.call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'fix', text: 'The tag guard is missing.' });
    expect(result.structuredContent).toMatchObject({ file: `${FEEDBACKS}/FIX_21_02.md`, attempt: 2, status: 'failed' });
    expect(existsSync(join(ws.root, FEEDBACKS, 'FIX_21.md'))).toBe(false);
  });

  it('refuses a feedbacks folder that is a symbolic link out of the plan folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'nx-plan-outside-'));
    try {
      const dir = join(ws.root, 'plans/AGENT-DEMO/execution');
      mkdirSync(dir, { recursive: true });
      symlinkSync(outside, join(dir, 'feedbacks'));
      const result = await c.call('record_review', { plan: 'AGENT-DEMO', id: '1.1', verdict: 'approved', text: 'ok' });
      expect(result.isError).toBe(true);
      expect(c.text(result)).toContain('leads outside the plan folder');
      expect(existsSync(join(outside, 'APPROVED_11.md'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.each([
    [{ plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'approved', text: '   ' }, /text/],
    [{ plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'maybe', text: 'x' }, /verdict/],
    [{ plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'fix' }, /text/],
    [{ plan: 'RELEASE-PIPELINE', id: '9.9', verdict: 'fix', text: 'x' }, /^id: plan RELEASE-PIPELINE has no achievement 9\.9/],
    [{ plan: 'RELEASE-PIPELINE', id: '2.1/../..', verdict: 'fix', text: 'x' }, /id/],
  ])('%j is a tool error and writes nothing', async (args, message) => {
    const before = diskSnapshot(ws.root);
    const result = await c.call('record_review', args);
    expect(result.isError).toBe(true);
    expect(c.text(result)).toMatch(message);
    expect(diskSnapshot(ws.root)).toEqual(before);
  });
});
