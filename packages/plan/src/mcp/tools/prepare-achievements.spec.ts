/**
 * prepare_achievements runs the batch generators on the real files of a
 * temporary workspace: dry run writes nothing, a real run creates exactly
 * what the dry run announced, existing files are never overwritten, and any
 * refusal writes nothing at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ConnectedClient, useExampleServer } from '../testing/connect-client';
import { diskSnapshot } from '../testing/disk-snapshot';
import type { ExampleWorkspace } from '../testing/example-workspace';

interface Output {
  dryRun: boolean;
  created: { kind: string; id: string; file: string }[];
  skipped: { kind: string; id?: string; file?: string; reason?: string }[];
  notes: string[];
  next?: string;
}

describe('prepare_achievements', () => {
  const server = useExampleServer('each');
  let ws: ExampleWorkspace;
  let c: ConnectedClient;
  beforeEach(() => ({ ws, c } = server));

  it('dry run on the next wave writes nothing; the real run creates exactly those files', async () => {
    const before = diskSnapshot(ws.root);
    const dry = await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', dryRun: true });
    expect(dry.isError).toBeFalsy();
    const planned = dry.structuredContent as unknown as Output;
    expect(planned.dryRun).toBe(true);
    expect(planned.created.map((f) => f.id)).toEqual(['2.1', '2.2']);
    expect(diskSnapshot(ws.root)).toEqual(before);
    expect(c.text(dry)).toContain('dry run: nothing was written');

    const real = (await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans' })).structuredContent as unknown as Output;
    expect(real.created).toEqual(planned.created);
    for (const file of real.created) expect(existsSync(join(ws.root, file.file))).toBe(true);
    const after = diskSnapshot(ws.root);
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual(real.created.map((f) => f.file).sort());
    // prefilled from the PLAN, not bare placeholders
    const subplan = readFileSync(join(ws.root, real.created[0].file), 'utf8');
    expect(subplan).toContain('2.1');
    expect(subplan).not.toMatch(/^\s*\[TO BE FILLED\]\s*$/m);
  });

  it('is idempotent: a second call creates nothing and lists the files as skipped', async () => {
    await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', achievements: ['2.1'] });
    const before = diskSnapshot(ws.root);
    const again = (await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', achievements: ['2.1'] })).structuredContent as unknown as Output;
    expect(again.created).toEqual([]);
    expect(again.skipped).toEqual([{ kind: 'subplan', id: '2.1', file: 'plans/DOCS-SITE/subplans/SUBPLAN_DOCS-SITE_21.md', reason: 'SUBPLAN exists, left as it is' }]);
    expect(diskSnapshot(ws.root)).toEqual(before);
  });

  it('never overwrites a SUBPLAN someone wrote by hand', async () => {
    const file = join(ws.root, 'plans/DOCS-SITE/subplans/SUBPLAN_DOCS-SITE_21.md');
    writeFileSync(file, 'my own design\n');
    const out = (await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans' })).structuredContent as unknown as Output;
    expect(out.created.map((f) => f.id)).toEqual(['2.2']);
    expect(readFileSync(file, 'utf8')).toBe('my own design\n');
  });

  it('executions: a new attempt for the failed 1.3 carries the FIX feedback', async () => {
    const out = (await c.call('prepare_achievements', { plan: 'RELEASE-PIPELINE', kind: 'executions', achievements: ['1.3'] })).structuredContent as unknown as Output;
    expect(out.created).toEqual([{ kind: 'execution', id: '1.3', file: 'plans/RELEASE-PIPELINE/execution/EXECUTION_TASK_RELEASE-PIPELINE_13_02.md' }]);
    const text = readFileSync(join(ws.root, out.created[0].file), 'utf8');
    expect(text).toContain('hard-coded to 4873');
  });

  it('both: SUBPLANs, then EXECUTION_TASKs from them, in one all-or-nothing batch', async () => {
    const out = (await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'both', achievements: ['2.1'] })).structuredContent as unknown as Output;
    expect(out.created.map((f) => [f.kind, f.id])).toEqual([
      ['subplan', '2.1'],
      ['execution', '2.1'],
    ]);
    expect(existsSync(join(ws.root, 'plans/DOCS-SITE/execution/EXECUTION_TASK_DOCS-SITE_21_01.md'))).toBe(true);
  });

  it('a refusal in the second step writes nothing from the first', async () => {
    // a folder where the EXECUTION_TASK would go makes batch-execution refuse after batch-subplan planned its file
    mkdirSync(join(ws.root, 'plans/DOCS-SITE/execution/EXECUTION_TASK_DOCS-SITE_21_01.md'), { recursive: true });
    const before = diskSnapshot(ws.root);
    const result = await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'both', achievements: ['2.1'] });
    expect(result.isError).toBe(true);
    expect(c.text(result)).toMatch(/batch-execution refused: .*a folder has this name.*nothing was written/);
    expect(diskSnapshot(ws.root)).toEqual(before);
    expect(existsSync(join(ws.root, 'plans/DOCS-SITE/subplans/SUBPLAN_DOCS-SITE_21.md'))).toBe(false);
  });

  it('refuses to write through a symbolic link that leads out of the plan folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'nx-plan-mcp-outside-'));
    try {
      rmSync(join(ws.root, 'plans/DOCS-SITE/subplans'), { recursive: true, force: true });
      symlinkSync(outside, join(ws.root, 'plans/DOCS-SITE/subplans'));
      const result = await c.call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', achievements: ['2.1'] });
      expect(result.isError).toBe(true);
      expect(c.text(result)).toMatch(/outside the plan folder plans\/DOCS-SITE .*nothing was written/);
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a plan with validation errors, listing them, and writes nothing', async () => {
    const parallel = join(ws.root, 'plans/AGENT-DEMO/parallel.json');
    writeFileSync(parallel, readFileSync(parallel, 'utf8').replace('"dependencies": []', '"dependencies": ["9.9"]'));
    const before = diskSnapshot(ws.root);
    const result = await c.call('prepare_achievements', { plan: 'AGENT-DEMO', kind: 'subplans', all: true });
    expect(result.isError).toBe(true);
    expect(c.text(result)).toContain('batch-subplan refused: plan AGENT-DEMO');
    expect(c.text(result)).toContain('PLAN004');
    expect(diskSnapshot(ws.root)).toEqual(before);
  });

  it.each([
    [{ plan: 'DOCS-SITE', kind: 'subplans', achievements: ['7.7'] }, /7\.7/],
    [{ plan: 'DOCS-SITE', kind: 'subplans', achievements: ['2.1'], all: true }, /^all: cannot be combined with achievements/],
    [{ plan: 'DOCS-SITE', kind: 'subplans', attempt: 2 }, /^attempt: applies to kind "executions" only/],
    [{ plan: 'DOCS-SITE', kind: 'everything' }, /kind/],
    [{ plan: 'DOCS-SITE', kind: 'subplans', achievements: ['../../x'] }, /achievements/],
    [{ plan: '../outside', kind: 'subplans' }, /^plan: .*outside the workspace/],
    [{ plan: 'DOCS-SITE', kind: 'subplans', level: -1 }, /level/],
  ])('%j is a tool error and writes nothing', async (args, message) => {
    const before = diskSnapshot(ws.root);
    const result = await c.call('prepare_achievements', args);
    expect(result.isError).toBe(true);
    expect(c.text(result)).toMatch(message);
    expect(diskSnapshot(ws.root)).toEqual(before);
  });
});
