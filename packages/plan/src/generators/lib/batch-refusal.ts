/**
 * The one error the batch generators throw on purpose. Nx 23.2.1 prints a
 * thrown Error's first message line as the title and, for any error that has
 * a stack, adds "Pass --verbose to see the stacktrace."
 * (nx/src/utils/handle-errors.js). A refusal is an answer, not a crash: it
 * has no stack, so Nx prints the message alone and exits 1 (with --verbose it
 * shows the message again instead of a stack trace). The message is one line.
 */
export class BatchRefusal extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'BatchRefusal';
    Object.setPrototypeOf(this, BatchRefusal.prototype);
    withoutStack(this);
  }
}

/** Drops an error's stack so Nx reports it as a plain message (see BatchRefusal). */
export function withoutStack<E extends Error>(error: E): E {
  Object.defineProperty(error, 'stack', { value: '', writable: true, configurable: true, enumerable: false });
  return error;
}
