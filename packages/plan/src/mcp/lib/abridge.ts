/** Long lists in a tool's text form: the first items and how many more there are (the structured result has them all). */
export function abridge<T>(items: readonly T[], max: number, show: (item: T) => string, separator = ', '): string {
  const shown = items.slice(0, max).map(show).join(separator);
  return items.length > max ? `${shown}${separator}… (+${items.length - max} more)` : shown;
}
