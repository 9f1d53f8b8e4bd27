import type { ClientSideCacheOptions } from '../cache/cache-options.js';
import type { NodeAddress, ReadFrom } from '../cluster/cluster-config.js';
import type { RedisConnectionOptions } from '../connection/connection-options.js';

/** What `createClient` takes: a connection's settings, optionally from a URL. */
export interface ClientConfig extends RedisConnectionOptions {
  /**
   * `redis://[user[:password]@]host[:port][/db]` (or `?db=N`), `rediss://` for TLS,
   * `unix:///path/to/redis.sock` or `redis+unix:///path?db=N`; explicit settings win.
   */
  url?: string;
  /**
   * Most dedicated connections for blocking commands (BLPOP, XREAD with BLOCK, WAIT …) and
   * WATCH at once (default 8). A further caller waits for one to come back, up to its command's
   * deadline, then fails with `PoolExhaustedError`.
   */
  dedicatedConnections?: number;
  /**
   * Opt-in client-side caching (Redis 6+): replies of cacheable reads (GET, HGETALL …) are kept
   * in-process and invalidated by the server (`CLIENT TRACKING`). See
   * docs/guides/client-side-caching.md for what is cached and the guarantee. Not with replica
   * reads: a replica's replies would be cached without the primary tracking them.
   */
  clientSideCache?: ClientSideCacheOptions;
  /**
   * Replicas of this server (`redis://host:port` or `{ host, port }`) for `readFrom`; they are
   * connected with this config's credentials, database and timeouts.
   */
  replicas?: readonly (string | NodeAddress)[];
  /**
   * Where commands the spec flags READONLY go: `primary` (default); `replica`, one of
   * `replicas` in turn; `prefer-replica`, a connected replica, else this server. Writes,
   * transactions, pipelines holding a write, blocking commands and pub/sub stay here. Replicas
   * lag behind: a read may miss a write just made.
   */
  readFrom?: ReadFrom;
}

/** Folds a URL into explicit settings; settings given explicitly win over the URL's. */
export function resolveClientConfig(input: string | ClientConfig = {}): ClientConfig {
  const config = typeof input === 'string' ? { url: input } : input;
  if (config.url === undefined) return config;
  const { url: _url, ...explicit } = config;
  return { ...parseRedisUrl(config.url), ...explicit };
}

/** Settings from a Redis URL; throws a `TypeError` that never shows the password. */
export function parseRedisUrl(text: string): ClientConfig {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`createClient: not a valid URL: ${redactUrl(text)}`);
  }
  const settings: ClientConfig = {};
  switch (url.protocol) {
    case 'redis:':
    case 'rediss:':
      settings.host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
      settings.port = url.port === '' ? 6379 : Number(url.port);
      if (url.protocol === 'rediss:') settings.tls = true;
      readDb(settings, url.pathname.replace(/^\//, ''));
      break;
    case 'unix:':
    case 'redis+unix:':
      if (url.pathname === '') throw new TypeError('createClient: a unix URL needs a socket path');
      settings.path = decodeURIComponent(url.pathname);
      break;
    default:
      throw new TypeError(
        `createClient: url must start with redis://, rediss://, unix:// or redis+unix://, got ${url.protocol}//`,
      );
  }
  if (url.username !== '') settings.username = decodeURIComponent(url.username);
  if (url.password !== '') settings.password = decodeURIComponent(url.password);
  readDb(settings, url.searchParams.get('db') ?? '');
  return settings;
}

function readDb(settings: ClientConfig, db: string): void {
  if (db === '') return;
  if (!/^\d+$/.test(db))
    throw new TypeError(`createClient: the database must be a number, got '${db}'`);
  settings.db = Number(db);
}

/** The URL with anything between `:` and `@` in its authority replaced, for error messages. */
function redactUrl(text: string): string {
  return text.replace(/^([a-z+]+:\/\/[^:/@]*):[^@/]*@/i, '$1:<redacted>@');
}
