import { createClient, type RedisClient } from '../../src/index.js';
import { WatchError } from '@redspec/pipeline';
import { openPipeline, runPipeline, runTransaction } from '@redspec/pipeline/internal';
import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueKey } from './test-transport.js';

// The client is a CommandTransport itself: these run the pipeline over it, as
// client.pipeline() and client.transaction() will.
let client: RedisClient;
beforeAll(async () => {
  client = await createClient(redisUrl()).connect();
});
afterAll(() => client.quit());

describe('pipelines over createClient()', () => {
  it('runs a plain pipeline and a transaction on the shared connection', async () => {
    const key = uniqueKey('client');
    const [ok, count] = await runPipeline(client, (p) => [p.set(key, '1'), p.incr(key)]);
    expect([ok, count]).toEqual(['OK', 2]);
    const pipe = openPipeline(client, { transaction: true });
    const incr = pipe.incr(key);
    expect(await pipe.execute()).toEqual([3]);
    expect(await incr).toBe(3);
  });

  it('runs 50 concurrent WATCH-based increments through its dedicated pool', async () => {
    const key = uniqueKey('client-counter');
    const incr = (): Promise<unknown> =>
      runTransaction(
        client,
        async (pipe) => [pipe.set(key, Number(await pipe.immediate.get(key)) + 1)],
        { watch: [key], retries: 49 },
      );
    await Promise.all(Array.from({ length: 50 }, incr));
    expect(await client.get(key)).toBe('50');
  });

  it('reports a WatchError when another caller writes the watched key', async () => {
    const key = uniqueKey('client-watch');
    const pipe = openPipeline(client);
    await pipe.watch(key);
    await client.set(key, 'theirs');
    pipe.set(key, 'mine');
    await expect(pipe.execute()).rejects.toBeInstanceOf(WatchError);
    expect(await client.get(key)).toBe('theirs');
  });

  it('decodes Buffers through withBuffers()', async () => {
    const key = uniqueKey('client-buffers');
    await client.set(key, 'bytes');
    const [value] = await client.withBuffers().pipeline((p) => [p.get(key)]);
    expect(value).toEqual(Buffer.from('bytes'));
  });
});
