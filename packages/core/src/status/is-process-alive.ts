/**
 * Liveness of the process that holds an in_progress marker. `kill(pid, 0)`
 * sends no signal: it only asks the OS whether the process exists. EPERM means
 * it exists but belongs to someone else, which still counts as alive.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException | undefined)?.code === 'EPERM';
  }
}
