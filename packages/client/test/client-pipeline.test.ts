import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineDiscardedError, createClient, type RedisClient } from '../src/index.js';

describe('client.pipeline() and client.transaction()', () => {
  let client: RedisClient;
  beforeAll(async () => {
    client = await createClient(redisUrl()).connect();
  });
  afterAll(async () => {
    await client.quit();
  });

  it('runs the callback form and resolves a typed tuple', async () => {
    const [ok, count] = await client.pipeline((p) => [p.set('cp:a', '1'), p.incr('cp:a')]);
    expect([ok, count]).toEqual(['OK', 2]);
  });

  it('executes when an await using scope ends', async () => {
    let count;
    {
      await using pipe = client.pipeline({ transaction: true });
      pipe.set('cp:b', '10');
      count = pipe.incrby('cp:b', 5);
    }
    expect(await count).toBe(15);
  });

  it('sends nothing when the callback throws', async () => {
    await expect(
      client.pipeline((p) => {
        p.set('cp:never', '1');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await client.exists('cp:never')).toBe(0);
  });

  it('follows the client binary mode', async () => {
    await client.set('cp:bin', 'x');
    const [value] = await client.withBuffers().pipeline((p) => [p.get('cp:bin')]);
    expect(value).toEqual(Buffer.from('x'));
  });

  it('retries optimistic transactions: 50 concurrent client-side INCRs give 50', async () => {
    await client.del('cp:seq');
    const increment = (): Promise<unknown> =>
      client.transaction(
        async (pipe) => {
          const current = Number((await pipe.immediate.get('cp:seq')) ?? 0);
          return [pipe.set('cp:seq', current + 1)];
        },
        { watch: ['cp:seq'], retries: 60 },
      );
    await Promise.all(Array.from({ length: 50 }, increment));
    expect(await client.get('cp:seq')).toBe('50');
  });

  it('rejects the futures of a discarded pipeline', async () => {
    const pipe = client.pipeline();
    const pending = pipe.get('cp:a');
    await pipe.discard();
    await expect(pending).rejects.toBeInstanceOf(PipelineDiscardedError);
  });
});

describe('a big transaction as the first call of a cold client', () => {
  it('applies 3000 commands once, sent in parts, with every result in place', async () => {
    // Default options, no connect() or ping() first: the batch waits for the connection and is
    // then written in parts while it is encoded (connection/encode-batch.ts).
    const client = createClient(redisUrl());
    try {
      const key = `cp:parts:${process.pid}:${Date.now()}`;
      const t = client.pipeline({ transaction: true, raiseOnError: false });
      t.del(key);
      for (let i = 0; i < 3000; i++) {
        if (i === 1500) t.lpush(key, 'x');
        else t.incr(key);
      }
      const results = await t.execute();
      expect(results[0]).toBe(0);
      expect(results.slice(1, 1501)).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
      // Inside a committed transaction a failing command fails alone; the rest still apply.
      expect(results[1501]).toBeInstanceOf(Error);
      expect(results.slice(1502)).toEqual(Array.from({ length: 1499 }, (_, i) => 1501 + i));
      expect(await client.get(key)).toBe('2999');
    } finally {
      await client.quit();
    }
  });
});
