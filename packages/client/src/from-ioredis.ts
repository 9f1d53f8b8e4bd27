import { IoredisBackend } from './ioredis/ioredis-backend.js';
import type { IoredisLike } from './ioredis/ioredis-like.js';
import { createClientOn, type RedisClient } from './redis-client.js';

/**
 * Wraps an existing ioredis instance (say, one connected through Sentinel) in the typed
 * surface. Replies are shaped exactly as with our own connection. `quit()` closes only the
 * connections the adapter opened for blocking commands and WATCH; the instance stays yours.
 *
 * @example
 * const client = fromIoredis(new Redis({ sentinels, name: 'mymaster' }));
 * const n: number = await client.incr('visits');
 */
export function fromIoredis(redis: IoredisLike): RedisClient {
  return createClientOn(new IoredisBackend(redis));
}
