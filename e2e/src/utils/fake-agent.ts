import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A stand-in for an LLM agent: `node agent.js <log file> <achievement id>`
 * appends `start <id> <ms>`, sleeps, then appends `end <id> <ms>`. The log
 * shows when each achievement ran, so the test can check the scheduling.
 */
const AGENT_SOURCE = `'use strict';
const { appendFileSync } = require('node:fs');
const [logFile, id] = process.argv.slice(2);
if (!logFile || !id) {
  console.error('usage: agent.js <log file> <achievement id>');
  process.exit(2);
}
appendFileSync(logFile, 'start ' + id + ' ' + Date.now() + '\\n');
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
}

/** Reads the log into one run per achievement; an id with a start but no end gets `end: NaN`. */
export function readAgentLog(file: string): AgentRun[] {
  const runs = new Map<string, AgentRun>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(start|end) (\S+) (\d+)$/.exec(line.trim());
    if (!match) continue;
    const [, kind, id, time] = match;
    const run = runs.get(id) ?? { id, start: NaN, end: NaN };
    if (kind === 'start') run.start = Number(time);
    else run.end = Number(time);
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
