/**
 * The executors' error boundary: any exception becomes one `error:` line on
 * stderr and `{ success: false }`. The stack trace is printed only with
 * `--verbose`.
 */
import { logger, type ExecutorContext } from '@nx/devkit';
import { drainStdout } from './stdout-writer';

export async function runSafely(
  context: Pick<ExecutorContext, 'isVerbose'>,
  run: () => boolean | Promise<boolean>
): Promise<{ success: boolean }> {
  try {
    const success = await run();
    // Nx exits the task process as soon as the executor resolves: let stdout reach Nx first.
    await drainStdout();
    return { success };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    logger.error(`error: ${message.split('\n')[0]}`);
    if (context.isVerbose && e instanceof Error && e.stack) {
      logger.error(e.stack);
    }
    return { success: false };
  }
}
