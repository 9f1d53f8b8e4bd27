import { startRedisServer, waitUntil, type RedisServerHandle } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import type { RawConnection } from '../helpers/raw-connection.js';
import { CommandTimeoutError, ConnectionError } from '../../src/errors.js';

// DEBUG SLEEP blocks the whole server, so these tests get a server of their own.
let server: RedisServerHandle;
const open: RawConnection[] = [];
beforeAll(async () => {
  server = await startRedisServer({ args: ['--enable-debug-command', 'yes'] });
});
afterAll(async () => {
  open.forEach((connection) => connection.disconnect());
  await server.stop();
});

async function connect(
  options: Parameters<typeof createRawConnection>[0] = {},
): Promise<RawConnection> {
  const connection = await createRawConnection({ port: server.port, ...options });
  open.push(connection);
  return connection;
}

/** The connection's single deadline timer, to check it is one timer and unref'ed. */
const deadlineTimer = (connection: RawConnection): NodeJS.Timeout | undefined =>
  (connection as unknown as { deadlines: { timer: NodeJS.Timeout | undefined } }).deadlines.timer;

describe('command timeouts', () => {
  it('rejects a slow command, resets the connection, and works again afterwards', async () => {
    const connection = await connect({ reconnect: { baseDelayMs: 10 } });
    const reconnected = new Promise((resolve) => connection.once('reconnecting', resolve));
    const started = performance.now();
    const slow = connection.call(['DEBUG', 'SLEEP', '1'], { timeoutMs: 100 });
    const behind = connection.call(['PING']);

    await expect(slow).rejects.toBeInstanceOf(CommandTimeoutError);
    await expect(slow).rejects.toThrow('DEBUG timed out after 100 ms');
    expect(performance.now() - started).toBeLessThan(900);
    // PING was written after the slow command: its reply could be misattributed, so it fails too.
    await expect(behind).rejects.toBeInstanceOf(ConnectionError);

    await reconnected;
    expect(await connection.call(['PING'])).toBe('PONG');
    expect(connection.status).toBe('ready');
  });

  it('applies the connection-wide commandTimeout with one unref’ed timer', async () => {
    const connection = await connect({ commandTimeout: 150 });
    const fast = Array.from({ length: 1000 }, () => connection.call(['PING']));
    expect(deadlineTimer(connection)?.hasRef()).toBe(false);
    expect(await Promise.all(fast)).toEqual(Array(1000).fill('PONG'));

    await expect(connection.call(['DEBUG', 'SLEEP', '0.5'])).rejects.toBeInstanceOf(
      CommandTimeoutError,
    );
    await waitUntil('ready again', async () => connection.status === 'ready', { timeoutMs: 5000 });
    expect(await connection.call(['PING'])).toBe('PONG');
  });

  it('bounds the handshake by connectTimeout when the server accepts but never answers', async () => {
    // SIGSTOP: the kernel still accepts the TCP connection, but redis-server never reads it.
    process.kill(server.pid, 'SIGSTOP');
    try {
      const started = performance.now();
      const attempt = createRawConnection({ port: server.port, connectTimeout: 200 });
      await expect(attempt).rejects.toBeInstanceOf(ConnectionError);
      await expect(attempt).rejects.toThrow('Handshake timed out after 200 ms');
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
  });

  it('lets a command override the default timeout, 0 meaning none', async () => {
    const connection = await connect({ commandTimeout: 50 });
    expect(await connection.call(['DEBUG', 'SLEEP', '0.2'], { timeoutMs: 0 })).toBe('OK');
    expect(await connection.callBatch([['DEBUG', 'SLEEP', '0.2'], ['PING']], 1000)).toEqual([
      'OK',
      'PONG',
    ]);
  });
});
