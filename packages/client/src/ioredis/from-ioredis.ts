import { createClientOn, type RedisClient } from '../client/redis-client.js';
import { IoredisBackend } from './ioredis-backend.js';
import type { IoredisLike } from './ioredis-like.js';

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
