/**
 * `nx-plan mcp [--workspace <dir>]`: the Model Context Protocol server over
 * stdio, rooted at the Nx workspace found from the current folder (the
 * nearest folder up holding nx.json) or at --workspace. stdout carries the
 * protocol only; everything else goes to stderr. Returns when the client
 * closes the connection (stdin ends).
 */
import { resolve } from 'node:path';
import { findWorkspaceRoot } from '../config/find-workspace-root';

export const MCP_USAGE = `Usage: nx-plan mcp [--workspace <dir>]

Starts the nx-plan MCP server on stdio (for Claude Code, Cursor, VS Code, Codex…).
  --workspace <dir>  the Nx workspace to serve (default: the nearest folder holding nx.json from the current folder)
  --help             print this help
See docs/mcp.md for how to register it with each client.`;

export interface McpCliArguments {
  workspace?: string;
  help: boolean;
}

export class McpUsageError extends Error {}

export function parseMcpArguments(argv: readonly string[]): McpCliArguments {
  const parsed: McpCliArguments = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--workspace' || arg === '-w') {
      const value = argv[++i];
      if (value === undefined || value === '') throw new McpUsageError('--workspace needs a folder');
      parsed.workspace = value;
    } else if (arg.startsWith('--workspace=')) {
      const value = arg.slice('--workspace='.length);
      if (value === '') throw new McpUsageError('--workspace needs a folder');
      parsed.workspace = value;
    } else throw new McpUsageError(`unknown argument "${arg}"`);
  }
  return parsed;
}

export async function main(argv: string[]): Promise<number> {
  let args: McpCliArguments;
  try {
    args = parseMcpArguments(argv);
  } catch (error) {
    process.stderr.write(`nx-plan mcp: ${(error as Error).message}\n${MCP_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${MCP_USAGE}\n`);
    return 0;
  }
  const start = args.workspace !== undefined ? resolve(args.workspace) : process.cwd();
  const root = args.workspace !== undefined ? (findWorkspaceRoot(start) === start ? start : undefined) : findWorkspaceRoot(start);
  if (!root) {
    process.stderr.write(
      args.workspace !== undefined
        ? `nx-plan mcp: --workspace ${args.workspace}: no nx.json in ${start}; give the root folder of an Nx workspace\n`
        : `nx-plan mcp: no Nx workspace (nx.json) in ${start} or any folder above it; run it inside a workspace or pass --workspace <dir>\n`,
    );
    return 1;
  }
  const { serveOverStdio } = await import('./server/serve-stdio');
  return serveOverStdio(root);
}
