import { startRedisServer, waitUntil, type RedisServerHandle } from '@redspec/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import type { ReconnectingEvent } from '../../src/connection/redis-connection.js';
import type { RawConnection } from '../helpers/raw-connection.js';
import {
  CommandTimeoutError,
  ConnectionClosedError,
  ConnectionError,
  OfflineQueueFullError,
} from '../../src/errors.js';
import { uniqueKey } from './shared-server.js';

// This file kills and restarts its own server, so it never disturbs the shared one.
let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server.stop());

const open: RawConnection[] = [];
afterEach(async () => {
  open.splice(0).forEach((connection) => connection.disconnect());
  await server.restart(); // leaves a running, empty server for the next test, whatever this one did
});

const fastReconnect = { baseDelayMs: 10, maxDelayMs: 50 };
async function connect(
  options: Parameters<typeof createRawConnection>[0] = {},
): Promise<RawConnection> {
  const connection = await createRawConnection({
    port: server.port,
    reconnect: fastReconnect,
    ...options,
  });
  open.push(connection);
  return connection;
}

/** Pending BLPOP: the server holds it, and every later command waits behind it, unprocessed. */
const block = (connection: RawConnection): Promise<unknown> =>
  connection.call(['BLPOP', uniqueKey('never-pushed'), 0]);

describe('a dropped connection', () => {
  it('rejects in-flight commands, queues new ones, and sends them after the server is back', async () => {
    const connection = await connect();
    const reconnecting: ReconnectingEvent[] = [];
    connection.on('reconnecting', (event) => reconnecting.push(event));
    const inflight = [
      block(connection),
      ...Array.from({ length: 100 }, () => connection.call(['PING'])),
    ];
    const settled = Promise.allSettled(inflight);
    await server.kill(); // the commands were written in a microtask, long before this resolves
    for (const result of await settled) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(ConnectionError);
      expect((result as PromiseRejectedResult).reason.message).toMatch(
        /connection lost before its reply/,
      );
    }
    await waitUntil('a reconnect attempt', async () => reconnecting.length > 0);
    expect(connection.status).not.toBe('ready');

    const key = uniqueKey('offline');
    const queued = Promise.all([
      connection.call(['SET', key, 'sent later']),
      connection.call(['GET', key]),
    ]);
    await server.restart();
    expect(await queued).toEqual(['OK', 'sent later']);
    expect(connection.status).toBe('ready');
    expect(reconnecting[0]).toMatchObject({ attempt: 1 });
  });

  it('never sends a written command twice', async () => {
    const connection = await connect();
    const spy = await connect();
    const key = uniqueKey('counter');
    // The INCRs are written, but the server has not processed them: they wait behind BLPOP.
    const inflight = [
      block(connection),
      ...Array.from({ length: 50 }, () => connection.call(['INCR', key])),
    ];
    const settled = Promise.allSettled(inflight);
    const id = await waitForBlockedClient(spy);
    await spy.call(['CLIENT', 'KILL', 'ID', id]);

    expect((await settled).every((r) => r.status === 'rejected')).toBe(true);
    await waitUntil('ready again', async () => connection.status === 'ready');
    expect(await connection.call(['PING'])).toBe('PONG');
    // None of the 50 INCRs ran, and none was replayed after the reconnect.
    expect(await spy.call(['GET', key])).toBeNull();
  });

  it('rejects commands at once when the offline queue is disabled or full', async () => {
    const noQueue = await connect({ offlineQueue: false });
    const small = await connect({ offlineQueueLimit: 2 });
    await server.kill();
    await waitUntil(
      'both disconnected',
      async () => noQueue.status !== 'ready' && small.status !== 'ready',
    );

    await expect(noQueue.call(['PING'])).rejects.toThrow(
      'PING rejected: not connected and the offline queue is disabled',
    );
    const first = small.call(['SET', 'a', '1']);
    const second = small.call(['SET', 'b', '2']);
    const third = small.call(['SET', 'c', '3']);
    const batch = small.callBatch([['PING'], ['PING']]);
    await expect(third).rejects.toBeInstanceOf(OfflineQueueFullError);
    await expect(third).rejects.toThrow(
      'SET rejected: not connected and the offline queue is full (2 commands)',
    );
    await expect(batch).rejects.toBeInstanceOf(OfflineQueueFullError);
    await server.restart();
    expect(await Promise.all([first, second])).toEqual(['OK', 'OK']);
  });

  it('times out a queued command that waits too long for the connection', async () => {
    const connection = await connect({ commandTimeout: 100 });
    await server.kill();
    await waitUntil('disconnected', async () => connection.status !== 'ready');
    const started = performance.now();
    await expect(connection.call(['PING'])).rejects.toBeInstanceOf(CommandTimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('closes for good with reconnect: false', async () => {
    const connection = await connect({ reconnect: false });
    const ended = new Promise((resolve) => connection.once('end', resolve));
    await server.kill();
    expect(await ended).toBeInstanceOf(ConnectionError);
    expect(connection.status).toBe('closed');
    await expect(connection.call(['PING'])).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('gives up after maxAttempts and rejects what was queued', async () => {
    const connection = await connect({
      reconnect: { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 3 },
    });
    const attempts: number[] = [];
    connection.on('reconnecting', (event) => attempts.push(event.attempt));
    // Queued as soon as the drop is noticed, so it waits through every attempt.
    const queuedOnDrop = new Promise<{ queued: Promise<unknown> }>((resolve) =>
      connection.once('reconnecting', () => resolve({ queued: connection.call(['PING']) })),
    );
    await server.kill();
    const { queued } = await queuedOnDrop;
    await expect(queued).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(queued).rejects.toThrow(
      /PING was never sent: the connection closed \(gave up after 3 reconnect attempts \(Could not connect/,
    );
    expect(attempts).toEqual([1, 2, 3]);
    expect(connection.status).toBe('closed');
  });
});

describe('connect()', () => {
  it('rejects when nothing listens, without retrying', async () => {
    await server.kill();
    await expect(
      createRawConnection({ port: server.port, reconnect: fastReconnect }),
    ).rejects.toThrow(
      new RegExp(`Could not connect to 127\\.0\\.0\\.1:${server.port}: connect ECONNREFUSED`),
    );
  });
});

async function waitForBlockedClient(spy: RawConnection): Promise<string> {
  let id = '';
  await waitUntil('a client blocked in BLPOP', async () => {
    const list = String(await spy.call(['CLIENT', 'LIST']));
    id = /^id=(\d+) .*cmd=blpop/m.exec(list)?.[1] ?? '';
    return id !== '';
  });
  return id;
}
