/** Bytes counted for each entry beyond its keys and reply: the Map slots and the entry object. */
export const ENTRY_OVERHEAD_BYTES = 96;

/** One cached reply, linked into the recency list (`older` towards the eviction end). */
interface StoredReply {
  readonly cacheKey: string;
  readonly value: unknown;
  /** The Redis key it was read from, for invalidation. */
  readonly keyName: string;
  readonly bytes: number;
  /** `performance.now()` past which it is not served; Infinity without `ttlMs`. */
  readonly expiresAt: number;
  older: StoredReply | undefined;
  newer: StoredReply | undefined;
  /** The other entries read from the same Redis key (typed vs raw, strings vs Buffers …). */
  sameKey: StoredReply | undefined;
}

/**
 * The cache's memory: replies by cache key, in a doubly linked recency list (a hit moves its
 * entry to the newest end; eviction takes the oldest), bounded in entries and estimated bytes,
 * with an index from Redis key to the entries read from it, so an invalidation drops them all.
 * Not a Map's insertion order: V8 leaves deleted slots at the front of a Map until it rehashes,
 * so finding the oldest entry that way grew with every eviction (32 µs per insert at 1M keys).
 */
export class ReplyStore {
  private readonly entries = new Map<string, StoredReply>();
  /** The newest entry read from each Redis key; the others follow its `sameKey` chain. */
  private readonly byKeyName = new Map<string, StoredReply>();
  private oldest: StoredReply | undefined;
  private newest: StoredReply | undefined;
  private totalBytes = 0;
  evictions = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** The reply stored under `cacheKey`, if any and not expired; marks it most recently used. */
  get(cacheKey: string, now: number): StoredReply | undefined {
    const entry = this.entries.get(cacheKey);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.remove(entry);
      return undefined;
    }
    if (entry !== this.newest) {
      this.unlink(entry);
      this.link(entry);
    }
    return entry;
  }

  /** Stores a reply, evicting the least recently used until both bounds hold. */
  set(cacheKey: string, keyName: string, value: unknown, expiresAt: number): void {
    const bytes = ENTRY_OVERHEAD_BYTES + 2 * (cacheKey.length + keyName.length) + sizeOf(value);
    if (bytes > this.maxBytes) return;
    const previous = this.entries.get(cacheKey);
    if (previous !== undefined) this.remove(previous);
    const entry: StoredReply = {
      cacheKey,
      value,
      keyName,
      bytes,
      expiresAt,
      older: undefined,
      newer: undefined,
      sameKey: this.byKeyName.get(keyName),
    };
    this.entries.set(cacheKey, entry);
    this.byKeyName.set(keyName, entry);
    this.link(entry);
    this.totalBytes += bytes;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxBytes) {
      this.remove(this.oldest!);
      this.evictions++;
    }
  }

  /** Drops every reply read from this Redis key; returns how many. */
  invalidate(keyName: string): number {
    let count = 0;
    for (let entry = this.byKeyName.get(keyName); entry !== undefined; entry = entry.sameKey) {
      this.remove(entry);
      count++;
    }
    return count;
  }

  clear(): void {
    this.entries.clear();
    this.byKeyName.clear();
    this.oldest = this.newest = undefined;
    this.totalBytes = 0;
  }

  private remove(entry: StoredReply): void {
    this.entries.delete(entry.cacheKey);
    this.unlink(entry);
    this.totalBytes -= entry.bytes;
    // Unchain it from its key's entries: usually the only one, so the chain is short.
    const head = this.byKeyName.get(entry.keyName);
    if (head === entry) {
      if (entry.sameKey === undefined) this.byKeyName.delete(entry.keyName);
      else this.byKeyName.set(entry.keyName, entry.sameKey);
      return;
    }
    for (let before = head; before !== undefined; before = before.sameKey) {
      if (before.sameKey !== entry) continue;
      before.sameKey = entry.sameKey;
      return;
    }
  }

  /** Puts an entry at the newest end. */
  private link(entry: StoredReply): void {
    entry.older = this.newest;
    entry.newer = undefined;
    if (this.newest !== undefined) this.newest.newer = entry;
    this.newest = entry;
    this.oldest ??= entry;
  }

  private unlink(entry: StoredReply): void {
    if (entry.older !== undefined) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer !== undefined) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = undefined;
  }
}

/** An estimate of a reply's memory: what dominates it, not V8's exact layout. */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length;
  if (value === null || typeof value !== 'object') return 8;
  if (Buffer.isBuffer(value)) return value.length + 64;
  let bytes = 32;
  if (Array.isArray(value)) for (const item of value) bytes += 8 + sizeOf(item);
  else if (value instanceof Map) for (const [k, v] of value) bytes += 16 + sizeOf(k) + sizeOf(v);
  else if (value instanceof Set) for (const item of value) bytes += 8 + sizeOf(item);
  else for (const [k, v] of Object.entries(value)) bytes += 16 + sizeOf(k) + sizeOf(v);
  return bytes;
}

/**
 * A copy the caller may change without changing the cache: replies are plain data (strings,
 * numbers, Buffers, arrays, objects, Maps, Sets), and immutable ones are returned as they are.
 */
export function copyReply<TValue>(value: TValue): TValue {
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return Buffer.from(value) as TValue;
  if (Array.isArray(value)) return value.map(copyReply) as TValue;
  if (value instanceof Map)
    return new Map([...value].map(([k, v]) => [copyReply(k), copyReply(v)])) as TValue;
  if (value instanceof Set) return new Set([...value].map(copyReply)) as TValue;
  if (value instanceof Error) return value;
  // Reply objects may be null-prototype (plain-object.ts): keep what the caller would get.
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<
    string,
    unknown
  >;
  for (const [k, v] of Object.entries(value)) copy[k] = copyReply(v);
  return copy as TValue;
}
