/**
 * Create a new file inside a plan folder, never overwriting: the parent
 * folders are made, every one of them must stay inside the plan folder once
 * symbolic links are followed, and the file is opened with `wx`, so a file
 * that appeared in the meantime is refused rather than replaced.
 */
import { closeSync, mkdirSync, openSync, realpathSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ToolRefusal } from '../lib/tool-input-error';
import { isInside } from './confine-path';

export function createFileOnce(planAbs: string, relative: string, content: string): void {
  const target = join(planAbs, ...relative.split('/'));
  const folder = dirname(target);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new ToolRefusal(`cannot create the folder ${dirname(relative)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was written`);
  }
  if (!isInside(realpathSync(planAbs), realpathSync(folder))) {
    throw new ToolRefusal(`${dirname(relative)} leads outside the plan folder through a symbolic link; nothing was written`);
  }
  let fd: number;
  try {
    fd = openSync(target, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ToolRefusal(`${relative} exists already and is never overwritten; nothing was written`);
    throw new ToolRefusal(`cannot create ${relative} (${code ?? (error as Error).message}); nothing was written`);
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}
