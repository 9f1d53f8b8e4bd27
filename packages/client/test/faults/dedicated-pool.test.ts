import { rawCommand, redisUrl, targetFromUrl, waitUntil } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, PoolExhaustedError, type RedisClient } from '../../src/index.js';
import { settleWithin } from './settle.js';

const server = targetFromUrl(redisUrl());

/** Ids of the connections named `name`, from CLIENT LIST. */
async function idsNamed(name: string): Promise<string[]> {
  const list = String(await rawCommand(server, ['CLIENT', 'LIST']));
  return list
    .split('\n')
    .filter((line) => line.includes(` name=${name} `))
    .map((line) => /^id=(\d+)/.exec(line)![1]!);
}

describe('the dedicated connections of blocking commands and WATCH', () => {
  let client: RedisClient | undefined;
  afterEach(() => client?.disconnect());

  it('a caller past the pool waits, then fails with PoolExhaustedError naming the size', async () => {
    client = createClient({ url: redisUrl(), dedicatedConnections: 2, commandTimeout: 1500 });
    const holders = [client.blpop('pool:a', 5), client.blpop('pool:b', 5)];
    const third = await settleWithin(client.blpop('pool:c', 5), 5000);
    expect(third.status).toBe('rejected');
    expect(third.status === 'rejected' && third.error).toBeInstanceOf(PoolExhaustedError);
    expect(third.status === 'rejected' && third.error.message).toMatch(
      /All 2 dedicated connections/,
    );
    expect(third.ms).toBeGreaterThanOrEqual(1400);
    expect(third.ms).toBeLessThan(3000);
    client.disconnect();
    await Promise.allSettled(holders);
  });

  it('a waiter gets a fresh connection when a lent one breaks', async () => {
    const name = `pool-break-${Date.now()}`;
    client = createClient({ url: redisUrl(), dedicatedConnections: 1, clientName: name });
    await client.ping();
    const holder = client.blpop('pool:x', 10).catch((error: Error) => error);
    await waitUntil('the BLPOP to block', async () => (await idsNamed(name)).length === 2);
    const waiter = settleWithin(client.blpop('pool:y', 0.2), 5000);
    const [, dedicated] = await idsNamed(name);
    await rawCommand(server, ['CLIENT', 'KILL', 'ID', dedicated!]);
    expect(await holder).toBeInstanceOf(Error);
    expect(await waiter).toMatchObject({ status: 'fulfilled', value: null });
  });

  it('waiters reject when the client closes', async () => {
    client = createClient({ url: redisUrl(), dedicatedConnections: 1 });
    const holder = client.blpop('pool:q', 10).catch((error: Error) => error);
    await waitUntil('the holder to take the connection', async () => {
      const list = String(await rawCommand(server, ['CLIENT', 'LIST']));
      return /cmd=blpop/.test(list);
    });
    const waiter = settleWithin(client.blpop('pool:r', 10), 5000);
    await client.quit();
    expect(await waiter).toMatchObject({ status: 'rejected' });
    expect((await waiter).ms).toBeLessThan(1000);
    await holder;
  });
});
