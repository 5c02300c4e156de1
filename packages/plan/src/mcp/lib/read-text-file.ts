/** A plan file's text for a tool result, cut at a size a model can take in one piece. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export const MAX_FILE_CHARS = 200_000;

export interface FileText {
  content: string;
  /** True when the file was longer than MAX_FILE_CHARS and was cut. */
  truncated?: boolean;
}

/** The file's text, or undefined when it cannot be read as a file. */
export function readTextFile(path: string, max = MAX_FILE_CHARS): FileText | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(max * 4 + 4);
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytes).toString('utf8');
    if (text.length > max || bytes === buffer.length) return { content: text.slice(0, max), truncated: true };
    return { content: text };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
