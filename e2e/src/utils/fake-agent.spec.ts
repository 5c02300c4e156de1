import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overlappingPairs, readAgentLog, writeFakeAgent } from './fake-agent';

describe('fake agent', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nx-plan-fake-agent-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('logs start (with the markers it sees) and end of one run', () => {
    const agent = join(dir, 'agent.js');
    const log = join(dir, 'agent.log');
    writeFakeAgent(agent, 20);
    mkdirSync(join(dir, 'plan', 'execution', '.in-progress'), { recursive: true });
    writeFileSync(join(dir, 'plan', 'execution', '.in-progress', 'IN_PROGRESS_21.json'), '{}');
    writeFileSync(join(dir, 'plan', 'execution', '.in-progress', 'IN_PROGRESS_11.json'), '{}');
    execFileSync(process.execPath, [agent, log, '2.1', join(dir, 'plan')]);
    execFileSync(process.execPath, [agent, log, '1.2', join(dir, 'plan')]);
    const runs = readAgentLog(log);
    expect(runs.map((r) => [r.id, r.starts, r.markers])).toEqual([
      ['2.1', 1, 1],
      ['1.2', 1, 0],
    ]);
    for (const run of runs) expect(run.end).toBeGreaterThanOrEqual(run.start);
  });

  it('finds overlapping runs, and only those', () => {
    const runs = [
      { id: 'a', start: 0, end: 10, markers: 1, starts: 1 },
      { id: 'b', start: 5, end: 15, markers: 1, starts: 1 },
      { id: 'c', start: 15, end: 20, markers: 1, starts: 1 },
    ];
    expect(overlappingPairs(runs)).toEqual([['a', 'b']]);
  });
});
