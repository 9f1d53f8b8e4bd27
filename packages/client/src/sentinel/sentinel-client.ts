import { createClientOn, type RedisClient } from '../client/redis-client.js';
import { ReplicaReadBackend } from '../replica/replica-read-backend.js';
import { ReplicaSet } from '../replica/replica-set.js';
import { SentinelBackend } from './sentinel-backend.js';
import { resolveSentinelConfig, type SentinelConfig } from './sentinel-config.js';

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
