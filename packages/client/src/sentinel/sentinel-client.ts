import { resolveCacheOptions } from '../cache/cache-options.js';
import { CachingBackend } from '../cache/caching-backend.js';
import { ClientSideCache } from '../cache/client-side-cache.js';
import { createClientOn, type RedisClient } from '../client/redis-client.js';
import { ReplicaReadBackend } from '../replica/replica-read-backend.js';
import { ReplicaSet } from '../replica/replica-set.js';
import { SentinelBackend } from './sentinel-backend.js';
import {
  resolveSentinelConfig,
  type ResolvedSentinelConfig,
  type SentinelConfig,
} from './sentinel-config.js';

/**
 * Creates a client for the primary that Redis Sentinel watches under `name`: it asks the
 * sentinels where the primary is on first use, checks its ROLE, follows `+switch-master` to
 * the new primary after a failover, and offers the same typed commands, pipelines and
 * transactions as `createClient`. With `readFrom`, reads go to the replicas Sentinel lists.
 *
 * @example
 * const client = createSentinel({
 *   sentinels: [{ host: '10.0.0.1', port: 26379 }, { host: '10.0.0.2', port: 26379 }],
 *   name: 'mymaster',
 *   password: 's3cret',
 * });
 * client.on('failover', ({ to }) => console.warn(`new primary ${to.host}:${to.port}`));
 * await client.set('greeting', 'hello');
 */
export function createSentinel(config: SentinelConfig): RedisClient {
  const resolved = resolveSentinelConfig(config);
  if (resolved.clientSideCache !== undefined) return createCachingSentinel(resolved);
  const backend = new SentinelBackend(resolved);
  if (resolved.readFrom === 'primary' || resolved.role === 'replica') {
    return createClientOn(backend);
  }
  const replicas = new ReplicaSet(
    resolved.connection,
    () => backend.resolver.replicas(),
    (error) => backend.events.report(error),
  );
  backend.onTopologyChange(() => void replicas.refresh());
  return createClientOn(new ReplicaReadBackend(backend, replicas, resolved.readFrom));
}

/**
 * Client-side caching over Sentinel: tracking is turned on in every handshake of the primary's
 * connection, so a failover (which moves that connection) empties the cache and tracks afresh.
 */
function createCachingSentinel(resolved: ResolvedSentinelConfig): RedisClient {
  // Tracking runs on the primary's connection: a replica's reply would be cached with no
  // invalidation ever following it.
  if (resolved.readFrom !== 'primary' || resolved.role === 'replica') {
    throw new TypeError(
      'createSentinel: clientSideCache needs the primary (role: primary, readFrom: primary)',
    );
  }
  const cache = new ClientSideCache(resolveCacheOptions(resolved.clientSideCache!));
  return createClientOn(new CachingBackend(new SentinelBackend(resolved, cache), cache));
}
