import {
  rawCommand,
  startRedisServer,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClient } from '../../src/index.js';

let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});

const open: RedisClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.quit()));
});
let names = 0;
/** A caching client, named so that a test can find and kill its connections. */
function cachingClient(protocol: 2 | 3 = 3, maxEntries = 1000): RedisClient {
  const client = createClient({
    port: server.port,
    protocol,
    clientName: `csc-${process.pid}-${++names}`,
    clientSideCache: { maxEntries },
  });
  open.push(client);
  return client;
}
const write = (...args: (string | number)[]): Promise<unknown> =>
  rawCommand(server, args.map(String));

describe.each([3, 2] as const)('client-side caching over RESP%i', (protocol) => {
  it('answers a repeated read from the cache until another client writes the key', async () => {
    const client = cachingClient(protocol);
    await write('SET', `csc${protocol}:a`, 'v1');
    expect(await client.get(`csc${protocol}:a`)).toBe('v1');
    expect(await client.get(`csc${protocol}:a`)).toBe('v1');
    expect(client.cacheStats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });

    await write('SET', `csc${protocol}:a`, 'v2');
    await waitUntil('the invalidation', async () => client.cacheStats()!.invalidations === 1);
    expect(client.cacheStats()!.entries).toBe(0);
    expect(await client.get(`csc${protocol}:a`)).toBe('v2');
    expect(client.cacheStats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('flushes everything when its connection is killed, and tracks again after', async () => {
    const client = cachingClient(protocol);
    await write('SET', `csc${protocol}:k`, 'before');
    expect(await client.get(`csc${protocol}:k`)).toBe('before');
    await client.get(`csc${protocol}:k`);
    expect(client.cacheStats()).toMatchObject({ hits: 1, entries: 1 });

    // While we are away the server forgets our tracking: this write invalidates nothing.
    await write('CLIENT', 'KILL', 'ID', await commandConnectionId(client));
    await write('SET', `csc${protocol}:k`, 'while-away');
    await waitUntil('the flush', async () => client.cacheStats()!.entries === 0);
    expect(await client.get(`csc${protocol}:k`)).toBe('while-away');

    // Tracking was turned on again within the new handshake.
    expect(await client.get(`csc${protocol}:k`)).toBe('while-away');
    await write('SET', `csc${protocol}:k`, 'after');
    await waitUntil('the invalidation', async () => client.cacheStats()!.entries === 0);
    expect(await client.get(`csc${protocol}:k`)).toBe('after');
  });

  it('flushes on FLUSHDB from another client', async () => {
    const client = cachingClient(protocol);
    await write('SET', `csc${protocol}:f`, '1');
    await client.get(`csc${protocol}:f`);
    const { flushes } = client.cacheStats()!;
    await write('FLUSHDB');
    await waitUntil('the flush', async () => client.cacheStats()!.flushes > flushes);
    expect(await client.get(`csc${protocol}:f`)).toBeNull();
  });
});

describe('client-side caching over RESP2, when its invalidation connection is killed', () => {
  it('flushes and serves nothing from the cache until tracking redirects to the new one', async () => {
    const client = cachingClient(2);
    await write('SET', 'redir:k', 'v1');
    await client.get('redir:k');
    await client.get('redir:k');
    expect(client.cacheStats()).toMatchObject({ hits: 1, entries: 1 });

    // The REDIRECT target is the client's only subscribed connection.
    const list = String(await write('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    const id = /id=(\d+) .*name=csc-\d+-\d+ /.exec(list)![1]!;
    await write('CLIENT', 'KILL', 'ID', id);
    await waitUntil('the flush', async () => client.cacheStats()!.entries === 0);
    // Written while no invalidation can reach us.
    await write('SET', 'redir:k', 'v2');
    expect(await client.get('redir:k')).toBe('v2');

    // Back: reads are cached again, and invalidated by writes again.
    await waitUntil('caching again', async () => {
      await client.get('redir:k');
      return client.cacheStats()!.entries === 1;
    });
    await write('SET', 'redir:k', 'v3');
    await waitUntil('the invalidation', async () => client.cacheStats()!.entries === 0);
    expect(await client.get('redir:k')).toBe('v3');
  });
});

describe('client-side caching', () => {
  it('reads its own writes at once', async () => {
    const client = cachingClient();
    await client.set('own', '1');
    expect(await client.get('own')).toBe('1');
    await client.set('own', '2');
    expect(await client.get('own')).toBe('2');
    await client.pipeline((p) => [p.set('own', '3')]);
    expect(await client.get('own')).toBe('3');
  });

  it('keeps string and Buffer replies apart, and typed and raw replies apart', async () => {
    const client = cachingClient();
    await write('HSET', 'modes', 'f', 'v');
    expect(await client.get('modes:s')).toBeNull();
    expect(await client.hgetall('modes')).toEqual({ f: 'v' });
    const raw = await client.withBuffers().hgetall('modes');
    expect(raw).toEqual({ f: Buffer.from('v') });
    expect(await client.sendCommand(['HGETALL', 'modes'])).not.toEqual({ f: Buffer.from('v') });
    expect(client.cacheStats()!.entries).toBe(4);
  });

  it('hands out copies: changing a reply does not change the cache', async () => {
    const client = cachingClient();
    await write('RPUSH', 'copies', 'a', 'b');
    const first = await client.lrange('copies', 0, -1);
    first.push('mutated');
    const second = await client.lrange('copies', 0, -1);
    second.pop();
    expect(await client.lrange('copies', 0, -1)).toEqual(['a', 'b']);
    expect(client.cacheStats()!.hits).toBe(2);
  });

  it('never answers a pipeline, a transaction or a non-cacheable read from the cache', async () => {
    const client = cachingClient();
    await write('SET', 'piped', 'x', 'EX', 100);
    await client.get('piped');
    const [piped] = await client.pipeline((p) => [p.get('piped')]);
    const [inMulti] = await client.transaction((p) => [p.get('piped')]);
    expect([piped, inMulti]).toEqual(['x', 'x']);
    expect(await client.ttl('piped')).toBeGreaterThan(0);
    expect(await client.ttl('piped')).toBeGreaterThan(0);
    expect(client.cacheStats()).toMatchObject({ hits: 0, misses: 1 });
  });

  it('stays within maxEntries and maxBytes over 100k distinct keys read from the server', async () => {
    const client = createClient({
      port: server.port,
      clientSideCache: { maxEntries: 10_000, maxBytes: 1024 * 1024 },
    });
    open.push(client);
    await client.connect(); // the first 25 000 reads would overflow the offline queue
    const heapBefore = process.memoryUsage().heapUsed;
    let maxBytes = 0;
    for (let start = 0; start < 100_000; start += 25_000) {
      const reads = [];
      for (let i = start; i < start + 25_000; i++) reads.push(client.get(`lru:${i}`));
      await Promise.all(reads);
      maxBytes = Math.max(maxBytes, client.cacheStats()!.bytes);
    }
    const stats = client.cacheStats()!;
    // Missing keys reply null, and null replies are cached like any other.
    expect(stats.misses).toBe(100_000);
    expect(stats.entries).toBeLessThanOrEqual(10_000);
    expect(maxBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(stats.evictions).toBe(100_000 - stats.entries);
    // The most recent keys are the ones kept.
    await client.get('lru:99999');
    expect(client.cacheStats()!.hits).toBe(1);
    // Loose: the cache's own bound is 1 MiB; the heap may keep garbage not yet collected.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    // (1M keys through the same cache, without a server: client-side-cache.test.ts in src/.)
  }, 30_000);
});

/** The id of the client's shared command connection (not its RESP2 invalidation connection). */
async function commandConnectionId(client: RedisClient): Promise<number> {
  const info = (await client.clientInfo()) as { id: number };
  return info.id;
}
