/**
 * Messages of executors that run once per Nx task process (run-achievement):
 * info lines on stdout, warnings and errors on stderr, warnings bold yellow and
 * errors bold red when colour is on — what `logger` from `@nx/devkit` prints,
 * without loading `@nx/devkit` (its index pulls in most of Nx's devkit API:
 * about 0.1–0.35 s of a task process that lives for one achievement; see
 * docs/performance.md § Orchestration).
 *
 * Colour follows NO_COLOR (https://no-color.org: set and not empty → off), then
 * FORCE_COLOR (Nx sets it for its task processes; `0`/`false` → off), then
 * whether the stream is a colour terminal.
 */

import { shouldUseColor } from './color';

type Stream = Pick<NodeJS.WriteStream, 'write' | 'isTTY'> & { hasColors?: (count?: number) => boolean };

/** Whether text written to the stream gets ANSI colours. */
export function colourEnabled(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  const colourTerminal = stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors();
  return shouldUseColor({ isTTY: colourTerminal }, env);
}

function styled(text: string, stream: Stream, open: string): string {
  return colourEnabled(stream) ? `\u001b[1m\u001b[${open}m${text}\u001b[39m\u001b[22m` : text;
}

function write(stream: Stream, text: string): void {
  stream.write(`${text}\n`);
}

export interface TaskLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Methods look the streams up on every call, so a test can spy on them (or on process.stdout/stderr). */
export const taskLogger: TaskLogger = {
  info(message: string): void {
    write(process.stdout, message);
  },
  warn(message: string): void {
    write(process.stderr, styled(message, process.stderr, '33'));
  },
  error(message: string): void {
    write(process.stderr, styled(message, process.stderr, '31'));
  },
};
