import {
  rawCommand,
  startRedisCluster,
  waitUntil,
  type RedisClusterHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type RedisCluster } from '../../src/index.js';

describe('client-side caching on a cluster', () => {
  let handle: RedisClusterHandle;
  let cached: RedisCluster;
  let writer: RedisCluster;
  // Hash tags spread over the three shards' slot ranges.
  const keys = ['{a}csc', '{b}csc', '{c}csc', '{d}csc', '{e}csc', '{f}csc'];

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 0 });
    cached = createCluster({
      rootNodes: handle.rootNodes.slice(0, 1),
      clientName: 'csc-cached',
      clientSideCache: { maxEntries: 100 },
    });
    writer = createCluster({ rootNodes: handle.rootNodes.slice(0, 1) });
  }, 60_000);
  afterAll(async () => {
    await cached?.quit();
    await writer?.quit();
    await handle?.stop();
  });

  it('caches reads on every node and drops them when another client writes', async () => {
    await Promise.all(keys.map((key) => writer.set(key, 'v1')));
    expect(await Promise.all(keys.map((key) => cached.get(key)))).toEqual(keys.map(() => 'v1'));
    expect(await Promise.all(keys.map((key) => cached.get(key)))).toEqual(keys.map(() => 'v1'));
    expect(cached.cacheStats()).toMatchObject({ hits: keys.length, entries: keys.length });

    await Promise.all(keys.map((key) => writer.set(key, 'v2')));
    await waitUntil('the invalidations', async () => cached.cacheStats()!.entries === 0);
    expect(await Promise.all(keys.map((key) => cached.get(key)))).toEqual(keys.map(() => 'v2'));
  });

  it('flushes when a node connection is killed, and serves fresh values after', async () => {
    await Promise.all(keys.map((key) => cached.get(key)));
    expect(cached.cacheStats()!.entries).toBe(keys.length);
    const node = handle.nodes[0]!;
    const list = String(await rawCommand(node, ['CLIENT', 'LIST']));
    const id = /id=(\d+) .*name=csc-cached /.exec(list)![1]!;
    await rawCommand(node, ['CLIENT', 'KILL', 'ID', id]);
    await waitUntil('the flush', async () => cached.cacheStats()!.entries === 0);
    await Promise.all(keys.map((key) => writer.set(key, 'v3')));
    expect(await Promise.all(keys.map((key) => cached.get(key)))).toEqual(keys.map(() => 'v3'));
  });

  it('refuses RESP2 in a cluster, naming the option', () => {
    expect(() =>
      createCluster({
        rootNodes: handle.rootNodes,
        protocol: 2,
        clientSideCache: { maxEntries: 1 },
      }),
    ).toThrow('clientSideCache needs protocol 3');
  });
});
