/**
 * The real thing: `nx-plan mcp` spawned through the package's bin, spoken to
 * over stdio by the SDK's own client. stdout carries nothing but protocol
 * messages, even while generators print; the server survives bad requests
 * and garbage on stdin, and exits 0 when the client goes away.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, REPO_ROOT, type ExampleWorkspace } from '../testing/example-workspace';

const BIN = join(REPO_ROOT, 'packages/plan/bin/nx-plan.js');

describe('nx-plan mcp over stdio', () => {
  let ws: ExampleWorkspace;
  let client: Client;
  let transport: StdioClientTransport;
  const stderr: string[] = [];
  const protocolErrors: Error[] = [];

  beforeAll(async () => {
    ws = exampleWorkspace();
    transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: join(ws.root, 'plans'), stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    client = new Client({ name: 'stdio-test', version: '1.0.0' });
    client.onerror = (error) => protocolErrors.push(error);
    await client.connect(transport);
  }, 60_000);

  afterAll(async () => {
    await client.close().catch(() => undefined);
    ws.cleanup();
  });

  it('finds the workspace from the current folder and lists its tools and prompts', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('plan_status');
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['execute_achievement', 'parallel_discovery']);
    expect(stderr.join('')).toContain(`nx-plan mcp: serving ${ws.root}`);
  });

  it('answers plan_status with the status document', async () => {
    const result = (await client.callTool({ name: 'plan_status', arguments: { plan: 'RELEASE-PIPELINE' } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { plans: { name: string }[] }).plans[0].name).toBe('RELEASE-PIPELINE');
  });

  it('keeps stdout clean while a generator prints, and writes the files', async () => {
    const result = (await client.callTool({ name: 'prepare_achievements', arguments: { plan: 'DOCS-SITE', kind: 'subplans' } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(existsSync(join(ws.root, 'plans/DOCS-SITE/subplans/SUBPLAN_DOCS-SITE_21.md'))).toBe(true);
    expect(protocolErrors).toEqual([]);
  }, 60_000);

  it('survives bad arguments, an unknown tool and a garbage line, and keeps serving', async () => {
    const bad = (await client.callTool({ name: 'get_achievement', arguments: { plan: '../../..', id: 'x' } })) as CallToolResult;
    expect(bad.isError).toBe(true);
    const unknown = (await client.callTool({ name: 'no_such_tool', arguments: {} })) as CallToolResult;
    expect(unknown.isError).toBe(true);
    // a line that is not JSON-RPC: the server reports it on stderr and goes on
    (transport as unknown as { _process: { stdin: NodeJS.WritableStream } })._process.stdin.write('this is not json\n');
    const after = (await client.callTool({ name: 'list_plans', arguments: {} })) as CallToolResult;
    expect(after.isError).toBeFalsy();
  });

  it('exits with code 0 when the client closes', async () => {
    const child = (transport as unknown as { _process: import('node:child_process').ChildProcess })._process;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await client.close();
    expect(await exited).toBe(0);
  }, 30_000);
});
