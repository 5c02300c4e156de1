/**
 * The one error the batch generators throw on purpose. Nx 23.2.1 prints a
 * thrown Error's first message line as the title and hides the stack unless
 * `--verbose` (nx/src/utils/handle-errors.js), so the message is one line.
 */
export class BatchRefusal extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'BatchRefusal';
    Object.setPrototypeOf(this, BatchRefusal.prototype);
  }
}
