import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A stand-in for an LLM agent: `node agent.js <log file> <achievement id> <plan dir>`
 * appends `start <id> <ms> markers=<n>` (n = in_progress markers of that
 * achievement present while it runs), sleeps, then appends `end <id> <ms>`.
 * The log shows when each achievement ran, so the test can check the scheduling.
 */
const AGENT_SOURCE = `'use strict';
const { appendFileSync, existsSync, readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const [logFile, id, planDir] = process.argv.slice(2);
if (!logFile || !id) {
  console.error('usage: agent.js <log file> <achievement id> [plan dir]');
  process.exit(2);
}
// How many in_progress markers of this achievement exist while the agent runs.
const markersDir = planDir ? join(resolve(planDir), 'execution', '.in-progress') : '';
const nm = id.replace('.', '');
const markers = markersDir && existsSync(markersDir)
  ? readdirSync(markersDir).filter((f) => f.replace(/\\.[^.]*$/, '').endsWith('_' + nm)).length
  : 0;
appendFileSync(logFile, 'start ' + id + ' ' + Date.now() + ' markers=' + markers + '\\n');
setTimeout(() => {
  appendFileSync(logFile, 'end ' + id + ' ' + Date.now() + '\\n');
  console.log('agent finished ' + id);
}, SLEEP_MS);
`;

export function writeFakeAgent(file: string, sleepMs: number): void {
  writeFileSync(file, AGENT_SOURCE.replace('SLEEP_MS', String(sleepMs)));
}

export interface AgentRun {
  id: string;
  start: number;
  end: number;
  /** in_progress markers of this achievement seen by the agent at start. */
  markers: number;
  /** How many times the agent was started for this id. */
  starts: number;
}

/** Reads the log into one run per achievement; an id with a start but no end gets `end: NaN`. */
export function readAgentLog(file: string): AgentRun[] {
  const runs = new Map<string, AgentRun>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(start|end) (\S+) (\d+)(?: markers=(\d+))?$/.exec(line.trim());
    if (!match) continue;
    const [, kind, id, time, markers] = match;
    const run = runs.get(id) ?? { id, start: NaN, end: NaN, markers: 0, starts: 0 };
    if (kind === 'start') {
      run.start = Number(time);
      run.markers = Number(markers ?? 0);
      run.starts += 1;
    } else {
      run.end = Number(time);
    }
    runs.set(id, run);
  }
  return [...runs.values()];
}

/** Pairs of runs whose [start, end] intervals overlap. */
export function overlappingPairs(runs: readonly AgentRun[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      if (runs[i].start < runs[j].end && runs[j].start < runs[i].end) pairs.push([runs[i].id, runs[j].id]);
    }
  }
  return pairs;
}
