import { getFreePort, startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type RedisClient } from '../../src/index.js';
import { settleWithin } from './settle.js';

describe('an application that starts before its Redis', () => {
  let client: RedisClient | undefined;
  let server: RedisServerHandle | undefined;
  afterEach(async () => {
    client?.disconnect();
    await server?.stop();
  });

  it(
    'fails its first commands within the command timeout, then recovers on its own',
    { timeout: 30_000 },
    async () => {
      const port = await getFreePort();
      client = createClient({ port, commandTimeout: 2000 });
      const connecting = await settleWithin(client.connect(), 3000);
      expect(connecting.status).toBe('rejected');
      expect(connecting.status === 'rejected' && connecting.error.message).toMatch(/ECONNREFUSED/);
      const first = await settleWithin(client.get('k'), 5000);
      expect(first.status).toBe('rejected');
      expect(first.ms).toBeLessThan(3000);
      expect(first.status === 'rejected' && first.error.message).toMatch(
        /^GET timed out after 2000 ms, never sent: not connected .*\(last attempt: .*ECONNREFUSED/,
      );

      server = await startRedisServer({ port });
      const later = await settleWithin(client.set('k', 'up'), 10_000);
      expect(later).toMatchObject({ status: 'fulfilled', value: 'OK' });
      expect(await client.get('k')).toBe('up');
    },
  );

  it(
    'with default options, a command issued while the server is down completes once it is up',
    { timeout: 30_000 },
    async () => {
      const port = await getFreePort();
      client = createClient({ port });
      const waiting = settleWithin(client.incr('n'), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      server = await startRedisServer({ port });
      expect(await waiting).toMatchObject({ status: 'fulfilled', value: 1 });
    },
  );
});
