/**
 * A refusal is an answer, not a crash: Nx must print its message without
 * "Pass --verbose to see the stacktrace." and, with --verbose, without a
 * stack trace. Checked through Nx's own error printer and through real
 * `nx g` processes in this repository.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { handleErrors } from 'nx/src/utils/handle-errors';
import { PlanRefusedError } from '../../utils/load-tree-plan';
import { BatchRefusal } from './batch-refusal';
import { PromptInterrupted } from './confirm-batch';

const REPO_ROOT = path.resolve(__dirname, '../../../../..');
const STACK_FRAME = /^\s+at\s+\S.*(\(|:\d+:\d+)/m;

/** What Nx's handleErrors prints and returns for an error thrown by a command. */
async function nxReport(error: Error, verbose: boolean): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    jest.spyOn(console, 'error').mockImplementation(capture),
    jest.spyOn(console, 'log').mockImplementation(capture),
    jest.spyOn(console, 'warn').mockImplementation(capture),
  ];
  try {
    const code = await handleErrors(verbose, async () => {
      throw error;
    });
    return { code, text: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe("Nx's report of a refusal", () => {
  const refusals: Array<[string, () => Error]> = [
    ['BatchRefusal', () => new BatchRefusal('batch-subplan refused: achievement 9.9 does not exist; nothing was written')],
    ['PlanRefusedError', () => new PlanRefusedError('discover: no plan named "NOPE" (plans in this workspace: DEMO)')],
    ['PromptInterrupted', () => new PromptInterrupted('batch-subplan')],
  ];

  it.each(refusals)('%s: the message, exit 1, no "Pass --verbose" line', async (_name, make) => {
    const error = make();
    const { code, text } = await nxReport(error, false);
    expect(code).toBe(1);
    expect(text).toContain(error.message.split('\n')[0]);
    expect(text).not.toContain('Pass --verbose');
    expect(text).not.toMatch(STACK_FRAME);
  });

  it.each(refusals)('%s with --verbose: still no stack trace', async (_name, make) => {
    const { text } = await nxReport(make(), true);
    expect(text).not.toMatch(STACK_FRAME);
  });

  it('a real crash (a plain Error) still gets the hint, so the check above can fail', async () => {
    const { text } = await nxReport(new Error('boom'), false);
    expect(text).toContain('Pass --verbose to see the stacktrace.');
  });
});

describe('refusals of real `nx g` processes', () => {
  jest.setTimeout(180_000);

  function nxG(args: string[]) {
    const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'nx'), ['g', ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      input: '',
      timeout: 170_000,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_INTERACTIVE: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  }

  it.each([
    ['batch-subplan', ['plan:batch-subplan', '--plan=NO-SUCH-PLAN', '--yes'], 'no plan named "NO-SUCH-PLAN"'],
    ['discover', ['plan:discover', '--plan=NO-SUCH-PLAN', '--dryRun'], 'no plan named "NO-SUCH-PLAN"'],
  ])('%s on an unknown plan exits 1 with the message alone', (_name, args, message) => {
    const result = nxG(args);
    expect({ status: result.status, hasMessage: result.output.includes(message) }).toEqual({ status: 1, hasMessage: true });
    expect(result.output).not.toContain('Pass --verbose');
    expect(result.output).not.toMatch(STACK_FRAME);
  });
});
