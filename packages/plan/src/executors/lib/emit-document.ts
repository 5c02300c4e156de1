/**
 * Sends a machine-readable document (JSON, Mermaid, DOT) to its one
 * destination: the `--outputFile` (exactly the document, nothing else), or
 * stdout (exactly the document, nothing else; messages go to stderr).
 */
import { taskLogger as logger } from './task-logger';
import { relativeToRoot } from './resolve-plan-folders';
import { writeOutputFile } from './write-output-file';

export function emitDocument(workspaceRoot: string, document: string, outputFile: string | undefined): void {
  const text = document.endsWith('\n') ? document : `${document}\n`;
  if (outputFile) {
    const written = writeOutputFile(workspaceRoot, outputFile, text);
    logger.info(`Wrote ${relativeToRoot(workspaceRoot, written)}`);
  } else {
    process.stdout.write(text);
  }
}
