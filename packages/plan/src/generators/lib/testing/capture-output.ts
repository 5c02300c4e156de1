/**
 * Capture what a generator prints through the devkit logger, stdout and
 * stderr during a test, and keep the test output quiet.
 */
import { logger } from '@nx/devkit';

export interface CapturedOutput {
  info: string[];
  error: string[];
  warn: string[];
  stdout: string[];
  stderr: string[];
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const out: CapturedOutput = { info: [], error: [], warn: [], stdout: [], stderr: [], restore: () => undefined };
  const spies = [
    jest.spyOn(logger, 'info').mockImplementation((...args: unknown[]) => void out.info.push(args.join(' '))),
    jest.spyOn(logger, 'error').mockImplementation((...args: unknown[]) => void out.error.push(args.join(' '))),
    jest.spyOn(logger, 'warn').mockImplementation((...args: unknown[]) => void out.warn.push(args.join(' '))),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.stdout.push(String(chunk));
      return true;
    }),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.stderr.push(String(chunk));
      return true;
    }),
  ];
  out.restore = () => spies.forEach((spy) => spy.mockRestore());
  return out;
}
