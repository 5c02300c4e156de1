/**
 * Run the server on this process's stdin/stdout until the client goes away.
 * The transport gets the real stdout; whatever else is written there (Nx's
 * logger inside the generators, a stray console.log) is sent to stderr so
 * that it can never corrupt the protocol stream.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { protectProtocolStream } from '../lib/output-capture';
import { createPlanMcpServer } from './create-plan-mcp-server';

export async function serveOverStdio(workspaceRoot: string): Promise<number> {
  const protocolOut = protectProtocolStream();
  const server = createPlanMcpServer(workspaceRoot);
  const transport = new StdioServerTransport(process.stdin, protocolOut);
  transport.onerror = (error) => process.stderr.write(`nx-plan mcp: ${error.message}\n`);
  const closed = new Promise<void>((done) => {
    const finish = () => done();
    process.stdin.once('end', finish);
    process.stdin.once('close', finish);
    transport.onclose = finish;
  });
  const keepAlive = (error: unknown) => process.stderr.write(`nx-plan mcp: unexpected error, still serving: ${error instanceof Error ? error.message : String(error)}\n`);
  process.on('uncaughtException', keepAlive);
  process.on('unhandledRejection', keepAlive);
  await server.connect(transport);
  process.stderr.write(`nx-plan mcp: serving ${workspaceRoot}\n`);
  await closed;
  await server.close().catch(() => undefined);
  process.removeListener('uncaughtException', keepAlive);
  process.removeListener('unhandledRejection', keepAlive);
  return 0;
}
