import { spawnSync } from 'node:child_process';
import { isProcessAlive } from './is-process-alive';

describe('isProcessAlive', () => {
  it('is true for this very process', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
  });
  it('is false for a process that has exited', () => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.pid).toBeGreaterThan(0);
    // The child has been reaped by spawnSync; its pid is free (reuse within the test is practically impossible).
    expect(isProcessAlive(child.pid as number)).toBe(false);
  });
  it('is false for pids that cannot name a process', () => {
    expect(isProcessAlive(0)).toBe(false);
    expect(isProcessAlive(-1)).toBe(false);
    expect(isProcessAlive(1.5)).toBe(false);
    expect(isProcessAlive(Number.NaN)).toBe(false);
  });
});
