import type { PreparedCommand, RespValue } from '@redspec/types/internal';
import { cacheKeyOf, cachedKeyName, isCacheable } from './cacheable-command.js';
import type { ResolvedCacheOptions } from './cache-options.js';
import { copyReply, ReplyStore } from './reply-store.js';

/** What `client.cacheStats()` reports. Counters run from the client's creation. */
export interface CacheStats {
  /** Calls answered from the cache. */
  readonly hits: number;
  /** Cacheable calls sent to the server (not cached, expired, or not cacheable at the time). */
  readonly misses: number;
  /** Replies dropped to keep within `maxEntries` or `maxBytes`. */
  readonly evictions: number;
  /** Replies dropped because the server (or one of our own writes) invalidated their key. */
  readonly invalidations: number;
  /** Times the whole cache was emptied: a connection dropped, or the server flushed. */
  readonly flushes: number;
  /** Replies held now. */
  readonly entries: number;
  /** Estimated bytes held now (see `maxBytes`). */
  readonly bytes: number;
}

/** A cacheable read in flight: its reply is stored only if nothing invalidated it meanwhile. */
interface PendingRead {
  readonly keyName: string;
  readonly generation: number;
  stale: boolean;
}

/**
 * The client-side cache itself, independent of how commands travel: a backend's tracking
 * (tracking-connection.ts) feeds it invalidations and tells it when tracking is lost
 * (`flush`) or suspended; `CachingBackend` asks it to `read` cacheable commands.
 *
 * The race it closes: a read is sent, another client writes the key, the server sends our
 * reply and then the invalidation, but the reply's continuation runs after the invalidation
 * was handled. Each read in flight is therefore registered by key; an invalidation of its key,
 * or any flush (a new generation), while it is in flight keeps its reply out of the cache.
 */
export class ClientSideCache {
  private readonly store: ReplyStore;
  private readonly pending = new Map<string, Set<PendingRead>>();
  private generation = 0;
  /** False while invalidations cannot reach us (RESP2: the redirect connection is down). */
  private tracking = true;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;
  private flushes = 0;

  constructor(readonly options: ResolvedCacheOptions) {
    this.store = new ReplyStore(options.maxEntries, options.maxBytes);
  }

  /** Whether `read` may answer this command from the cache. */
  accepts(command: PreparedCommand): boolean {
    if (!isCacheable(command.spec)) return false;
    const prefixes = this.options.prefixes;
    if (prefixes.length === 0) return true;
    const keyName = cachedKeyName(command);
    return prefixes.some((prefix) => keyName.startsWith(prefix));
  }

  /** Answers a cacheable command from the cache, or sends it and stores its reply. */
  read(command: PreparedCommand, modeTag: string, send: () => Promise<unknown>): Promise<unknown> {
    const cacheKey = cacheKeyOf(command, modeTag);
    const stored = this.store.get(cacheKey, performance.now());
    if (stored !== undefined) {
      this.hits++;
      return Promise.resolve(copyReply(stored.value));
    }
    this.misses++;
    if (!this.tracking) return send();
    const read: PendingRead = {
      keyName: cachedKeyName(command),
      generation: this.generation,
      stale: false,
    };
    this.register(read);
    return send().then(
      (reply) => {
        this.unregister(read);
        if (!read.stale && read.generation === this.generation && this.tracking) {
          const ttl = this.options.ttlMs;
          const expiresAt = ttl > 0 ? performance.now() + ttl : Infinity;
          this.store.set(cacheKey, read.keyName, copyReply(reply), expiresAt);
        }
        return reply;
      },
      (error: unknown) => {
        this.unregister(read);
        throw error;
      },
    );
  }

  /**
   * An invalidation message's payload: the keys whose replies to drop, or null when the server
   * flushed its databases (FLUSHALL, FLUSHDB).
   */
  invalidate(keys: RespValue): void {
    if (keys === null) {
      this.flush();
      return;
    }
    if (!Array.isArray(keys)) return;
    for (const key of keys) {
      if (typeof key === 'string') this.invalidateKey(key);
      else if (Buffer.isBuffer(key)) this.invalidateKey(key.toString());
    }
  }

  /** Drops one key's replies and keeps replies in flight for it out of the cache. */
  invalidateKey(keyName: string): void {
    this.invalidations += this.store.invalidate(keyName);
    const reads = this.pending.get(keyName);
    if (reads !== undefined) for (const read of reads) read.stale = true;
  }

  /** Empties the cache; replies in flight are not stored either (a new generation). */
  flush(): void {
    this.generation++;
    this.flushes++;
    this.store.clear();
  }

  /** Stops caching until `resume`: invalidations cannot reach us. Flushes. */
  suspend(): void {
    this.tracking = false;
    this.flush();
  }

  /** Invalidations reach us again (tracking re-enabled towards a live redirect connection). */
  resume(): void {
    if (this.tracking) return;
    this.flush();
    this.tracking = true;
  }

  stats(): CacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      evictions: this.store.evictions,
      invalidations: this.invalidations,
      flushes: this.flushes,
      entries: this.store.size,
      bytes: this.store.bytes,
    };
  }

  private register(read: PendingRead): void {
    let reads = this.pending.get(read.keyName);
    if (reads === undefined) this.pending.set(read.keyName, (reads = new Set()));
    reads.add(read);
  }

  private unregister(read: PendingRead): void {
    const reads = this.pending.get(read.keyName);
    reads?.delete(read);
    if (reads?.size === 0) this.pending.delete(read.keyName);
  }
}
