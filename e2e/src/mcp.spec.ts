/**
 * End-to-end: the MCP server of the packed @nx-plan/plan in a brand-new Nx
 * workspace. `npx nx-plan mcp` is spawned as a client would (Claude Code,
 * Cursor…) and driven with the SDK's own client over stdio: the tools are
 * listed, prepare_achievements previews the next wave (nothing written) and
 * creates it, record_review approves an attempt, and Nx's own
 * `nx run plan:status` then reports that achievement complete.
 *
 * E2E_KEEP=1 keeps the workspace when a test failed; its path is printed.
 */
import { FailureTracker } from './utils/failure-tracker';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAndPack } from './utils/build-and-pack';
import { copyPlanFolders } from './utils/copy-plans';
import { createWorkspace, removeWorkspace } from './utils/create-workspace';
import { listFiles } from './utils/file-listing';
import { cleanEnv } from './utils/nx-env';
import { examplesDir } from './utils/repo-paths';
import { describeResult } from './utils/run-command';
import { runNx } from './utils/run-nx';

jest.setTimeout(300_000);

const KEEP_ON_FAILURE = process.env.E2E_KEEP === '1';

let ws = '';
let client: Client;
const stderr: string[] = [];
const protocolErrors: Error[] = [];

const failures = new FailureTracker(() => `e2e workspace: ${ws})\n(server stderr: ${stderr.join('')}`);
const tracked = failures.tracked;

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

beforeAll(async () => {
  const packed = await buildAndPack();
  ws = (await createWorkspace(packed, { keepOnFailure: KEEP_ON_FAILURE })).root;
  copyPlanFolders(examplesDir, join(ws, 'plans'));
  const transport = new StdioClientTransport({ command: 'npx', args: ['nx-plan', 'mcp'], cwd: ws, env: cleanEnv() as Record<string, string>, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  client = new Client({ name: 'nx-plan-e2e', version: '1.0.0' });
  client.onerror = (error) => protocolErrors.push(error);
  await client.connect(transport);
}, 600_000);

afterAll(async () => {
  await client?.close().catch(() => undefined);
  if (!ws) return;
  if (failures.failed && KEEP_ON_FAILURE) {
    process.stderr.write(`e2e workspace kept at ${ws}\n`);
  } else {
    removeWorkspace(ws);
  }
});

describe('npx nx-plan mcp in a fresh workspace', () => {
  it(
    'lists the seven tools and both prompts',
    tracked(async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(
        ['get_achievement', 'list_plans', 'next_work', 'plan_status', 'prepare_achievements', 'record_review', 'validate_plan'].sort(),
      );
      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name).sort()).toEqual(['execute_achievement', 'parallel_discovery']);
      const plans = (await call('list_plans', {})).structuredContent as { plans: { name: string; project: string }[] };
      expect(plans.plans.map((p) => p.project)).toEqual(['plan-agent-demo', 'plan-docs-site', 'plan-release-pipeline']);
    }),
  );

  it(
    'prepare_achievements with dryRun on the next wave writes nothing',
    tracked(async () => {
      const before = listFiles(ws).filter((f) => !f.startsWith('node_modules/') && !f.startsWith('.nx/'));
      const result = await call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans', dryRun: true });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as { dryRun: boolean; created: { id: string; file: string }[] };
      expect(out.dryRun).toBe(true);
      expect(out.created.map((c) => c.file)).toEqual(['plans/DOCS-SITE/subplans/SUBPLAN_DOCS-SITE_21.md', 'plans/DOCS-SITE/subplans/SUBPLAN_DOCS-SITE_22.md']);
      expect(listFiles(ws).filter((f) => !f.startsWith('node_modules/') && !f.startsWith('.nx/'))).toEqual(before);
    }),
  );

  it(
    'prepare_achievements for real creates those files, prefilled from the PLAN',
    tracked(async () => {
      const result = await call('prepare_achievements', { plan: 'DOCS-SITE', kind: 'subplans' });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as { created: { id: string; file: string }[] };
      expect(out.created.map((c) => c.id)).toEqual(['2.1', '2.2']);
      for (const { file } of out.created) expect(existsSync(join(ws, file))).toBe(true);
      expect(readFileSync(join(ws, out.created[0].file), 'utf8')).toContain('2.1');
      expect(protocolErrors).toEqual([]);
    }),
  );

  it(
    'record_review approved makes the achievement complete in nx run plan:status',
    tracked(async () => {
      const result = await call('record_review', { plan: 'RELEASE-PIPELINE', id: '2.1', verdict: 'approved', text: 'Release workflow reviewed: approved.' });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ file: 'plans/RELEASE-PIPELINE/execution/feedbacks/APPROVED_21.md', status: 'complete' });

      const status = await runNx(ws, ['run', 'plan:status', '--format=json', '--outputFile=tmp/status.json', '--skip-nx-cache']);
      if (status.code !== 0) throw new Error(describeResult(status));
      const doc = JSON.parse(readFileSync(join(ws, 'tmp/status.json'), 'utf8')) as { plans: { name: string; achievements: { id: string; status: string }[] }[] };
      const release = doc.plans.find((p) => p.name === 'RELEASE-PIPELINE')!;
      expect(release.achievements.find((a) => a.id === '2.1')!.status).toBe('complete');
    }),
  );

  it(
    'answers a bad argument with a tool error and keeps serving',
    tracked(async () => {
      const bad = await call('get_achievement', { plan: '../../..', id: '1.1' });
      expect(bad.isError).toBe(true);
      expect((bad.content[0] as { text: string }).text).toMatch(/^plan: .*outside the workspace/);
      expect((await call('next_work', { plan: 'RELEASE-PIPELINE' })).isError).toBeFalsy();
    }),
  );
});
