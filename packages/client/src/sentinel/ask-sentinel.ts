import { prepareRawCommand, type RedisArgument, type RespValue } from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import { RedisConnection } from '../connection/redis-connection.js';
import type { ServerAddress } from '../connection/server-locator.js';

/**
 * Asks one sentinel a few commands over a connection of their own, closed right after: one
 * round trip, errors in place. Bounded by the sentinel settings (`sentinelTimeout` to connect,
 * and again for the replies); Sentinel is asked rarely (on connecting and after a failover),
 * so a short-lived connection costs nothing worth keeping one open for.
 */
export async function askSentinel(
  sentinel: ServerAddress,
  settings: RedisConnectionOptions,
  commands: readonly (readonly RedisArgument[])[],
): Promise<RespValue[]> {
  const connection = new RedisConnection({ ...settings, host: sentinel.host, port: sentinel.port });
  try {
    await connection.connect();
    const batch = { commands: commands.map(prepareRawCommand), transaction: false };
    const { replies, interrupted } = await connection.sendBatch(batch);
    if (interrupted !== undefined) throw interrupted;
    return replies;
  } finally {
    connection.disconnect();
  }
}
