/**
 * Every path an MCP client hands over is confined to the workspace: a
 * relative path that climbs out (`..`), an absolute path elsewhere, or a
 * symbolic link that leads outside is refused, naming the argument.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ToolInputError } from '../lib/tool-input-error';

/** True when `child` is `parent` or lies below it (both absolute, normalised). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The absolute form of `value` (workspace-relative or absolute), refused
 * with a ToolInputError naming `argument` when it is not inside the
 * workspace, lexically or once symbolic links are followed.
 */
export function confinePath(workspaceRoot: string, argument: string, value: string): string {
  if (value.includes('\0')) throw new ToolInputError(argument, 'a path cannot contain a NUL character');
  const abs = resolve(workspaceRoot, value);
  if (!isInside(workspaceRoot, abs)) {
    throw new ToolInputError(argument, `"${value}" is outside the workspace ${workspaceRoot}; give a path inside it`);
  }
  const realRoot = realpathOrSelf(workspaceRoot);
  const real = realpathOrSelf(abs);
  if (!isInside(realRoot, real)) {
    throw new ToolInputError(argument, `"${value}" leads outside the workspace through a symbolic link`);
  }
  return abs;
}

/** Workspace-relative, '/'-separated form of an absolute path inside the workspace ('.' for the root). */
export function workspaceRelative(workspaceRoot: string, abs: string): string {
  const rel = relative(workspaceRoot, abs);
  return rel === '' ? '.' : rel.split(sep).join('/');
}
