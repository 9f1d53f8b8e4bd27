/**
 * The examples of redpipe's "Callbacks" chapter, on a private redis-server (so INFO
 * commandstats counts only these commands), with every round trip counted.
 */
import { startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  Future,
  createClient,
  pipeline,
  type Pipeline,
  type RedisClient,
} from '../../src/index.js';
import { registerClient, unregisterClient } from '@redspec/pipeline';
import { CountingTransport, commandCalls, keyRange } from './counting-transport.js';

/**
 * Increments every key and resolves with the sum of the new values. Alone it makes its own
 * round trip (autoexec); given a parent, it joins the parent's.
 */
function incrSum(keys: readonly string[], parent?: Pipeline): Future<number> {
  const future = new Future<number>();
  using pipe = pipeline(parent, { autoexec: true });
  const results = keys.map((key) => pipe.incr(key));
  pipe.onExecute(() => future.set(results.reduce((sum, result) => sum + result.result, 0)), {
    // If the callback cannot run (a failed batch), `future` fails with it rather than hanging.
    settles: [future],
  });
  return future;
}

/**
 * Increments `key` if its value is above `threshold`, else resolves with the value. Works, but
 * the INCR in the callback is a round trip of its own that nothing can share: the gotcha.
 */
function incrIfGt(key: string, threshold: number, parent?: Pipeline): Future<number> {
  const future = new Future<number>();
  using pipe = pipeline(parent, { autoexec: true });
  const value = pipe.get(key);
  pipe.onExecute(
    async () => {
      const current = Number(value.result ?? 0);
      if (current <= threshold) return future.set(current);
      const second = pipeline(); // runs after the first round trip, so it makes another
      const incremented = second.incr(key);
      await second.execute();
      future.set(incremented.result);
    },
    { settles: [future] },
  );
  return future;
}

let server: RedisServerHandle;
let client: RedisClient;
let transport: CountingTransport;

beforeAll(async () => {
  server = await startRedisServer();
  client = await createClient(server.url).connect();
  transport = new CountingTransport(client);
  registerClient(transport);
});
afterAll(async () => {
  unregisterClient('*');
  await client.quit();
  await server.stop();
});
beforeEach(async () => {
  await client.flushall();
  await client.configResetstat();
  transport.reset();
});

describe('incrSum', () => {
  it('alone: one round trip of its own, 100 INCRs', async () => {
    const keys0to99 = keyRange('key', 0, 100);
    expect(await incrSum(keys0to99)).toBe(100);
    expect(transport.roundTrips).toBe(1);
    expect(transport.batches[0]).toHaveLength(100);
    expect(await commandCalls(client, 'incr')).toBe(100);
  });

  it('called twice with one parent: both sums from a single round trip', async () => {
    const keys0to99 = keyRange('key', 0, 100);
    const keys100to199 = keyRange('key', 100, 200);
    let first: Future<number>;
    let second: Future<number>;
    {
      await using pipe = pipeline(undefined, { autoexec: true });
      first = incrSum(keys0to99, pipe);
      second = incrSum(keys100to199, pipe);
      expect(transport.roundTrips).toBe(0);
    }
    expect(await first).toBe(100);
    expect(await second).toBe(100);
    expect(transport.roundTrips).toBe(1);
    expect(transport.batches[0]).toHaveLength(200);
    expect(await commandCalls(client, 'incr')).toBe(200);
  });

  it('called in a loop: still one round trip', async () => {
    let sums: Future<number>[];
    {
      await using pipe = pipeline(undefined, { autoexec: true });
      sums = [0, 1, 2, 3, 4].map((n) => incrSum(keyRange('loop', n * 10, n * 10 + 10), pipe));
    }
    expect(await Promise.all(sums)).toEqual([10, 10, 10, 10, 10]);
    expect(transport.roundTrips).toBe(1);
    expect(await commandCalls(client, 'incr')).toBe(50);
  });
});

describe('incrIfGt, the gotcha', () => {
  it('works alone: one round trip to read, one more to increment', async () => {
    await client.set('low', '3');
    await client.set('high', '10');
    expect(await incrIfGt('low', 5)).toBe(3);
    expect(transport.roundTrips).toBe(1);
    expect(await incrIfGt('high', 5)).toBe(11);
    expect(transport.roundTrips).toBe(3);
  });

  it('pipelines its GET with others, but each increment is a round trip of its own', async () => {
    await client.set('low', '3');
    await client.set('high', '10');
    await client.set('higher', '20');
    let results: Future<number>[];
    let sum: Future<number>;
    {
      await using pipe = pipeline(undefined, { autoexec: true });
      results = ['low', 'high', 'higher'].map((key) => incrIfGt(key, 5, pipe));
      sum = incrSum(['n', 'm'], pipe);
    }
    // The root's execute() awaited the callbacks, their extra round trips included.
    expect(results.map((result) => result.result)).toEqual([3, 11, 21]);
    expect(sum.result).toBe(2);
    expect(transport.roundTrips).toBe(3); // one shared batch, then one per increment
    expect(transport.batches[0]).toHaveLength(5);
    expect(await commandCalls(client, 'get')).toBe(3);
    expect(await commandCalls(client, 'incr')).toBe(4);
  });

  it('can issue its second command on the client directly, with the same cost', async () => {
    await client.set('high', '10');
    let result: Future<number>;
    {
      await using pipe = pipeline(undefined, { autoexec: true });
      const value = pipe.get('high');
      result = pipe.onExecute(() => {
        const current = Number(value.result);
        return current > 5 ? client.incr('high') : current;
      });
    }
    expect(result.result).toBe(11);
    expect(transport.roundTrips).toBe(1); // the client's INCR bypassed the counted transport
    expect(await commandCalls(client, 'incr')).toBe(1);
  });
});
