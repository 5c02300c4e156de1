/** Test helper: the nx-plan MCP server and an SDK client linked in memory. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createPlanMcpServer } from '../server/create-plan-mcp-server';
import { exampleWorkspace, type ExampleWorkspace } from './example-workspace';

export interface ConnectedClient {
  client: Client;
  /** callTool with the result typed as a CallToolResult. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** The text of a result's first content item. */
  text(result: CallToolResult): string;
  close(): Promise<void>;
}

export async function connectClient(workspaceRoot: string): Promise<ConnectedClient> {
  const server = createPlanMcpServer(workspaceRoot);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'nx-plan-test', version: '1.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return {
    client,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    text: (result) => {
      const first = result.content?.[0];
      return first && first.type === 'text' ? first.text : '';
    },
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/**
 * Registers jest hooks that give each test (scope `each`) or the whole
 * describe block (scope `all`) a fresh copy of the example workspace and a
 * client connected to a server rooted there, closed and removed afterwards.
 */
export function useExampleServer(scope: 'all' | 'each'): { readonly ws: ExampleWorkspace; readonly c: ConnectedClient } {
  const state: { ws?: ExampleWorkspace; c?: ConnectedClient } = {};
  (scope === 'all' ? beforeAll : beforeEach)(async () => {
    state.ws = exampleWorkspace();
    state.c = await connectClient(state.ws.root);
  });
  (scope === 'all' ? afterAll : afterEach)(async () => {
    await state.c?.close();
    state.ws?.cleanup();
  });
  return {
    get ws() {
      return state.ws!;
    },
    get c() {
      return state.c!;
    },
  };
}
