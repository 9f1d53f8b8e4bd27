import {
  rawCommand,
  startRedisServer,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type RedisClient, type ResubscribedEvent } from '../../src/index.js';

describe('a subscriber whose connection is killed', () => {
  let server: RedisServerHandle;
  let client: RedisClient;
  beforeEach(async () => {
    server = await startRedisServer();
    client = createClient(server.url);
  });
  afterEach(async () => {
    await client.quit();
    await server.stop();
  });

  it('subscribes again to channels, patterns and shard channels, reports the gap, then delivers', async () => {
    const got: string[] = [];
    await client.subscribe('news', (message) => got.push(`news:${message}`));
    await client.psubscribe('alerts.*', (message, channel) => got.push(`${channel}:${message}`));
    await client.ssubscribe('orders', (message) => got.push(`orders:${message}`));
    const gaps: ResubscribedEvent[] = [];
    client.on('resubscribed', (event) => gaps.push(event));

    await rawCommand(server, ['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    await waitUntil('the resubscription', async () => gaps.length === 1);
    expect(gaps[0]).toMatchObject({
      channels: ['news'],
      patterns: ['alerts.*'],
      shardChannels: ['orders'],
    });
    expect(gaps[0]!.gapMs).toBeGreaterThanOrEqual(0);
    expect(gaps[0]!.gapMs).toBeLessThan(2000);

    await rawCommand(server, ['PUBLISH', 'news', 'after']);
    await rawCommand(server, ['PUBLISH', 'alerts.fire', 'after']);
    await rawCommand(server, ['SPUBLISH', 'orders', 'after']);
    await waitUntil('three messages', async () => got.length === 3);
    expect(got.sort()).toEqual(['alerts.fire:after', 'news:after', 'orders:after']);
  });

  it(
    'after a server restart too (the server forgot every subscription)',
    { timeout: 30_000 },
    async () => {
      const got: string[] = [];
      await client.subscribe('news', (message) => got.push(message));
      const resubscribed = new Promise<ResubscribedEvent>((resolve) =>
        client.once('resubscribed', resolve),
      );
      await server.restart();
      const event = await resubscribed;
      expect(event.channels).toEqual(['news']);
      await rawCommand(server, ['PUBLISH', 'news', 'back']);
      await waitUntil('the message after the restart', async () => got.includes('back'));
    },
  );
});

describe('a subscriber under steady load', () => {
  it(
    'receives 10 000 messages a second for 10 s, in order, none lost',
    { timeout: 40_000 },
    async () => {
      const server = await startRedisServer();
      const subscriber = createClient(server.url);
      const publisher = createClient(server.url);
      try {
        let received = 0;
        let outOfOrder = 0;
        await subscriber.subscribe('load', (message) => {
          if (Number(message) !== received) outOfOrder++;
          received++;
        });
        const total = 100_000;
        const started = performance.now();
        for (let sent = 0; sent < total; sent += 1000) {
          // 1 000 per 100 ms: 10 000 a second.
          const batch = Array.from({ length: 1000 }, (_, i) =>
            publisher.publish('load', String(sent + i)),
          );
          await Promise.all(batch);
          const due = started + ((sent + 1000) / 10_000) * 1000;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        await waitUntil('every message', async () => received === total, { timeoutMs: 10_000 });
        expect(received).toBe(total);
        expect(outOfOrder).toBe(0);
        expect(performance.now() - started).toBeGreaterThan(9_000);
      } finally {
        await subscriber.quit();
        await publisher.quit();
        await server.stop();
      }
    },
  );
});
