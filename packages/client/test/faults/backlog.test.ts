import { startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, InflightLimitError, type RedisClient } from '../../src/index.js';

describe('a stalled server under load', () => {
  let server: RedisServerHandle | undefined;
  let client: RedisClient | undefined;
  afterEach(async () => {
    client?.disconnect();
    server?.resume();
    await server?.stop();
  });

  it(
    'bounds the commands awaiting replies; past maxInflight, commands fail before sending',
    { timeout: 30_000 },
    async () => {
      server = await startRedisServer();
      client = createClient({ url: server.url, maxInflight: 5_000, commandTimeout: 3_000 });
      await client.ping();
      server.pause();
      const calls = Array.from({ length: 50_000 }, (_, i) => client!.set(`k:${i}`, 'v'));
      const outcomes = await Promise.allSettled(calls);
      const refused = outcomes.filter(
        (outcome) => outcome.status === 'rejected' && outcome.reason instanceof InflightLimitError,
      );
      // 5 000 were written and timed out with the stalled server; every other one was refused.
      expect(refused.length).toBe(45_000);
      expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/maxInflight/);
      expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    },
  );
});
