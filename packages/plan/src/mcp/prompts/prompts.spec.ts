/**
 * The prompts over the SDK client: the execution prompt is the one
 * `next --action=prompt` builds, the discovery prompt is the discover
 * generator's, and neither writes anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConnectedClient, useExampleServer } from '../testing/connect-client';
import { diskSnapshot } from '../testing/disk-snapshot';
import type { ExampleWorkspace } from '../testing/example-workspace';

const textOf = (result: { messages: { content: unknown }[] }) => (result.messages[0].content as { text: string }).text;

describe('prompts', () => {
  const server = useExampleServer('all');
  let ws: ExampleWorkspace;
  let c: ConnectedClient;
  beforeAll(() => ({ ws, c } = server));

  it('lists both prompts with their arguments', async () => {
    const { prompts } = await c.client.listPrompts();
    const byName = new Map(prompts.map((p) => [p.name, p]));
    expect(byName.get('execute_achievement')!.arguments!.map((a) => [a.name, a.required])).toEqual([
      ['plan', true],
      ['id', false],
    ]);
    expect(byName.get('parallel_discovery')!.arguments!.map((a) => a.name)).toEqual(['plan']);
  });

  it('completes plan names', async () => {
    const result = await c.client.complete({ ref: { type: 'ref/prompt', name: 'execute_achievement' }, argument: { name: 'plan', value: 're' } });
    expect(result.completion.values).toEqual(['RELEASE-PIPELINE']);
  });

  it('execute_achievement for 1.3 holds its PLAN section, SUBPLAN, latest attempt and FIX feedback', async () => {
    const before = diskSnapshot(ws.root);
    const text = textOf(await c.client.getPrompt({ name: 'execute_achievement', arguments: { plan: 'RELEASE-PIPELINE', id: '1.3' } }));
    const dir = join(ws.root, 'plans/RELEASE-PIPELINE');
    expect(text).toMatch(/^# Execute achievement 1\.3: Local Registry Smoke Test/);
    expect(text).toContain(readFileSync(join(dir, 'subplans/SUBPLAN_RELEASE-PIPELINE_13.md'), 'utf8').trim().split('\n')[0]);
    expect(text).toContain('## Review feedback to address (`plans/RELEASE-PIPELINE/execution/feedbacks/FIX_13.md`)');
    expect(text).toContain('npx nx run plan-release-pipeline:validate');
    expect(diskSnapshot(ws.root)).toEqual(before);
  });

  it('execute_achievement without an id takes the next available achievement', async () => {
    const text = textOf(await c.client.getPrompt({ name: 'execute_achievement', arguments: { plan: 'RELEASE-PIPELINE' } }));
    expect(text).toMatch(/^# Execute achievement 2\.1:/);
  });

  it('an unknown achievement or plan is an error and the server keeps serving', async () => {
    await expect(c.client.getPrompt({ name: 'execute_achievement', arguments: { plan: 'RELEASE-PIPELINE', id: '8.8' } })).rejects.toThrow(/id: plan RELEASE-PIPELINE has no achievement 8\.8/);
    await expect(c.client.getPrompt({ name: 'parallel_discovery', arguments: { plan: '../../..' } })).rejects.toThrow(/plan: .*outside the workspace/);
    expect((await c.call('list_plans')).isError).toBeFalsy();
  });

  it('parallel_discovery is the discover prompt with the inferred draft, and writes nothing', async () => {
    const before = diskSnapshot(ws.root);
    const text = textOf(await c.client.getPrompt({ name: 'parallel_discovery', arguments: { plan: 'DOCS-SITE' } }));
    expect(text).toMatch(/^# Parallel discovery: DOCS-SITE/);
    expect(text).toContain('## Independence checklist');
    expect(text).toContain('is at the end of this prompt (nothing was written to the plan folder)');
    expect(text).not.toMatch(/(?<!nothing )was written (to|beside)/);
    const draft = /## Draft dependency tree \(inferred from the PLAN\)\n\n```json\n([\s\S]*?)\n```/.exec(text)![1];
    expect(JSON.parse(draft)).toMatchObject({ plan_name: 'DOCS-SITE' });
    expect(diskSnapshot(ws.root)).toEqual(before);
  });

  it('parallel_discovery regenerates the prompt even when a prompt file exists', async () => {
    writeFileSync(join(ws.root, 'plans/AGENT-DEMO/PARALLEL_DISCOVERY_PROMPT.md'), 'old prompt\n');
    const text = textOf(await c.client.getPrompt({ name: 'parallel_discovery', arguments: { plan: 'AGENT-DEMO' } }));
    expect(text).toMatch(/^# Parallel discovery: AGENT-DEMO/);
    expect(readFileSync(join(ws.root, 'plans/AGENT-DEMO/PARALLEL_DISCOVERY_PROMPT.md'), 'utf8')).toBe('old prompt\n');
  });
});
