/**
 * One root pipeline holding commands for two named connections, each on its own redis-server:
 * one round trip per server, sent in parallel, transactions kept per connection.
 */
import { startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, pipeline, type Future, type Pipeline } from '../../src/index.js';
import { ClientRegistryError, registerClient, unregisterClient } from '@redspec/pipeline';
import { CountingTransport, InFlightGauge, commandCalls, keyRange } from './counting-transport.js';

let servers: RedisServerHandle[];
let main: CountingTransport;
let cache: CountingTransport;
const gauge = new InFlightGauge();

beforeAll(async () => {
  servers = await Promise.all([startRedisServer(), startRedisServer()]);
  const clients = await Promise.all(servers.map((server) => createClient(server.url).connect()));
  main = new CountingTransport(clients[0]!, gauge);
  cache = new CountingTransport(clients[1]!, gauge);
  registerClient(main);
  registerClient(cache, 'cache');
});
afterAll(async () => {
  unregisterClient('*');
  await Promise.all([main.client.quit(), cache.client.quit()]);
  await Promise.all(servers.map((server) => server.stop()));
});
beforeEach(async () => {
  for (const { client } of [main, cache]) {
    await client.flushall();
    await client.configResetstat();
  }
  main.reset();
  cache.reset();
  gauge.max = 0;
});

/** Sums INCRs of `keys` on `connection` (the parent's when unset). */
function incrSum(keys: readonly string[], parent?: Pipeline, connection?: string): Future<number> {
  using pipe = pipeline(parent, { client: connection });
  const results = keys.map((key) => pipe.incr(key));
  return pipe.onExecute(() => results.reduce((sum, result) => sum + result.result, 0));
}

describe('a root over two servers', () => {
  it('sends one batch per server; futures and callbacks act as one pipeline', async () => {
    let onMain: Future<number>;
    let onCache: Future<number>;
    let both: Future<string>;
    {
      await using root = pipeline(undefined, { autoexec: true });
      onMain = incrSum(keyRange('k', 0, 50), root);
      onCache = incrSum(keyRange('k', 0, 30), root, 'cache');
      both = root.onExecute(() => `${onMain.result}/${onCache.result}`);
    }
    expect(both.result).toBe('50/30');
    expect([main.roundTrips, cache.roundTrips]).toEqual([1, 1]);
    expect(await commandCalls(main.client, 'incr')).toBe(50);
    expect(await commandCalls(cache.client, 'incr')).toBe(30);
    expect(await cache.client.exists(keyRange('k', 30, 50))).toBe(0);
  });

  it('has both batches in flight at once', async () => {
    const root = pipeline();
    // Each batch holds its connection for 300 ms: together 300 ms if parallel, 600 if not.
    root.blpop('empty', 0.3);
    {
      using cached = pipeline(root, { client: 'cache' });
      cached.blpop('empty', 0.3);
    }
    const started = performance.now();
    await root.execute();
    const elapsed = performance.now() - started;
    expect(gauge.max).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(550);
  });

  it('keeps a transactional root in one MULTI/EXEC per connection', async () => {
    let sums: Future<number>[];
    {
      await using root = pipeline(undefined, { autoexec: true, transaction: true });
      sums = [
        incrSum(['a', 'b'], root),
        incrSum(['a', 'b', 'c'], root, 'cache'),
        incrSum(['a'], root),
      ];
      using deeper = pipeline(root, { client: 'cache' });
      sums.push(incrSum(['c'], deeper));
    }
    expect(sums.map((sum) => sum.result)).toEqual([2, 3, 2, 2]);
    for (const transport of [main, cache]) {
      expect(transport.roundTrips).toBe(1);
      const batch = transport.batches[0]!;
      expect([batch[0], batch.at(-1)]).toEqual([['MULTI'], ['EXEC']]);
      expect(await commandCalls(transport.client, 'multi')).toBe(1);
      expect(await commandCalls(transport.client, 'exec')).toBe(1);
    }
    expect(await commandCalls(main.client, 'incr')).toBe(3);
    expect(await commandCalls(cache.client, 'incr')).toBe(4);
  });

  it('refuses to rebind a name to another server, and accepts the same client again', () => {
    expect(() => registerClient(cache, 'cache')).not.toThrow();
    expect(() => registerClient(main, 'cache')).toThrow(ClientRegistryError);
    expect(() => pipeline(undefined, { client: 'nowhere' })).toThrow(
      /registerClient\(client, 'nowhere'\)/,
    );
  });
});
