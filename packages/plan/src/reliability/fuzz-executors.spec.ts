/**
 * The validate → status path end to end on random input (SPEC §7, §8): plan
 * folders on disk with random bytes, random JSON or random plans as
 * parallel.json, run through the validate and status executors exactly as Nx
 * calls them. Never an exception, never an `error:` line from the executors'
 * error boundary (that would be an exception turned into a message), and a
 * failure always comes with at least one located error diagnostic.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { captureOutput, withEnv } from '../testing/capture-output';
import { executorContext } from '../testing/executor-context';
import { statusExecutor } from '../executors/status/status';
import { validateExecutor, type ValidateDocument } from '../executors/validate/validate';
import {
  filesOfRandomPlan,
  randomBytesFolder,
  randomJsonFolder,
  randomMarkdownFolder,
  randomPlan,
  type PlanFolderFiles,
} from './testing/plan-arbitraries';

const PLAN_DIR = 'plans/FUZZ';
/** `plans/FUZZ/parallel.json:3:7  error  PLAN004  …` as the pretty report prints it. */
const LOCATED_ERROR = /^\S+:\d+:\d+\s+error\s+PLAN\d{3}\s+\S/m;
const NUM_RUNS = 25;

function writeFolder(root: string, files: PlanFolderFiles): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = join(root, PLAN_DIR, relative);
    if (content === null) {
      mkdirSync(target, { recursive: true });
    } else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
}

interface Outcome {
  success: boolean;
  stdout: string;
  errors: string[];
}

async function runExecutor(
  executor: typeof validateExecutor | typeof statusExecutor,
  root: string,
  options: Record<string, unknown>,
): Promise<Outcome> {
  const out = captureOutput();
  try {
    const result = await withEnv({ NO_COLOR: '1', FORCE_COLOR: undefined }, () =>
      executor({ plan: PLAN_DIR, ...options }, executorContext(root, { 'plan-fuzz': { root: PLAN_DIR } }, 'plan-fuzz')),
    );
    return { success: result.success, stdout: out.stdout(), errors: [...out.errors] };
  } finally {
    out.restore();
  }
}

/**
 * logger.error lines other than the executors' own verdicts (validate's
 * `--strict` line, status/graph's "could not be read" report): anything else
 * came from the error boundary, i.e. an exception.
 */
function unexpected(errors: readonly string[]): string[] {
  return errors.filter((e) => !/^error: \d+ warnings? with --strict$/.test(e) && !/^error: plan .* could not be read:\n\S+:\d+:\d+\s+error\s+PLAN\d{3}\s/.test(e));
}

/** The invariants, checked on one folder. */
async function checkFolder(files: PlanFolderFiles, strict: boolean): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'nx-plan-fuzz-'));
  try {
    writeFolder(root, files);

    const pretty = await runExecutor(validateExecutor, root, { strict });
    expect(typeof pretty.success).toBe('boolean');
    // No exception reached the executors' error boundary.
    expect(unexpected(pretty.errors)).toEqual([]);
    if (!pretty.success && !strict) expect(pretty.stdout).toMatch(LOCATED_ERROR);
    if (!pretty.success && strict) expect(pretty.stdout).toMatch(/^\S+:\d+:\d+\s+(error|warning)\s+PLAN\d{3}\s+\S/m);
    if (pretty.success) expect(pretty.stdout).not.toMatch(LOCATED_ERROR);

    const json = await runExecutor(validateExecutor, root, { strict, format: 'json' });
    expect(json.success).toBe(pretty.success);
    expect(unexpected(json.errors)).toEqual([]);
    const document = JSON.parse(json.stdout) as ValidateDocument;
    expect(document.version).toBe(1);
    expect(document.plans).toHaveLength(1);
    const diagnostics = document.plans[0].diagnostics;
    for (const d of diagnostics) {
      expect(d.code).toMatch(/^PLAN\d{3}$/);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.file.length).toBeGreaterThan(0);
    }
    const hasError = diagnostics.some((d) => d.severity === 'error');
    const hasWarning = diagnostics.some((d) => d.severity === 'warning');
    expect(json.success).toBe(!hasError && !(strict && hasWarning));

    // status prints its report in any case; it fails only when the plan could not be read, saying why.
    const status = await runExecutor(statusExecutor, root, { strict });
    expect(unexpected(status.errors)).toEqual([]);
    expect(status.stdout).toContain('Plan ');
    if (hasError && !strict) expect(status.stdout).toMatch(/Validation:.*error/);
    if (!status.success) {
      expect(json.success).toBe(false);
      expect(status.errors.join('\n')).toMatch(/could not be read:\n\S+:\d+:\d+\s+error\s+PLAN\d{3}\s/);
    }

    const statusJson = await runExecutor(statusExecutor, root, { strict, format: 'json' });
    expect(unexpected(statusJson.errors)).toEqual([]);
    expect(statusJson.success).toBe(status.success);
    expect(() => JSON.parse(statusJson.stdout)).not.toThrow();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('validate and status on random input (fast-check)', () => {
  jest.setTimeout(60_000);

  it('random bytes as parallel.json', async () => {
    await fc.assert(
      fc.asyncProperty(randomBytesFolder, fc.boolean(), (files, strict) => checkFolder(files, strict)),
      { numRuns: NUM_RUNS },
    );
  });

  it('random JSON as parallel.json', async () => {
    await fc.assert(
      fc.asyncProperty(randomJsonFolder, fc.boolean(), (files, strict) => checkFolder(files, strict)),
      { numRuns: NUM_RUNS },
    );
  });

  it('random plans: cycles, unknown/duplicate/colliding ids, unsafe names, odd files', async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, fc.boolean(), (plan, strict) => checkFolder(filesOfRandomPlan(plan), strict)),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('random PLAN markdown without parallel.json', async () => {
    await fc.assert(
      fc.asyncProperty(randomMarkdownFolder, (files) => checkFolder(files, false)),
      { numRuns: NUM_RUNS },
    );
  });

  it('a known-bad plan fails with its located error (the property is not vacuous)', async () => {
    await checkFolder(
      {
        'PLAN_FUZZ.md': '# PLAN: FUZZ\n\n- Achievement 1.1: One\n- Achievement 1.2: Two\n',
        'parallel.json': JSON.stringify({
          plan_name: 'FUZZ',
          parallelization_level: 'level_2',
          achievements: [
            { achievement_id: '1.1', title: 'One', dependencies: ['1.2'] },
            { achievement_id: '1.2', title: 'Two', dependencies: ['1.1'] },
          ],
        }),
      },
      false,
    );
    const root = mkdtempSync(join(tmpdir(), 'nx-plan-fuzz-'));
    try {
      writeFolder(root, { 'PLAN_FUZZ.md': '# PLAN: FUZZ\n\n- Achievement 1.1: One\n', 'parallel.json': '{"plan_name": ' });
      const outcome = await runExecutor(validateExecutor, root, {});
      expect(outcome.success).toBe(false);
      expect(outcome.stdout).toMatch(/plans\/FUZZ\/parallel\.json:1:\d+\s+error\s+PLAN001/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
