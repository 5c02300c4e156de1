/** `nx-plan mcp` command line: help, bad arguments and a missing workspace end with a message and an exit code, without starting a server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseMcpArguments } from './cli';

function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return main(argv).then(
    (code) => ({ code, stdout: out.join(''), stderr: err.join('') }),
  ).finally(() => {
    stdout.mockRestore();
    stderr.mockRestore();
  });
}

describe('nx-plan mcp command line', () => {
  let empty: string;
  beforeAll(() => (empty = mkdtempSync(join(tmpdir(), 'nx-plan-mcp-cli-'))));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('parses --workspace in both forms', () => {
    expect(parseMcpArguments(['--workspace', 'a'])).toEqual({ workspace: 'a', help: false });
    expect(parseMcpArguments(['--workspace=b'])).toEqual({ workspace: 'b', help: false });
    expect(parseMcpArguments(['-h'])).toEqual({ help: true });
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: nx-plan mcp [--workspace <dir>]');
  });

  it.each([[['--port', '3']], [['--workspace']], [['--workspace=']]])('%j is a usage error (exit 2)', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nx-plan mcp: /);
    expect(r.stdout).toBe('');
  });

  it('a --workspace without nx.json exits 1 naming the folder', async () => {
    const r = await run(['--workspace', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--workspace ${empty}: no nx.json in ${empty}`);
  });
});
