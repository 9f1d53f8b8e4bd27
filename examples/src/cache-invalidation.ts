/**
 * An in-process cache in front of Redis, kept fresh by pub/sub: writers publish the keys they
 * change on an invalidation channel, and keyspace notifications catch every other change (a SET
 * from another service, an expiry, an eviction). After a reconnect the cache is flushed, since
 * pub/sub is at-most-once and the invalidations sent during the gap are lost.
 *
 * Run it: `pnpm --filter @redspec/examples exec tsx src/cache-invalidation.ts` (uses REDIS_URL
 * when set, otherwise starts a redis-server of its own).
 */
import { createClient, type RedisClient, type Subscription } from '@redspec/client';
import { runExample } from './run-example.js';

/** Where writers announce the keys they changed (one key per message). */
export const INVALIDATION_CHANNEL = 'cache:invalidate';

/** How a cache is set up. */
export interface CacheOptions {
  /** Only keys with this prefix are cached and watched. */
  readonly prefix: string;
  /** The database the client uses, for the keyspace channel name. Default 0. */
  readonly db?: number;
}

/** Counters a test or a dashboard can read. */
export interface CacheStats {
  hits: number;
  misses: number;
  invalidations: number;
  flushes: number;
}

/**
 * Values of `prefix*` keys read through `get()`, dropped when an invalidation message or a
 * keyspace notification names them, and all dropped after the subscriber reconnects.
 */
export class InvalidatedCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, invalidations: 0, flushes: 0 };
  private readonly values = new Map<string, string | null>();
  /** Bumped on each invalidation, so a read that raced with one does not store a stale value. */
  private readonly versions = new Map<string, number>();
  private readonly subscriptions: Subscription[] = [];

  private constructor(
    private readonly client: RedisClient,
    private readonly options: CacheOptions,
  ) {}

  /** Subscribes to the invalidation channel and to the prefix's keyspace notifications. */
  static async open(client: RedisClient, options: CacheOptions): Promise<InvalidatedCache> {
    const cache = new InvalidatedCache(client, options);
    const keyspace = `__keyspace@${options.db ?? 0}__:`;
    cache.subscriptions.push(
      await client.subscribe(INVALIDATION_CHANNEL, (key) => cache.invalidate(key)),
      await client.psubscribe(`${keyspace}${options.prefix}*`, (_event, channel) =>
        cache.invalidate(channel.slice(keyspace.length)),
      ),
    );
    client.on('resubscribed', cache.flush);
    return cache;
  }

  /** The key's value, from memory when cached, otherwise from Redis (and then cached). */
  async get(key: string): Promise<string | null> {
    if (this.values.has(key)) {
      this.stats.hits++;
      return this.values.get(key)!;
    }
    this.stats.misses++;
    const version = this.versions.get(key) ?? 0;
    const value = await this.client.get(key);
    if (key.startsWith(this.options.prefix) && (this.versions.get(key) ?? 0) === version) {
      this.values.set(key, value);
    }
    return value;
  }

  /** Whether the key's value is in memory now. */
  has(key: string): boolean {
    return this.values.has(key);
  }

  /** Drops one key. */
  invalidate(key: string): void {
    this.stats.invalidations++;
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    this.values.delete(key);
  }

  /** Drops everything: after a reconnect, invalidations may have been missed. */
  readonly flush = (): void => {
    this.stats.flushes++;
    for (const key of this.values.keys()) this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    this.values.clear();
  };

  /** Unsubscribes; the client stays open. */
  async close(): Promise<void> {
    this.client.off('resubscribed', this.flush);
    await Promise.all(this.subscriptions.map((subscription) => subscription.unsubscribe()));
  }
}

/** A writer that changes a key and tells every cache, for data keyspace events do not cover. */
export async function writeAndInvalidate(
  client: RedisClient,
  key: string,
  value: string,
): Promise<void> {
  await client.set(key, value);
  await client.publish(INVALIDATION_CHANNEL, key);
}

/** Two services share `user:1`: one caches it, the other changes it. Returns what the first read. */
export async function main(url: string): Promise<string[]> {
  const reader = createClient(url);
  const writer = createClient(url);
  // Keyspace notifications are off by default: K = keyspace channel, A = every event class.
  await writer.configSet({ 'notify-keyspace-events': 'KA' });
  const cache = await InvalidatedCache.open(reader, { prefix: 'user:' });
  const reads: string[] = [];
  const read = async (): Promise<void> => void reads.push(String(await cache.get('user:1')));
  const invalidated = (): Promise<void> =>
    new Promise((resolve) => {
      const poll = (): void => (cache.has('user:1') ? void setTimeout(poll, 5) : resolve());
      poll();
    });
  try {
    await writer.set('user:1', 'Ada');
    await read(); // from Redis
    await read(); // from memory
    await writer.set('user:1', 'Grace'); // another service: a keyspace notification
    await invalidated();
    await read();
    await read();
    await writeAndInvalidate(writer, 'user:1', 'Barbara'); // SET's event, then the explicit one
    await invalidated();
    await read();
    console.log('reads:', reads, cache.stats);
    return reads;
  } finally {
    await cache.close();
    await writer.del('user:1');
    await Promise.all([reader.quit(), writer.quit()]);
  }
}

await runExample(import.meta.url, main);
