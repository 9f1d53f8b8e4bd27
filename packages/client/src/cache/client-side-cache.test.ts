import { commandTable, prepareCommand, prepareRawCommand } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { resolveCacheOptions } from './cache-options.js';
import { ClientSideCache } from './client-side-cache.js';

const get = (key: string) => prepareCommand(commandTable.get, [key], undefined);
const cacheOf = (maxEntries = 100, maxBytes?: number) =>
  new ClientSideCache(resolveCacheOptions({ maxEntries, maxBytes }));

/** A send whose reply the test releases when it wants. */
function deferred(): { send: () => Promise<unknown>; reply: (value: unknown) => void } {
  let reply!: (value: unknown) => void;
  const promise = new Promise((resolve) => (reply = resolve));
  return { send: () => promise, reply };
}

describe('ClientSideCache', () => {
  it('stores a reply and serves it again', async () => {
    const cache = cacheOf();
    expect(await cache.read(get('k'), 'S', () => Promise.resolve('v'))).toBe('v');
    expect(await cache.read(get('k'), 'S', () => Promise.reject(new Error('sent')))).toBe('v');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('does not store a reply whose key was invalidated while it was in flight', async () => {
    const cache = cacheOf();
    const { send, reply } = deferred();
    const read = cache.read(get('k'), 'S', send);
    cache.invalidate(['k']);
    reply('stale');
    expect(await read).toBe('stale');
    expect(cache.stats().entries).toBe(0);
  });

  it('does not store a reply in flight across a flush, nor while suspended', async () => {
    const cache = cacheOf();
    const first = deferred();
    const read = cache.read(get('k'), 'S', first.send);
    cache.flush();
    first.reply('v');
    await read;
    cache.suspend();
    await cache.read(get('k'), 'S', () => Promise.resolve('v'));
    expect(cache.stats().entries).toBe(0);
    cache.resume();
    await cache.read(get('k'), 'S', () => Promise.resolve('v'));
    expect(cache.stats().entries).toBe(1);
  });

  it('keeps entries for other keys when one key is invalidated, and drops all on null', async () => {
    const cache = cacheOf();
    await cache.read(get('a'), 'S', () => Promise.resolve('1'));
    await cache.read(get('a'), 'B', () => Promise.resolve(Buffer.from('1')));
    // A raw GET is shaped as the typed one (no reply plan): the same entry.
    await cache.read(prepareRawCommand(['GET', 'a']), 'S', () => Promise.resolve('1'));
    await cache.read(get('b'), 'S', () => Promise.resolve('2'));
    expect(cache.stats()).toMatchObject({ entries: 3, hits: 1 });
    cache.invalidate(['a']);
    expect(cache.stats()).toMatchObject({ entries: 1, invalidations: 2 });
    cache.invalidate(null);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, flushes: 1 });
  });

  it('expires entries after ttlMs', async () => {
    const cache = new ClientSideCache(resolveCacheOptions({ maxEntries: 10, ttlMs: 20 }));
    await cache.read(get('t'), 'S', () => Promise.resolve('v'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await cache.read(get('t'), 'S', () => Promise.resolve('fresh'))).toBe('fresh');
  });

  it('stays within maxEntries and maxBytes over 1M distinct keys', async () => {
    const cache = cacheOf(10_000, 1024 * 1024);
    let maxBytes = 0;
    for (let start = 0; start < 1_000_000; start += 10_000) {
      const reads: Promise<unknown>[] = [];
      for (let i = start; i < start + 10_000; i++)
        reads.push(cache.read(get(`lru:${i}`), 'S', () => Promise.resolve(`value-${i}`)));
      await Promise.all(reads);
      maxBytes = Math.max(maxBytes, cache.stats().bytes);
    }
    const stats = cache.stats();
    expect(stats.entries).toBeLessThanOrEqual(10_000);
    expect(Math.max(maxBytes, stats.bytes)).toBeLessThanOrEqual(1024 * 1024);
    expect(stats.evictions).toBe(1_000_000 - stats.entries);
    expect(await cache.read(get('lru:999999'), 'S', () => Promise.resolve('x'))).toBe(
      'value-999999',
    );
    expect(await cache.read(get('lru:0'), 'S', () => Promise.resolve('sent'))).toBe('sent');
    // About 5 s of CPU; the bound is for a machine shared by many test runs.
  }, 90_000);
});

describe('resolveCacheOptions', () => {
  it('names the option it refuses', () => {
    expect(() => resolveCacheOptions({ maxEntries: 0 })).toThrow('clientSideCache.maxEntries');
    expect(() => resolveCacheOptions({ maxEntries: 1, maxBytes: -1 })).toThrow(
      'clientSideCache.maxBytes',
    );
    expect(() => resolveCacheOptions({ maxEntries: 1, prefixes: ['a'] })).toThrow(
      "needs mode: 'bcast'",
    );
  });
});
