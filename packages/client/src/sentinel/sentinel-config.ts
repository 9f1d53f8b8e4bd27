import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import type { ClientSideCacheOptions } from '../cache/cache-options.js';
import type { ReadFrom } from '../cluster/cluster-config.js';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import type { ServerAddress } from '../connection/server-locator.js';

/**
 * What `createSentinel` takes: the sentinels to ask, the name of the primary they watch, and
 * the settings of every data-node connection (`password`, `db`, timeouts …), which apply to
 * whichever node Sentinel points at. Host, port and socket path come from Sentinel.
 */
export interface SentinelConfig extends Omit<RedisConnectionOptions, 'host' | 'port' | 'path'> {
  /** Sentinels to ask, in order; one reachable sentinel is enough. */
  sentinels: readonly { readonly host: string; readonly port: number }[];
  /** The name the sentinels monitor the primary under (`sentinel monitor <name> …`). */
  name: string;
  /**
   * What the client's shared connection serves: `primary` (default), or `replica` for a
   * client that only reads from one of the primary's replicas.
   */
  role?: 'primary' | 'replica';
  /**
   * With `role: 'primary'`, where READONLY-flagged commands go: `primary` (default), `replica`
   * (a replica from `SENTINEL REPLICAS`) or `prefer-replica` (a replica when one is connected,
   * else the primary). Replicas lag behind: a read may miss a write just made.
   */
  readFrom?: ReadFrom;
  /** ACL user for the sentinels (`sentinel`'s own `user`/`requirepass`), if they require one. */
  sentinelUsername?: string;
  /** Password for the sentinels; the data nodes use `password`. */
  sentinelPassword?: string;
  /** `true` or Node's TLS options to reach the sentinels over TLS. */
  sentinelTls?: boolean | TlsConnectionOptions;
  /**
   * Limit, in ms, for one sentinel to connect and answer; past it the next one is asked.
   * Default 1000 ms.
   */
  sentinelTimeout?: number;
  /** Most dedicated connections for blocking commands and WATCH (default 8). */
  dedicatedConnections?: number;
  /**
   * Opt-in client-side caching, as `createClient` has it (docs/guides/client-side-caching.md).
   * A failover moves the connection, which empties the cache: the new primary tracks nothing
   * yet. Not with `readFrom` replicas or `role: 'replica'` reads nobody would invalidate.
   */
  clientSideCache?: ClientSideCacheOptions;
}

/** `SentinelConfig` with defaults applied. */
export interface ResolvedSentinelConfig {
  readonly sentinels: readonly ServerAddress[];
  readonly name: string;
  readonly role: 'primary' | 'replica';
  readonly readFrom: ReadFrom;
  readonly dedicatedConnections: number;
  readonly clientSideCache: ClientSideCacheOptions | undefined;
  /** How every connection to a sentinel is made: short-lived, no reconnecting. */
  readonly sentinel: RedisConnectionOptions;
  /** Settings shared by every data-node connection (host and port come from Sentinel). */
  readonly connection: RedisConnectionOptions;
}

/** Applies defaults; a `TypeError` names what is missing, before anything connects. */
export function resolveSentinelConfig(config: SentinelConfig): ResolvedSentinelConfig {
  const {
    sentinels,
    name,
    role = 'primary',
    readFrom = 'primary',
    sentinelUsername,
    sentinelPassword,
    sentinelTls,
    sentinelTimeout = 1000,
    dedicatedConnections = 8,
    clientSideCache,
    ...connection
  } = config;
  if (!Array.isArray(sentinels) || sentinels.length === 0) {
    throw new TypeError('createSentinel: sentinels is empty; give at least one { host, port }');
  }
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      "createSentinel: name is missing: the primary's name in `sentinel monitor`",
    );
  }
  const sentinel: RedisConnectionOptions = {
    ...(sentinelUsername !== undefined && { username: sentinelUsername }),
    ...(sentinelPassword !== undefined && { password: sentinelPassword }),
    ...(sentinelTls !== undefined && { tls: sentinelTls }),
    ...(connection.protocol !== undefined && { protocol: connection.protocol }),
    connectTimeout: sentinelTimeout,
    commandTimeout: sentinelTimeout,
    reconnect: false,
  };
  return {
    sentinels: sentinels.map(({ host, port }) => ({ host, port })),
    name,
    role,
    readFrom,
    dedicatedConnections,
    clientSideCache,
    sentinel,
    connection,
  };
}
