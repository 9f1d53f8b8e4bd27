import type { ClientSideCacheOptions } from '../cache/cache-options.js';
import type { RedisConnectionOptions } from '../connection/connection-options.js';

/** Where READONLY-flagged commands go. */
export type ReadFrom = 'primary' | 'replica' | 'prefer-replica';

/** A cluster node's address. */
export interface NodeAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * What `createCluster` takes: seed nodes plus the settings of every node connection. `db`,
 * unix sockets and reconnecting are not offered: a cluster has one database, and a node that
 * drops is replaced by a fresh connection after the slot map is refreshed.
 */
export interface ClusterConfig extends Omit<
  RedisConnectionOptions,
  'host' | 'port' | 'path' | 'db' | 'reconnect' | 'offlineQueue' | 'offlineQueueLimit'
> {
  /** Nodes to ask for the slot map; one reachable node is enough. */
  rootNodes: readonly NodeAddress[];
  /**
   * `primary` (default); `replica` sends READONLY commands to a replica of the key's shard;
   * `prefer-replica` does too, but falls back to the primary when the shard has no replica up.
   */
  readFrom?: ReadFrom;
  /** Most MOVED/ASK redirections one command follows before failing. Default 16. */
  maxRedirections?: number;
  /** Most tries of a command answered TRYAGAIN or CLUSTERDOWN, or whose node is unreachable. Default 5. */
  maxRetries?: number;
  /** Most dedicated connections per node for blocking commands (default 8). */
  dedicatedConnections?: number;
  /**
   * Opt-in client-side caching, with tracking on every node connection (RESP3 only in a
   * cluster). See docs/guides/client-side-caching.md.
   */
  clientSideCache?: ClientSideCacheOptions;
}

/** `ClusterConfig` with defaults applied. */
export interface ResolvedClusterConfig {
  readonly rootNodes: readonly NodeAddress[];
  readonly readFrom: ReadFrom;
  readonly maxRedirections: number;
  readonly maxRetries: number;
  readonly dedicatedConnections: number;
  /** Settings shared by every node connection (host and port are added per node). */
  readonly connection: RedisConnectionOptions;
}

export function resolveClusterConfig(config: ClusterConfig): ResolvedClusterConfig {
  const {
    rootNodes,
    readFrom = 'primary',
    maxRedirections = 16,
    maxRetries = 5,
    dedicatedConnections = 8,
    ...connection
  } = config;
  if (rootNodes.length === 0) throw new TypeError('createCluster: rootNodes is empty');
  return {
    rootNodes,
    readFrom,
    maxRedirections,
    maxRetries,
    dedicatedConnections,
    connection: { ...connection, reconnect: false },
  };
}
