import { WatchError } from '@redspec/pipeline';
import { openPipeline } from '@redspec/pipeline/internal';
import {
  rawCommand,
  redisUrl,
  startRedisServer,
  targetFromUrl,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, CommandTimeoutError } from '../../src/errors.js';
import { TestTransport, uniqueKey } from './test-transport.js';

/** Waits until CLIENT LIST shows connection `id` blocked (BLPOP, or a write held by CLIENT PAUSE). */
async function waitUntilBlocked(
  target: Parameters<typeof rawCommand>[0],
  id: unknown,
): Promise<void> {
  await waitUntil(`client ${String(id)} to block`, async () => {
    const line = String(await rawCommand(target, ['CLIENT', 'LIST', 'ID', String(id)]));
    return /\bflags=\S*b/.test(line) || line;
  });
}

describe('a connection lost mid-flight', () => {
  let transport: TestTransport;
  beforeAll(async () => {
    transport = await TestTransport.open();
  });
  afterAll(() => transport.close());

  it('keeps the replies that came, rejects the others with the connection error, retries nothing', async () => {
    const counter = uniqueKey('counter');
    const list = uniqueKey('empty-list');
    const target = targetFromUrl(redisUrl());
    const id = await transport.shared.call(['CLIENT', 'ID']);
    const pipe = openPipeline(transport);
    const before = pipe.incr(counter);
    const blocked = pipe.blpop(list, 10);
    const after = pipe.incr(counter);
    const execution = pipe.execute().catch((error: unknown) => error);
    await waitUntilBlocked(target, id);
    await rawCommand(target, ['CLIENT', 'KILL', 'ID', String(id)]);
    const error = await execution;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(await before).toBe(1);
    for (const future of [blocked, after]) await expect(future).rejects.toBe(error);
    expect((error as Error).message).toMatch(/may or may not have run/);
    expect(pipe.results).toEqual([1, error, error]);
    // The first INCR ran before the kill; nothing was sent again once the connection came back.
    await waitUntil(
      'the shared connection to reconnect',
      async () => transport.shared.status === 'ready',
    );
    expect(await transport.shared.call(['GET', counter])).toBe('1');
  });

  it('rejects with CommandTimeoutError when replies take longer than `timeout`', async () => {
    const pipe = openPipeline(transport, { timeout: 100 });
    const blocked = pipe.blpop(uniqueKey('empty-list'), 5);
    await expect(pipe.execute()).rejects.toBeInstanceOf(CommandTimeoutError);
    await expect(blocked).rejects.toBeInstanceOf(CommandTimeoutError);
  });
});

describe('a watched connection lost during EXEC', () => {
  let server: RedisServerHandle;
  let transport: TestTransport;
  beforeAll(async () => {
    // CLIENT PAUSE holds every writer: it gets a server of its own.
    server = await startRedisServer();
    transport = await TestTransport.open({ host: server.host, port: server.port });
  });
  afterAll(async () => {
    transport.close();
    await server.stop();
  });

  it('rejects the futures with the connection error and releases the lease', async () => {
    const key = 'counter';
    const pipe = openPipeline(transport);
    await pipe.watch(key);
    const id = await pipe.immediate.clientId();
    const incr = pipe.incr(key);
    await rawCommand(server, ['CLIENT', 'PAUSE', '10000', 'WRITE']);
    try {
      const execution = pipe.execute().catch((error: unknown) => error);
      await waitUntilBlocked(server, id); // its INCR waits for the pause to end
      await rawCommand(server, ['CLIENT', 'KILL', 'ID', String(id)]);
      const error = await execution;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(WatchError);
      await expect(incr).rejects.toBe(error);
      expect(transport.outstanding).toBe(0);
    } finally {
      await rawCommand(server, ['CLIENT', 'UNPAUSE']);
    }
    expect(await rawCommand(server, ['GET', key])).toBeNull();
  });
});
