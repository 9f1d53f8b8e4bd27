import { createClient } from '@redspec/client';
import {
  rawCommand,
  startRedisServer,
  waitUntil,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvalidatedCache, main, writeAndInvalidate } from './cache-invalidation.js';

// A server of its own: the example turns keyspace notifications on.
let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server?.stop());

describe('examples/src/cache-invalidation.ts', () => {
  it('main: cached reads, evicted by another writer and by an explicit invalidation', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(server.url)).toEqual(['Ada', 'Ada', 'Grace', 'Grace', 'Barbara']);
  });

  it('serves from memory until a keyspace event (expiry included) or a message evicts', async () => {
    const reader = createClient(server.url);
    const writer = createClient(server.url);
    await writer.configSet({ 'notify-keyspace-events': 'KA' });
    const cache = await InvalidatedCache.open(reader, { prefix: 'item:' });
    await writer.set('item:1', 'a', { expiration: { px: 1000 } });
    // SET … PX notifies `set` and `expire`, each invalidating item:1; a read racing them is
    // rightly not cached, so read once both came.
    await waitUntil('the SET notifications', async () => cache.stats.invalidations === 2);
    expect(await cache.get('item:1')).toBe('a');
    expect(await cache.get('item:1')).toBe('a');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
    await waitUntil('the expiry to evict it', async () => !cache.has('item:1'));
    expect(await cache.get('item:1')).toBeNull();

    // Derived data no keyspace event names: the writer says which key changed.
    await writer.set('item:2', 'old');
    expect(await cache.get('item:2')).toBe('old');
    await writeAndInvalidate(writer, 'item:2', 'new');
    await waitUntil('the invalidation', async () => !cache.has('item:2'));
    expect(await cache.get('item:2')).toBe('new');
    await cache.close();
    await Promise.all([reader.quit(), writer.quit()]);
  });

  it('flushes after the subscriber reconnects, and keeps invalidating after it', async () => {
    const reader = createClient(server.url);
    const writer = createClient(server.url);
    await writer.configSet({ 'notify-keyspace-events': 'KA' });
    const cache = await InvalidatedCache.open(reader, { prefix: 'gap:' });
    await writer.set('gap:1', 'before');
    await cache.get('gap:1');
    await rawCommand(server, ['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    await waitUntil('the resubscription to flush', async () => cache.stats.flushes === 1);
    expect(cache.has('gap:1')).toBe(false);
    expect(await cache.get('gap:1')).toBe('before');
    await writer.set('gap:1', 'after');
    await waitUntil('the invalidation', async () => !cache.has('gap:1'));
    expect(await cache.get('gap:1')).toBe('after');
    await cache.close();
    await Promise.all([reader.quit(), writer.quit()]);
  });
});
