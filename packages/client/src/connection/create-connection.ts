import type { RedisConnectionOptions } from './connection-options.js';
import { RedisConnection } from './redis-connection.js';

/**
 * Creates a `RedisConnection` and resolves once it is connected and its handshake is done.
 *
 * @example
 * const connection = await createConnection({ host: '127.0.0.1', port: 6379, db: 1 });
 * console.log(connection.server); // { product: 'redis', version: '7.0.15', protocol: 3 }
 */
export function createConnection(options: RedisConnectionOptions = {}): Promise<RedisConnection> {
  return new RedisConnection(options).connect();
}
