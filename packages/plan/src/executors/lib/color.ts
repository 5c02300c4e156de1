/**
 * Whether to colour terminal output, with the same precedence as picocolors
 * (which Nx itself uses): NO_COLOR set and non-empty disables colour, then
 * FORCE_COLOR (`0`/`false` disables, anything else enables; Nx sets it for
 * the tasks it runs), then whether the stream is a TTY.
 */
export function shouldUseColor(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env
): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

const CODES = { red: [31, 39], green: [32, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] } as const;

export type Paint = (style: keyof typeof CODES, text: string) => string;

/** A painter that wraps text in ANSI codes, or leaves it alone when colour is off. */
export function painter(color: boolean): Paint {
  return (style, text) => (color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}
