/** Test helper: collects what an executor writes to stdout and logs through the Nx logger (or taskLogger). */
import { logger } from '@nx/devkit';
import { taskLogger } from '../executors/lib/task-logger';

export interface CapturedOutput {
  /** Everything written to process.stdout. */
  stdout(): string;
  /** logger.error messages. */
  errors: string[];
  /** logger.info/log/warn messages. */
  messages: string[];
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const errors: string[] = [];
  const messages: string[] = [];
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string | Uint8Array,
      encodingOrCallback?: unknown,
      callback?: unknown
    ) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf-8'));
      // Like the real stream, report the write as done (executors await it before resolving).
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }) as typeof process.stdout.write),
    jest.spyOn(logger, 'error').mockImplementation((m: unknown) => void errors.push(String(m))),
    jest.spyOn(logger, 'info').mockImplementation((m: unknown) => void messages.push(String(m))),
    jest.spyOn(logger, 'log').mockImplementation((...m: unknown[]) => void messages.push(m.join(' '))),
    jest.spyOn(logger, 'warn').mockImplementation((...m: unknown[]) => void messages.push(m.join(' '))),
    // run-achievement logs through taskLogger (no @nx/devkit in its task process).
    jest.spyOn(taskLogger, 'error').mockImplementation((m: string) => void errors.push(m)),
    jest.spyOn(taskLogger, 'info').mockImplementation((m: string) => void messages.push(m)),
    jest.spyOn(taskLogger, 'warn').mockImplementation((m: string) => void messages.push(m)),
  ];
  return {
    stdout: () => chunks.join(''),
    errors,
    messages,
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}

/** Runs fn with environment variables set (undefined deletes), then restores them. */
export async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
