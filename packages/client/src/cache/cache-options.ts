/**
 * What `clientSideCache` takes on `createClient` and `createCluster`: server-assisted caching of
 * Redis 6+ (`CLIENT TRACKING`), kept in an LRU bounded in entries and bytes.
 */
export interface ClientSideCacheOptions {
  /** Most replies held at once; the least recently used goes first. Required. */
  maxEntries: number;
  /**
   * Most bytes held at once, as estimated from the keys and replies (strings count two bytes a
   * character, Buffers their length, plus a fixed overhead per entry). Default 64 MiB.
   */
  maxBytes?: number;
  /**
   * Longest a reply is served from the cache, in ms, even without an invalidation; a safety net
   * for invalidations the server never sends (see the guide). Default: no limit (0).
   */
  ttlMs?: number;
  /**
   * `'default'`: the server remembers the keys this client read and invalidates only those.
   * `'bcast'`: the server invalidates every key matching `prefixes`, read or not; cheaper for
   * the server, noisier for the client, and only keys under a prefix are cached.
   */
  mode?: 'default' | 'bcast';
  /** With `mode: 'bcast'`: the key prefixes to track (default: every key). */
  prefixes?: readonly string[];
}

/** `ClientSideCacheOptions` with defaults applied and checked. */
export interface ResolvedCacheOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
  readonly bcast: boolean;
  readonly prefixes: readonly string[];
}

/** Checks the options once, with errors that name the option; applies the defaults. */
export function resolveCacheOptions(options: ClientSideCacheOptions): ResolvedCacheOptions {
  const { maxEntries, maxBytes = 64 * 1024 * 1024, ttlMs = 0, mode = 'default' } = options;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
    throw new TypeError(`clientSideCache.maxEntries must be a positive integer, got ${maxEntries}`);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1)
    throw new TypeError(`clientSideCache.maxBytes must be a positive integer, got ${maxBytes}`);
  if (!Number.isFinite(ttlMs) || ttlMs < 0)
    throw new TypeError(`clientSideCache.ttlMs must be 0 or more, got ${ttlMs}`);
  if (mode !== 'default' && mode !== 'bcast')
    throw new TypeError(`clientSideCache.mode must be 'default' or 'bcast', got '${String(mode)}'`);
  const prefixes = options.prefixes ?? [];
  if (prefixes.length > 0 && mode !== 'bcast')
    throw new TypeError("clientSideCache.prefixes needs mode: 'bcast'");
  if (prefixes.some((prefix) => typeof prefix !== 'string'))
    throw new TypeError('clientSideCache.prefixes must be strings');
  return { maxEntries, maxBytes, ttlMs, bcast: mode === 'bcast', prefixes: [...prefixes] };
}
