import {
  rawCommand,
  redisUrl,
  startRedisServer,
  targetFromUrl,
  waitUntil,
} from '@redspec/test-utils';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, WatchError, createClient, type RedisClient } from '../../src/index.js';

const server = targetFromUrl(redisUrl());
const key = (name: string): string => `tx-outcome:${name}:${randomUUID()}`;

describe('a transaction reports what happened, once', () => {
  let client: RedisClient;
  beforeAll(async () => {
    client = createClient(redisUrl());
  });
  afterAll(() => client.quit());

  it('a callback that returns nothing commits and resolves (no TypeError after EXEC)', async () => {
    const k = key('void');
    const result = await client.transaction((pipe) => {
      pipe.set(k, '1');
      pipe.incr(k);
    });
    expect(result).toEqual([]);
    expect(await rawCommand(server, ['GET', k])).toBe('2'); // applied once
  });

  it('an async callback that returns nothing too', async () => {
    const k = key('async-void');
    await expect(
      client.transaction(
        async (pipe) => {
          const current = Number(await pipe.immediate.get(k));
          pipe.set(k, String(current + 5));
        },
        { watch: [k] },
      ),
    ).resolves.toEqual([]);
    expect(await rawCommand(server, ['GET', k])).toBe('5');
  });
});

describe('a watched connection that drops between WATCH and EXEC', () => {
  it('fails the transaction and never runs EXEC unwatched: the concurrent write survives', async () => {
    const own = await startRedisServer();
    const name = `watch-drop-${randomUUID().slice(0, 8)}`;
    const client = createClient({ url: own.url, clientName: name });
    try {
      await client.set('balance', '100');
      const attempt = client.transaction(
        async (pipe) => {
          const balance = Number(await pipe.immediate.get('balance'));
          // Meanwhile: another client writes, and the watched connection is killed.
          await rawCommand(own, ['SET', 'balance', '500']);
          const list = String(await rawCommand(own, ['CLIENT', 'LIST']));
          const ids = list
            .split('\n')
            .filter((line) => line.includes(` name=${name} `) && line.includes('cmd=get'));
          for (const line of ids)
            await rawCommand(own, ['CLIENT', 'KILL', 'ID', /^id=(\d+)/.exec(line)![1]!]);
          return [pipe.set('balance', String(balance - 10))];
        },
        { watch: ['balance'], retries: 0 },
      );
      const error = await attempt.catch((thrown: unknown) => thrown);
      expect(error instanceof ConnectionError || error instanceof WatchError).toBe(true);
      expect(await rawCommand(own, ['GET', 'balance'])).toBe('500');
      await waitUntil(
        'the client to work again',
        async () => (await client.get('balance')) === '500',
      );
    } finally {
      client.disconnect();
      await own.stop();
    }
  });
});
