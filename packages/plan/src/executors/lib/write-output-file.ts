/**
 * Writes a rendered document to `--outputFile`. The path is relative to the
 * workspace root (absolute paths are kept). Parent folders are created; the
 * content goes to a temporary sibling first and is renamed into place, so a
 * reader never sees a partial file and a failure leaves no half-written file.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error';

export function writeOutputFile(workspaceRoot: string, outputFile: string, content: string): string {
  const target = resolve(workspaceRoot, outputFile);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) {
    throw new UsageError(`--outputFile "${outputFile}" is a directory`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    writeFileSync(temp, content, { encoding: 'utf-8', flag: 'wx' });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return target;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
