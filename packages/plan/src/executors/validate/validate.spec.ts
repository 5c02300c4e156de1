import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { captureOutput, withEnv, type CapturedOutput } from '../../testing/capture-output';
import { executorContext } from '../../testing/executor-context';
import { BAD_PLAN, GOOD_PLAN, WARN_PLAN } from '../../testing/plan-fixtures';
import { createTempWorkspace, type TempWorkspace } from '../../testing/temp-workspace';
import validateDefault, { validateExecutor, type ValidateDocument } from './validate';

const ESC = '\u001b[';

describe('validate executor', () => {
  let ws: TempWorkspace;
  let out: CapturedOutput;

  beforeEach(() => {
    ws = createTempWorkspace('nx-plan-validate-');
    ws.write({ ...GOOD_PLAN, ...BAD_PLAN, ...WARN_PLAN });
    out = captureOutput();
  });

  afterEach(() => {
    out.restore();
    ws.cleanup();
  });

  const run = (options: Parameters<typeof validateExecutor>[0], projectName?: string) =>
    withEnv({ NO_COLOR: '1', FORCE_COLOR: undefined }, () =>
      validateExecutor(
        options,
        executorContext(
          ws.root,
          {
            'plan-good': { root: 'plans/GOOD' },
            'plan-bad': { root: 'plans/BAD' },
            plan: { root: '.nx-plan' },
          },
          projectName
        )
      )
    );

  it('is the default export too', () => {
    expect(validateDefault).toBe(validateExecutor);
  });

  it('succeeds on a clean plan, validating the project root by default', async () => {
    await expect(run({}, 'plan-good')).resolves.toEqual({ success: true });
    expect(out.stdout()).toContain('GOOD  plans/GOOD');
    expect(out.stdout()).not.toContain('error');
    expect(out.errors).toEqual([]);
  });

  it('fails on errors and prints each one located relative to the workspace root', async () => {
    await expect(run({ plan: 'plans/BAD' })).resolves.toEqual({ success: false });
    const text = out.stdout();
    expect(text).toContain('plans/BAD/parallel.json:6:80');
    expect(text).toContain('PLAN004');
    expect(text).toContain('9.9');
    expect(text).not.toContain(ws.root);
  });

  it('passes with warnings, and fails on them with --strict', async () => {
    await expect(run({ plan: 'plans/WARN' })).resolves.toEqual({ success: true });
    expect(out.stdout()).toContain('plans/WARN/parallel.json:5:41');
    expect(out.stdout()).toContain('PLAN015');

    await expect(run({ plan: 'plans/WARN', strict: true })).resolves.toEqual({ success: false });
  });

  it('prints one JSON document and nothing else with --format=json', async () => {
    await expect(run({ plans: ['plans/GOOD', 'plans/BAD'], format: 'json' })).resolves.toEqual({ success: false });
    const document = JSON.parse(out.stdout()) as ValidateDocument;

    expect(document.version).toBe(1);
    expect(document.plans.map((p) => [p.name, p.dir])).toEqual([
      ['GOOD', 'plans/GOOD'],
      ['BAD', 'plans/BAD'],
    ]);
    expect(document.plans[0].diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(document.plans[1].diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'PLAN004',
        severity: 'error',
        file: 'plans/BAD/parallel.json',
        line: 6,
        column: 80,
      })
    );
    expect(out.messages).toEqual([]);
    expect(out.errors).toEqual([]);
  });

  it('writes exactly the JSON document to --outputFile, creating folders, and prints no JSON', async () => {
    await expect(run({ plan: 'plans/BAD', format: 'json', outputFile: 'reports/deep/validate.json' })).resolves.toEqual(
      { success: false }
    );
    const written = readFileSync(ws.path('reports/deep/validate.json'), 'utf-8');
    const document = JSON.parse(written) as ValidateDocument;
    expect(document.plans[0].name).toBe('BAD');
    expect(out.stdout()).toBe('');
    expect(out.messages).toEqual(['Wrote reports/deep/validate.json']);
    // No temporary file is left next to it.
    expect(readdirSync(ws.path('reports/deep'))).toEqual(['validate.json']);
  });

  it('writes the pretty report without colour codes to --outputFile as well as printing it', async () => {
    await withEnv({ FORCE_COLOR: '1' }, async () => {
      await validateExecutor(
        { plan: 'plans/BAD', outputFile: 'out/report.txt' },
        executorContext(ws.root)
      );
    });
    const written = readFileSync(ws.path('out/report.txt'), 'utf-8');
    expect(written).toContain('plans/BAD/parallel.json:6:80');
    expect(written).not.toContain(ESC);
    expect(out.stdout()).toContain(ESC);
  });

  it('uses no colour when NO_COLOR is set, even with FORCE_COLOR', async () => {
    await withEnv({ NO_COLOR: '1', FORCE_COLOR: '1' }, () =>
      validateExecutor({ plan: 'plans/BAD' }, executorContext(ws.root))
    );
    expect(out.stdout()).not.toContain(ESC);
  });

  it('uses no colour when stdout is not a TTY and FORCE_COLOR is unset', async () => {
    const isTTY = process.stdout.isTTY;
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    try {
      await withEnv({ NO_COLOR: undefined, FORCE_COLOR: undefined }, () =>
        validateExecutor({ plan: 'plans/BAD' }, executorContext(ws.root))
      );
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true });
    }
    expect(out.stdout()).not.toContain(ESC);
  });

  it('warns on stderr when --plan points a cached target outside its inputs', async () => {
    const context = executorContext(
      ws.root,
      {
        'plan-good': {
          root: 'plans/GOOD',
          targets: { validate: { executor: '@nx-plan/plan:validate', cache: true } },
        },
        'plan-bad': { root: 'plans/BAD' },
      },
      'plan-good'
    );
    context.targetName = 'validate';
    await withEnv({ NO_COLOR: '1' }, () => validateExecutor({ plan: 'plans/BAD', format: 'json' }, context));
    expect(out.messages).toEqual([
      'warning: plans/BAD is not an input of plan-good:validate, so Nx may replay this result from its cache ' +
        'after plans/BAD changes; run it with --skip-nx-cache, or run nx run plan-bad:validate',
    ]);
    expect(JSON.parse(out.stdout()).plans[0].name).toBe('BAD');

    out.messages.length = 0;
    await withEnv({ NO_COLOR: '1' }, () => validateExecutor({ plan: 'plans/GOOD' }, context));
    expect(out.messages).toEqual([]);
  });

  it('reports a missing plan folder in one line, without a stack trace', async () => {
    await expect(run({ plan: 'plans/NOPE' })).resolves.toEqual({ success: false });
    expect(out.errors).toEqual(['error: plan folder "plans/NOPE" does not exist']);
    expect(out.stdout()).toBe('');
  });

  it('refuses an --outputFile that is a directory without writing anything', async () => {
    ws.write({ 'reports/existing/.keep': '' });
    await expect(run({ plan: 'plans/GOOD', format: 'json', outputFile: 'reports/existing' })).resolves.toEqual({
      success: false,
    });
    expect(out.errors).toEqual(['error: --outputFile "reports/existing" is a directory']);
    expect(readdirSync(ws.path('reports/existing'))).toEqual(['.keep']);
    expect(existsSync(ws.path('reports/existing.json'))).toBe(false);
  });

  it('validates every plan of the workspace when the project is not a plan folder and no list is given', async () => {
    await expect(run({ format: 'json' }, 'plan')).resolves.toEqual({ success: false });
    const document = JSON.parse(out.stdout()) as ValidateDocument;
    expect(document.plans.map((p) => p.dir).sort()).toEqual(['plans/BAD', 'plans/GOOD', 'plans/WARN']);
  });
});
