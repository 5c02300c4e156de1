/**
 * The `nx-plan` bin as a real process, from this repository's TypeScript
 * sources: it answers, exits with the command's code, and the read-only
 * commands load neither Nx nor @nx/devkit (a preloaded hook records every
 * module Node loads).
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_PLAN, GOOD_PLAN } from '../testing/plan-fixtures';
import { createTempWorkspace, type TempWorkspace } from '../testing/temp-workspace';

const BIN = join(__dirname, '..', '..', 'bin', 'nx-plan.js');

const HOOK = `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const resolved = load.apply(this, arguments);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (/[\\\\/]node_modules[\\\\/](nx|@nx[\\\\/][^\\\\/]+)[\\\\/]/.test(file)) appendFileSync(process.env.NX_PLAN_LOAD_LOG, file + '\\n');
  } catch {}
  return resolved;
};
`;

describe('nx-plan bin', () => {
  let ws: TempWorkspace;

  beforeAll(() => {
    ws = createTempWorkspace('nx-plan-bin-');
    ws.write({ 'nx.json': '{}\n', ...GOOD_PLAN, ...BAD_PLAN, 'load-hook.js': HOOK, 'loaded.txt': '' });
  });

  afterAll(() => ws.cleanup());

  function run(args: string[]) {
    writeFileSync(ws.path('loaded.txt'), '');
    const result = spawnSync(process.execPath, ['--require', ws.path('load-hook.js'), BIN, ...args], {
      cwd: ws.root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', NX_PLAN_LOAD_LOG: ws.path('loaded.txt') },
      timeout: 60_000,
    });
    const loaded = require('node:fs').readFileSync(ws.path('loaded.txt'), 'utf8').split('\n').filter(Boolean) as string[];
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
  }

  it('status --json prints the status document without loading Nx', () => {
    const r = run(['status', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).plans.map((p: { name: string }) => p.name)).toEqual(['BAD', 'GOOD']);
    expect(r.loaded).toEqual([]);
  }, 60_000);

  it('validate exits 1 with located errors, without loading Nx', () => {
    const r = run(['validate', 'BAD']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('plans/BAD/parallel.json:6:80  error  PLAN004');
    expect(r.loaded).toEqual([]);
  }, 60_000);

  it('ends quietly with exit 0 when the reader of stdout goes away (| head)', async () => {
    // A plan large enough that its table does not fit in one pipe buffer.
    const ids = Array.from({ length: 3000 }, (_, k) => `${Math.floor(k / 100) + 1}.${(k % 100) + 1}`);
    ws.write({
      'plans/BIG/PLAN_BIG.md': `# PLAN: BIG\n\n${ids.map((id) => `- Achievement ${id}: Step ${id} with a title long enough to fill the table`).join('\n')}\n`,
    });
    const child = spawn(process.execPath, [BIN, 'status', 'BIG'], { cwd: ws.root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, 60_000);

  it('exits 2 on an unknown command', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  }, 60_000);
});
