/** A bad command line (unknown command or option, missing value): exit code 2 and a pointer to --help. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at (undefined: the global help). */
    readonly command?: string
  ) {
    super(message);
    this.name = 'CliUsageError';
    Object.setPrototypeOf(this, CliUsageError.prototype);
  }
}

export const EXIT_OK = 0;
/** Validation errors, unreadable plans, bad plan arguments: what the executors report as a failure. */
export const EXIT_FAILURE = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;
