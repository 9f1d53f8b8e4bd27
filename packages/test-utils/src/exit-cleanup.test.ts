import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isProcessRunning } from './is-process-running.js';
import { withParentDeathSignal } from './redis-binary.js';
import { waitUntil } from './wait-until.js';

interface Started {
  pid: number;
  dir: string;
}

// A child node process starts a server, reports it, then runs `then` without stopping it.
const serverModule = fileURLToPath(new URL('./redis-server.ts', import.meta.url));
const childArgs = (then: string): string[] => [
  ...['--import', 'tsx', '--input-type=module', '-e'],
  `const { startRedisServer } = await import(${JSON.stringify(serverModule)});
   const { pid, dir } = await startRedisServer();
   process.stdout.write(JSON.stringify({ pid, dir }) + '\\n');
   ${then}`,
];

const toDie = (pid: number): Promise<void> =>
  waitUntil(`pid ${pid} to die`, async () => !isProcessRunning(pid), { timeoutMs: 2_000 });

describe('servers die with the process that started them', () => {
  it('on a normal exit without stop(), which also removes the dir', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, childArgs('process.exit(0);'));
    const started = JSON.parse(stdout) as Started;
    await toDie(started.pid);
    expect(existsSync(started.dir)).toBe(false);
  });

  // No exit hook runs on SIGKILL; this relies on setpriv's parent-death signal.
  const hasSetpriv = withParentDeathSignal('redis-server', [])[0] === 'setpriv';
  it.runIf(hasSetpriv)('when the parent is SIGKILLed', async () => {
    const child = spawn(process.execPath, childArgs('setInterval(() => {}, 1000);'));
    const started = await new Promise<Started>((resolve) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(String(chunk)) as Started));
    });
    expect(isProcessRunning(started.pid)).toBe(true);
    child.kill('SIGKILL');
    await toDie(started.pid);
    await rm(started.dir, { recursive: true, force: true });
  });
});
