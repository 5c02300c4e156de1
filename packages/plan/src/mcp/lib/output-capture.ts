/**
 * The generators print (the Nx logger, `--json` summaries) to stdout and
 * stderr. Under the MCP stdio transport stdout carries the protocol, so a
 * stray line there would corrupt it: `protectProtocolStream` keeps the real
 * stdout for the transport alone and sends everything else written to
 * process.stdout to stderr. `captureOutput` collects what one piece of work
 * prints; captures run one at a time (writers are serialised anyway).
 */
import type { Writable } from 'node:stream';

type Write = typeof process.stdout.write;

interface Sink {
  stdout: string[];
  stderr: string[];
}

let active: Sink | undefined;
let queue: Promise<unknown> = Promise.resolve();

function chunkText(chunk: unknown, encoding?: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return String(chunk);
}

function callbackOf(args: unknown[]): ((error?: Error | null) => void) | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as (error?: Error | null) => void) : undefined;
}

function intercept(stream: NodeJS.WriteStream, key: keyof Sink, fallback: () => Write): void {
  (stream as { write: Write }).write = ((chunk: unknown, ...rest: unknown[]) => {
    if (active) {
      active[key].push(chunkText(chunk, rest[0]));
      callbackOf(rest)?.();
      return true;
    }
    return (fallback() as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as Write;
}

let installed: { stdout: Write; stderr: Write } | undefined;

function install(): { stdout: Write; stderr: Write } {
  if (installed) return installed;
  const original = { stdout: process.stdout.write.bind(process.stdout) as Write, stderr: process.stderr.write.bind(process.stderr) as Write };
  installed = original;
  intercept(process.stdout, 'stdout', () => original.stdout);
  intercept(process.stderr, 'stderr', () => original.stderr);
  return original;
}

/**
 * For the stdio transport: a stream that writes to the real stdout, while
 * anything else written to process.stdout goes to stderr.
 */
export function protectProtocolStream(): Writable {
  const original = install();
  intercept(process.stdout, 'stdout', () => original.stderr);
  const protocol = {
    write: (chunk: unknown, ...rest: unknown[]) => (original.stdout as (...a: unknown[]) => boolean)(chunk, ...rest),
    once: (event: string, listener: (...args: unknown[]) => void) => {
      process.stdout.once(event, listener);
      return protocol;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      process.stdout.on(event, listener);
      return protocol;
    },
  };
  return protocol as unknown as Writable;
}

const CONSOLE_STREAMS = { log: 'stdout', info: 'stdout', debug: 'stdout', warn: 'stderr', error: 'stderr' } as const;

/**
 * The console too: the Nx logger prints through it, and a test runner may
 * have replaced it with one that does not write to process.stdout/stderr.
 */
function captureConsole(sink: Sink): () => void {
  const saved = new Map<keyof typeof CONSOLE_STREAMS, (...args: unknown[]) => void>();
  for (const [method, stream] of Object.entries(CONSOLE_STREAMS) as [keyof typeof CONSOLE_STREAMS, keyof Sink][]) {
    saved.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      sink[stream].push(`${args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')}\n`);
    };
  }
  return () => {
    for (const [method, fn] of saved) console[method] = fn;
  };
}

export interface Captured<T> {
  value?: T;
  error?: unknown;
  stdout: string;
  stderr: string;
}

/** Run `work` with stdout/stderr writes collected instead of printed; one capture at a time. */
export function captureOutput<T>(work: () => Promise<T>): Promise<Captured<T>> {
  const run = async (): Promise<Captured<T>> => {
    install();
    const sink: Sink = { stdout: [], stderr: [] };
    active = sink;
    const restoreConsole = captureConsole(sink);
    try {
      const value = await work();
      return { value, stdout: sink.stdout.join(''), stderr: sink.stderr.join('') };
    } catch (error) {
      return { error, stdout: sink.stdout.join(''), stderr: sink.stderr.join('') };
    } finally {
      restoreConsole();
      active = undefined;
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
