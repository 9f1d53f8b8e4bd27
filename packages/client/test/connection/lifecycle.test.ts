import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import { RawConnection } from '../helpers/raw-connection.js';
import { ConnectionClosedError } from '../../src/errors.js';
import { sharedServer, uniqueKey } from './shared-server.js';

const open: RawConnection[] = [];
afterEach(() => open.splice(0).forEach((connection) => connection.disconnect()));
async function connect(): Promise<RawConnection> {
  const connection = await createRawConnection(sharedServer());
  open.push(connection);
  return connection;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const countResources = (type: string): number =>
  process.getActiveResourcesInfo().filter((resource) => resource === type).length;

describe('quit()', () => {
  it('waits for the replies before it, then closes and rejects later commands', async () => {
    const connection = await connect();
    const ended: unknown[] = [];
    connection.on('end', (error) => ended.push(error));
    const key = uniqueKey('quit');
    const earlier = connection.callBatch([
      ['SET', key, 'v'],
      ['GET', key],
    ]);
    await connection.quit();
    expect(await earlier).toEqual(['OK', 'v']);
    expect(connection.status).toBe('closed');
    expect(ended).toEqual([undefined]);
    await expect(connection.call(['PING'])).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('releases the socket and the deadline timer', async () => {
    await nextTurn(); // let sockets of earlier tests finish closing
    await nextTurn();
    const sockets = countResources('TCPSocketWrap');
    const timers = countResources('Timeout');
    const connection = new RawConnection({ ...sharedServer(), commandTimeout: 10_000 });
    await connection.connect();
    await connection.call(['PING']);
    expect(countResources('TCPSocketWrap')).toBe(sockets + 1);
    await connection.quit();
    // A destroyed socket's handle is released by libuv's close phase, a turn or two later.
    await waitUntil(
      'the socket handle to close',
      async () => countResources('TCPSocketWrap') === sockets,
      {
        timeoutMs: 1000,
        intervalMs: 1,
      },
    );
    // At most as many as before: a timer of an earlier test may have ended meanwhile.
    expect(countResources('Timeout')).toBeLessThanOrEqual(timers);
  });

  it('before connecting, just closes and rejects what was queued', async () => {
    const connection = new RawConnection(sharedServer());
    const queued = connection.call(['PING']);
    await connection.quit();
    await expect(queued).rejects.toThrow('PING was never sent: the connection closed');
    await expect(connection.connect()).rejects.toBeInstanceOf(ConnectionClosedError);
  });
});

describe('disconnect()', () => {
  it('rejects pending commands with ConnectionClosedError at once', async () => {
    const connection = await connect();
    const blocked = connection.call(['BLPOP', uniqueKey('never'), 0]);
    connection.disconnect();
    await expect(blocked).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(blocked).rejects.toThrow('BLPOP rejected: the connection was closed');
    expect(connection.status).toBe('closed');
  });
});

describe('a process using a connection', () => {
  const fixture = fileURLToPath(new URL('./fixtures/run-then-exit.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../../../', import.meta.url));

  /** Runs the fixture; resolves with its exit code and output, or fails if it outlives 5 s. */
  function run(mode: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fixture, mode, String(sharedServer().port)],
        {
          cwd: root,
          // Map @redspec/types to its sources, as vitest does, instead of a possibly stale dist.
          env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.typetests.json` },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(`'${mode}' did not exit within 5 s: a handle stayed open\n${stdout}${stderr}`),
        );
      }, 5000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it.each([
    ['quit', 'PONG\nreturned\n'],
    ['disconnect', 'PONG\nConnectionClosedError\nreturned\n'],
    ['timeout', 'PONG\nCommandTimeoutError\nPONG\nreturned\n'],
    ['subscribed', 'PONG\nreturned\n'],
  ])('exits on its own after %s', async (mode, output) => {
    const { code, stdout, stderr } = await run(mode);
    expect(stderr).toBe('');
    expect(stdout).toBe(output);
    expect(code).toBe(0);
  });
});
