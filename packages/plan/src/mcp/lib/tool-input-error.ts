/**
 * A bad tool argument. The server answers it with a tool error
 * (`isError: true`) whose text starts with the argument's name, and keeps
 * serving.
 */
export class ToolInputError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
    this.name = 'ToolInputError';
    Object.setPrototypeOf(this, ToolInputError.prototype);
  }
}

/** A request the tool understood but refuses to carry out (nothing was written). */
export class ToolRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolRefusal';
    Object.setPrototypeOf(this, ToolRefusal.prototype);
  }
}
