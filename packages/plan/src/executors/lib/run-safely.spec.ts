import { captureOutput, type CapturedOutput } from '../../testing/capture-output';
import { runSafely } from './run-safely';
import { UsageError } from './usage-error';

describe('runSafely', () => {
  let out: CapturedOutput;
  beforeEach(() => (out = captureOutput()));
  afterEach(() => out.restore());

  it('passes the result through', async () => {
    await expect(runSafely({ isVerbose: false }, () => true)).resolves.toEqual({ success: true });
    await expect(runSafely({ isVerbose: false }, async () => false)).resolves.toEqual({ success: false });
    expect(out.errors).toEqual([]);
  });

  it('turns an exception into one error line without a stack trace', async () => {
    await expect(
      runSafely({ isVerbose: false }, () => {
        throw new UsageError('plan folder "x" does not exist');
      })
    ).resolves.toEqual({ success: false });
    expect(out.errors).toEqual(['error: plan folder "x" does not exist']);
  });

  it('adds the stack trace with --verbose', async () => {
    await runSafely({ isVerbose: true }, () => {
      throw new Error('boom');
    });
    expect(out.errors[0]).toBe('error: boom');
    expect(out.errors[1]).toMatch(/^Error: boom\n\s+at /);
  });
});
