/**
 * Remembers whether a test of an e2e file failed (so that `afterAll` can keep
 * the workspace with E2E_KEEP=1) and adds where to look to the failure's
 * message.
 */
export class FailureTracker {
  failed = false;

  /** `where()` is appended to a failure's message, e.g. `e2e workspace: /tmp/…`. */
  constructor(private readonly where: () => string) {}

  /** Wraps a test body. */
  readonly tracked = (body: () => Promise<void>): (() => Promise<void>) => {
    return async () => {
      try {
        await body();
      } catch (error) {
        this.failed = true;
        if (error instanceof Error) error.message += `\n(${this.where()})`;
        throw error;
      }
    };
  };
}
