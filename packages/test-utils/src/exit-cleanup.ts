import { rmSync } from 'node:fs';

const pids = new Set<number>();
const dirs = new Set<string>();
let installed = false;

/** SIGKILLs `pid` when this process exits, unless `untrackProcess` ran first. */
export function trackProcess(pid: number): void {
  install();
  pids.add(pid);
}

/** Stops tracking a process that has exited. */
export function untrackProcess(pid: number): void {
  pids.delete(pid);
}

/** Removes `dir` when this process exits, unless `untrackDir` ran first. */
export function trackDir(dir: string): void {
  install();
  dirs.add(dir);
}

/** Stops tracking a directory that is gone. */
export function untrackDir(dir: string): void {
  dirs.delete(dir);
}

function cleanUp(): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  pids.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

// `exit` covers normal ends and process.exit(). A signal ends the process without
// `exit`, so clean up, then re-raise it when no other listener will handle it.
function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUp();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}
