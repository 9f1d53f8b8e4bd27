import type { CommandBackend } from '../backend/command-backend.js';
import type { NodeAddress, ReadFrom } from '../cluster/cluster-config.js';
import { parseRedisUrl } from '../client/client-config.js';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import type { ServerAddress } from '../connection/server-locator.js';
import { ReplicaReadBackend } from './replica-read-backend.js';
import { ReplicaSet } from './replica-set.js';

/**
 * `createClient`'s `replicas` and `readFrom`: the backend as is when reads stay on the primary,
 * else wrapped so READONLY commands go to the given replicas (connected with the primary's
 * settings: credentials, db, timeouts). Throws a `TypeError` for a replica-only config
 * without replicas, before anything connects.
 */
export function withReplicaReads(
  primary: CommandBackend,
  settings: RedisConnectionOptions,
  replicas: readonly (string | NodeAddress)[] | undefined,
  readFrom: ReadFrom = 'primary',
): CommandBackend {
  if (readFrom === 'primary') return primary;
  if (replicas === undefined || replicas.length === 0) {
    throw new TypeError(
      `createClient: readFrom '${readFrom}' needs replicas: [url or { host, port }]`,
    );
  }
  const addresses = replicas.map(replicaAddress);
  const set = new ReplicaSet(
    settings,
    () => Promise.resolve(addresses),
    (error) => primary.events.report(error),
  );
  return new ReplicaReadBackend(primary, set, readFrom);
}

function replicaAddress(replica: string | NodeAddress): ServerAddress {
  if (typeof replica !== 'string') return { host: replica.host, port: replica.port };
  const { host, port } = parseRedisUrl(replica);
  if (host === undefined || port === undefined) {
    throw new TypeError('createClient: a replica must be a redis:// URL or { host, port }');
  }
  return { host, port };
}
