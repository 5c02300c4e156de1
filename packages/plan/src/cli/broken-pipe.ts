/**
 * `nx-plan status --json | head -1`: when the reader of stdout goes away
 * early, the write fails with EPIPE. That is the reader's choice, not an error
 * of the command: end quietly (exit 0, no stack trace) instead of Node's
 * unhandled 'error' event. Any other stdout error is one line and exit 1.
 */
let installed = false;

export function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  if (installed) return;
  installed = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`error: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
}
