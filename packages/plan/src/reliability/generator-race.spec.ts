/**
 * SPEC §7: two generators racing on one plan must not clobber each other.
 * plan-lock.spec.ts (generators) races two batch-subplan runs; this races two
 * batch-execution runs, where the hazard is the attempt number: both could
 * pick `_01` for the same achievement, or one could add a needless `_02`
 * (or `_03` after a FIX). Each run is a separate Node process that runs the
 * generator as `nx g` does (FsTree → generator → flush), via the generators'
 * own child runner.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../..');
const CHILD = join(__dirname, '../generators/lib/testing/run-generator-child.ts');
const IDS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);
/** Already tried once and sent back by review: they need attempt 02. */
const FAILED = ['1.3', '1.7'];

function runChild(root: string, options: object, startAt: number, holdMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', CHILD, root, 'batch-execution', JSON.stringify(options), String(startAt), String(holdMs)],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.base.json'), NX_DRY_RUN: 'false', NX_DAEMON: 'false' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('two batch-execution processes racing on one plan', () => {
  jest.setTimeout(120_000);
  let root: string;
  const dir = () => join(root, 'plans/race');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-plan-exec-race-'));
    mkdirSync(join(dir(), 'subplans'), { recursive: true });
    mkdirSync(join(dir(), 'execution/feedbacks'), { recursive: true });
    writeFileSync(
      join(dir(), 'PLAN_RACE.md'),
      `# PLAN: RACE\n\n## Achievement Index\n\n${IDS.map((id) => `**Achievement ${id}**: Step ${id} (1-2h)`).join('\n')}\n`,
    );
    writeFileSync(
      join(dir(), 'parallel.json'),
      JSON.stringify({
        plan_name: 'RACE',
        parallelization_level: 'level_2',
        achievements: IDS.map((id) => ({ achievement_id: id, title: `Step ${id}`, dependencies: [] })),
      }),
    );
    for (const id of IDS) {
      writeFileSync(join(dir(), `subplans/SUBPLAN_RACE_${id.replace('.', '')}.md`), `# SUBPLAN: Achievement ${id}\n\nDesign of ${id}.\n`);
    }
    for (const id of FAILED) {
      const nm = id.replace('.', '');
      writeFileSync(join(dir(), `execution/EXECUTION_TASK_RACE_${nm}_01.md`), `# EXECUTION_TASK: Achievement ${id}\n\nfirst try\n`);
      writeFileSync(join(dir(), `execution/feedbacks/FIX_${nm}.md`), `# FIX ${id}\n\nThe tests for ${id} fail.\n`);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates each EXECUTION_TASK once, with the right attempt number, and loses nothing', async () => {
    const options = { plan: 'RACE', yes: true, json: true, skipFormat: true };
    // Start together after module loading, and hold 1.5 s between deciding and flushing.
    const startAt = Date.now() + 8_000;
    const [a, b] = await Promise.all([runChild(root, options, startAt, 1_500), runChild(root, options, startAt, 1_500)]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);

    const created = (stdout: string): string[] => JSON.parse(stdout).created.map((c: { id: string }) => c.id);
    const [first, second] = [created(a.stdout), created(b.stdout)].sort((x, y) => y.length - x.length);
    // One run made all 20 new attempts; the other, once it got the lock, found nothing left to do.
    expect(first.slice().sort()).toEqual(IDS.slice().sort());
    expect(second).toEqual([]);

    const executions = readdirSync(join(dir(), 'execution'))
      .filter((f) => f.startsWith('EXECUTION_TASK_'))
      .sort();
    const expected = [
      ...IDS.filter((id) => !FAILED.includes(id)).map((id) => `EXECUTION_TASK_RACE_${id.replace('.', '')}_01.md`),
      ...FAILED.flatMap((id) => [`EXECUTION_TASK_RACE_${id.replace('.', '')}_01.md`, `EXECUTION_TASK_RACE_${id.replace('.', '')}_02.md`]),
    ].sort();
    expect(executions).toEqual(expected);

    for (const file of executions) {
      const text = readFileSync(join(dir(), 'execution', file), 'utf-8');
      const id = /_1(\d+)_0\d\.md$/.exec(file)?.[1];
      // One whole document per file, about its own achievement.
      expect(text.startsWith(`# EXECUTION_TASK: Achievement 1.${id}`)).toBe(true);
      expect(text.split('# EXECUTION_TASK:').length).toBe(2);
    }
    // The retry attempts answer their FIX; the first attempts were not touched.
    for (const id of FAILED) {
      const nm = id.replace('.', '');
      expect(readFileSync(join(dir(), `execution/EXECUTION_TASK_RACE_${nm}_01.md`), 'utf-8')).toBe(`# EXECUTION_TASK: Achievement ${id}\n\nfirst try\n`);
      expect(readFileSync(join(dir(), `execution/EXECUTION_TASK_RACE_${nm}_02.md`), 'utf-8')).toContain(`The tests for ${id} fail.`);
    }
    expect(readdirSync(dir())).not.toContain('.nx-plan.lock');
  });
});
