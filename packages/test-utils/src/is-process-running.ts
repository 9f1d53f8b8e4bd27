import { readFileSync } from 'node:fs';

/**
 * Whether `pid` is a live process. On Linux a zombie counts as gone: an orphaned server
 * whose parent died lingers as one where init does not reap (as in many containers).
 *
 * @example
 * await server.stop();
 * expect(isProcessRunning(server.pid)).toBe(false);
 */
export function isProcessRunning(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      // The state letter follows the parenthesized command name, which may hold spaces.
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
      return state !== 'Z' && state !== 'X';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
