import { redisUrl, startRedisServer } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  pipeline,
  registerClient,
  unregisterClient,
  type RedisClient,
} from '../../src/index.js';
import { settleAll } from './settle.js';

describe('a nested root with a batch for a client whose server is dead', () => {
  const clients: RedisClient[] = [];
  afterEach(async () => {
    unregisterClient('*');
    for (const client of clients.splice(0)) client.disconnect();
  });

  it(
    'rejects that batch’s futures within the command timeout and keeps the other’s results',
    { timeout: 30_000 },
    async () => {
      const gone = await startRedisServer();
      const healthy = createClient(redisUrl());
      const doomed = createClient(gone.url);
      clients.push(healthy, doomed);
      await doomed.ping();
      registerClient(healthy);
      registerClient(doomed, 'doomed');
      await gone.stop();

      const key = `nested-dead:${Date.now()}`;
      const root = pipeline(undefined, { autoexec: false });
      const kept = root.incr(key);
      const child = pipeline(root, { client: 'doomed' });
      const lost = child.incr(key);
      child.close();
      const settled = await settleAll(
        {
          execute: () => root.execute(),
          kept: () => Promise.resolve(kept),
          lost: () => Promise.resolve(lost),
        },
        15_000,
        'one client of a nested root dead',
      );
      expect(settled.execute).toMatchObject({ status: 'rejected' });
      expect(settled.execute!.ms).toBeLessThan(12_000);
      expect(settled.kept).toMatchObject({ status: 'fulfilled', value: 1 });
      expect(settled.lost).toMatchObject({ status: 'rejected' });
      expect(root.results[0]).toBe(1);
    },
  );
});
