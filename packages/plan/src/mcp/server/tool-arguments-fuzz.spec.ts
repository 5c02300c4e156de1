/**
 * Random arguments for every tool (fast-check): strings, ids, paths with
 * traversal, wrong types, extra keys, nested junk. Every call gets a result
 * or a tool error (never a protocol failure or a dead server), no file
 * outside the workspace is touched, and the server answers a normal call
 * afterwards.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskSnapshot } from '../testing/disk-snapshot';
import { planMarkdown } from '../../testing/temp-workspace';
import { connectClient, type ConnectedClient } from '../testing/connect-client';
import { exampleWorkspace, type ExampleWorkspace } from '../testing/example-workspace';

const TOOLS = ['list_plans', 'plan_status', 'next_work', 'validate_plan', 'get_achievement', 'prepare_achievements', 'record_review'];

const planLike = (outside: string) => fc.oneof(
  fc.constantFrom(outside, 'plans/LINK', 'plans/LINK/', 'OUT', 'RELEASE-PIPELINE', 'docs-site', 'plan-agent-demo', 'plans/DOCS-SITE', './plans/AGENT-DEMO', '', ' ', '.', '..', '../..', '/', '/etc/passwd', 'plans/../../x', 'C:\\Windows', 'plans/DOCS-SITE/../../..', '\u0000', '%2e%2e/'),
  fc.string({ maxLength: 40 }),
);
const idLike = fc.oneof(fc.constantFrom('1.1', '2.1', '1.3', '3.2', '9.9', '01.1', '1.', '.1', '1.1.1', '../1', '1.1/..', '', '١.١'), fc.string({ maxLength: 12 }));
const anyValue = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

const argumentsArbitrary = (outside: string) => fc.record(
  {
    plan: fc.oneof(planLike(outside), anyValue),
    id: fc.oneof(idLike, anyValue),
    kind: fc.oneof(fc.constantFrom('subplans', 'executions', 'both', 'nope'), anyValue),
    verdict: fc.oneof(fc.constantFrom('approved', 'fix', 'FIX'), anyValue),
    text: fc.oneof(fc.string({ maxLength: 60 }), anyValue),
    achievements: fc.oneof(fc.array(idLike, { maxLength: 4 }), anyValue),
    level: fc.oneof(fc.integer({ min: -2, max: 5 }), anyValue),
    all: fc.oneof(fc.boolean(), anyValue),
    attempt: fc.oneof(fc.integer({ min: -1, max: 1000 }), anyValue),
    dryRun: fc.oneof(fc.boolean(), anyValue),
    strict: fc.oneof(fc.boolean(), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

describe('fuzzed tool arguments', () => {
  let ws: ExampleWorkspace;
  let c: ConnectedClient;
  let outside: string;
  beforeAll(async () => {
    ws = exampleWorkspace();
    // a plan outside the workspace, reachable through a symbolic link inside it
    outside = mkdtempSync(join(tmpdir(), 'nx-plan-fuzz-outside-'));
    writeFileSync(join(outside, 'PLAN_OUT.md'), planMarkdown('OUT', [{ id: '1.1' }, { id: '2.1' }]));
    symlinkSync(outside, join(ws.root, 'plans', 'LINK'));
    c = await connectClient(ws.root);
  });
  afterAll(async () => {
    await c.close();
    ws.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('always answers with a result or a tool error, and writes nothing outside the workspace', async () => {
    const outsideBefore = diskSnapshot(outside);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOOLS), argumentsArbitrary(outside), async (tool, args) => {
        const result = await c.call(tool, args as Record<string, unknown>);
        expect(Array.isArray(result.content)).toBe(true);
        if (result.isError) {
          expect(c.text(result).length).toBeGreaterThan(0);
          expect(c.text(result)).not.toMatch(/\n\s+at .+:\d+:\d+\)?/); // no stack trace
        } else {
          expect(result.structuredContent).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
    expect(diskSnapshot(outside)).toEqual(outsideBefore);
    const after = await c.call('list_plans');
    expect(after.isError).toBeFalsy();
  }, 120_000);

  it('the plan behind the symbolic link is never served', async () => {
    for (const plan of ['plans/LINK', outside, 'OUT']) {
      const result = await c.call('plan_status', { plan });
      expect(result.isError).toBe(true);
    }
    expect(((await c.call('list_plans')).structuredContent as { plans: { name: string }[] }).plans.map((p) => p.name)).not.toContain('OUT');
  });

  it('arguments that are not an object at all are refused as a tool error', async () => {
    for (const args of [[1, 2], 'plan', 42, null]) {
      const result = await c.client.request(
        { method: 'tools/call', params: { name: 'plan_status', arguments: args as never } },
        (await import('@modelcontextprotocol/sdk/types.js')).CallToolResultSchema,
      ).catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] }));
      expect(result.isError).toBe(true);
    }
    expect((await c.call('list_plans')).isError).toBeFalsy();
  });
});
