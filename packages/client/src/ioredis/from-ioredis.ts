import { createClientOn, type RedisClient } from '../client/redis-client.js';
import { IoredisBackend } from './ioredis-backend.js';
import type { IoredisLike } from './ioredis-like.js';

/** Options of `fromIoredis`. */
export interface FromIoredisOptions {
  /**
   * Whether `quit()` and `disconnect()` also close the ioredis instance you gave (default
   * `true`), so that closing the client lets the process exit. `false` leaves it open, for an
   * instance the application goes on using elsewhere; close it yourself then.
   */
  closeWrapped?: boolean;
}

/**
 * Wraps an existing ioredis instance (v5 or v6; say, one connected through Sentinel) in the
 * typed surface. Replies are shaped exactly as with our own connection. `quit()` closes the
 * connections the adapter opened (blocking commands, WATCH, pub/sub) and, unless
 * `closeWrapped: false`, the instance itself.
 *
 * @example
 * const client = fromIoredis(new Redis({ sentinels, name: 'mymaster' }));
 * const n: number = await client.incr('visits');
 * await client.quit(); // closes the ioredis instance too
 */
export function fromIoredis(redis: IoredisLike, options: FromIoredisOptions = {}): RedisClient {
  return createClientOn(new IoredisBackend(redis, options.closeWrapped ?? true));
}
