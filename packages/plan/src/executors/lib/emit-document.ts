/**
 * Sends a machine-readable document (JSON, Mermaid, DOT) to its one
 * destination: the `--outputFile` (exactly the document, nothing else), or
 * stdout (exactly the document, nothing else; messages go to stderr).
 */
import { taskLogger as logger } from './task-logger';
import { relativeToRoot } from './resolve-plan-folders';
import { writeStdout } from './stdout-writer';
import { writeOutputFile } from './write-output-file';

export function emitDocument(workspaceRoot: string, document: string, outputFile: string | undefined): void {
  const text = safeLineSeparators(document.endsWith('\n') ? document : `${document}\n`);
  if (outputFile) {
    const written = writeOutputFile(workspaceRoot, outputFile, text);
    logger.info(`Wrote ${relativeToRoot(workspaceRoot, written)}`);
  } else {
    // Executors await drainStdout before Nx ends their process (lib/stdout-writer).
    writeStdout(text);
  }
}

/**
 * JSON.stringify leaves U+0085, U+2028 and U+2029 raw inside strings; tools
 * that split text into lines (Nx's task output among them) treat them as
 * line breaks. In a JSON document they are written as \u escapes instead:
 * the same JSON value, one line per line. Other documents are left alone.
 */
export function safeLineSeparators(text: string): string {
  if (!(text.startsWith('{') || text.startsWith('[')) || !/[\u0085\u2028\u2029]/.test(text)) return text;
  return text.replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
