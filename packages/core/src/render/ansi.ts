/**
 * A few ANSI styles, applied only when asked (callers decide from NO_COLOR /
 * TTY). Kept local so the engine has no colour dependency.
 */
export interface Style {
  (text: string): string;
}

const wrap =
  (open: number, close: number): Style =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Style = (text) => text;

export interface Palette {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
  blue: Style;
  magenta: Style;
  cyan: Style;
  gray: Style;
}

const COLORS: Palette = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  magenta: wrap(35, 39),
  cyan: wrap(36, 39),
  gray: wrap(90, 39),
};

const NO_COLORS: Palette = {
  bold: plain,
  dim: plain,
  red: plain,
  green: plain,
  yellow: plain,
  blue: plain,
  magenta: plain,
  cyan: plain,
  gray: plain,
};

export function palette(color: boolean | undefined): Palette {
  return color === true ? COLORS : NO_COLORS;
}

/** Length as shown in a terminal, ignoring ANSI escapes (code points, not UTF-16 units). */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** Pads to a visible width. */
export function padEnd(text: string, width: number): string {
  const length = visibleLength(text);
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** Cuts to at most width code points, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
