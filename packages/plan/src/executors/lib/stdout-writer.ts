/**
 * A document written to stdout by an executor must reach Nx whole. Nx 23.2.1
 * runs an executor in a forked process whose stdout is a socket, and its
 * `run-executor` calls `process.exit()` as soon as the executor resolves:
 * whatever Node still had queued for that socket is lost (a 3.8 MB status
 * document arrived as its first 219–256 KB; docs/performance.md § The plugin
 * at scale). So `writeStdout` hands the text to the stream and remembers the
 * write; runSafely awaits `drainStdout` before the executor resolves.
 */

type Stream = Pick<NodeJS.WriteStream, 'write'>;

let pending: Promise<void> = Promise.resolve();
let failure: unknown;

/** Writes text to stdout now; drainStdout resolves once it has left the process (a write error is kept for it). */
export function writeStdout(text: string, stream: Stream = process.stdout): void {
  const written = write(stream, text).catch((error: unknown) => {
    failure ??= error;
  });
  pending = pending.then(() => written);
}

/**
 * Resolves when everything written by writeStdout, and everything written to
 * the stream before this call, has been handed to the operating system;
 * rejects with the first write error since the last call.
 */
export async function drainStdout(stream: Stream = process.stdout): Promise<void> {
  await pending;
  if (failure !== undefined) {
    const error = failure;
    failure = undefined;
    throw error;
  }
  await write(stream, '');
}

function write(stream: Stream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}
