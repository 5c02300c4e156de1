/**
 * Signal a process and all its descendants. The agent command runs through a
 * shell (`sh -c …`), and a shell does not always `exec` its last command, so
 * signalling only the shell would leave the agent itself running.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isProcessAlive } from '@nx-plan/core';

/** parent pid → child pids, for every process we can see; undefined when the table cannot be read. */
export function readProcessTable(platform: NodeJS.Platform = process.platform): Map<number, number[]> | undefined {
  const pairs: [pid: number, ppid: number][] = [];
  if (platform === 'linux') {
    let entries: string[];
    try {
      entries = readdirSync('/proc');
    } catch {
      return undefined;
    }
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf-8');
        // `pid (comm) state ppid …`; comm may hold spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        pairs.push([Number(entry), Number(fields[1])]);
      } catch {
        // the process ended while we looked
      }
    }
  } else if (platform !== 'win32') {
    let out: string;
    try {
      out = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return undefined;
    }
    for (const line of out.split('\n')) {
      const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
      if (match) pairs.push([Number(match[1]), Number(match[2])]);
    }
  } else {
    return undefined;
  }
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of pairs) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  return children;
}

/** rootPid and every descendant, breadth first (iterative). */
export function processTree(rootPid: number, table = readProcessTable()): number[] {
  const result = [rootPid];
  if (table === undefined) return result;
  const seen = new Set(result);
  for (let i = 0; i < result.length; i++) {
    for (const child of table.get(result[i]) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        result.push(child);
      }
    }
  }
  return result;
}

/**
 * True while pid runs. A zombie (exited, not yet reaped by its parent) counts as
 * ended: on Linux its state in /proc/<pid>/stat is `Z`.
 */
export function isRunning(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf-8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

/** Send signal to each pid, ignoring the ones that are gone. */
export function signalPids(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone, or not ours
    }
  }
}

/** Signal rootPid and its descendants; returns the pids signalled. On Windows: `taskkill /T /F`. */
export function signalTree(rootPid: number, signal: NodeJS.Signals): number[] {
  if (process.platform === 'win32') {
    try {
      execFileSync('taskkill', ['/pid', String(rootPid), '/T', '/F'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
    return [rootPid];
  }
  const pids = processTree(rootPid);
  signalPids(pids, signal);
  return pids;
}
