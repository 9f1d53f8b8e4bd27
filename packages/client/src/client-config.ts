import type { ConnectionOptions as TlsOptions } from 'node:tls';

/** Reconnection policy: exponential backoff between `baseDelayMs` and `maxDelayMs`. */
export interface ReconnectConfig {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this many failed attempts in a row (default: never). */
  maxAttempts?: number;
}

/** What `createClient` takes: a URL, or the parts of one plus connection behaviour. */
export interface ClientConfig {
  /** `redis://[user[:password]@]host[:port][/db]`, or `rediss://` for TLS. */
  url?: string;
  host?: string;
  port?: number;
  /** A unix socket path instead of host and port. */
  path?: string;
  /** `true` for TLS with default settings, or Node's TLS options. */
  tls?: boolean | TlsOptions;
  username?: string;
  password?: string;
  db?: number;
  /** Sent with HELLO / CLIENT SETNAME. */
  name?: string;
  /** RESP version; 3 by default, falling back to 2 on servers without HELLO. */
  protocol?: 2 | 3;
  /** Default deadline per command in milliseconds (default: none). */
  commandTimeout?: number;
  connectTimeout?: number;
  reconnect?: false | ReconnectConfig;
  /** Queue commands issued while disconnected (default true), up to `offlineQueueLimit`. */
  offlineQueue?: boolean;
  offlineQueueLimit?: number;
  /** Dedicated connections for blocking commands and WATCH (default 8). */
  dedicatedConnections?: number;
}

/** Folds a URL into explicit settings; explicit settings win over the URL's. */
export function resolveClientConfig(input: string | ClientConfig = {}): ClientConfig {
  const config = typeof input === 'string' ? { url: input } : input;
  if (config.url === undefined) return config;
  const url = new URL(config.url);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new TypeError(
      `createClient: url must start with redis:// or rediss://, got ${url.protocol}//`,
    );
  }
  const fromUrl: ClientConfig = {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port === '' ? 6379 : Number(url.port),
  };
  if (url.protocol === 'rediss:') fromUrl.tls = true;
  if (url.username !== '') fromUrl.username = decodeURIComponent(url.username);
  if (url.password !== '') fromUrl.password = decodeURIComponent(url.password);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '') fromUrl.db = Number(db);
  return { ...fromUrl, ...withoutUrl(config) };
}

function withoutUrl(config: ClientConfig): ClientConfig {
  const { url: _url, ...rest } = config;
  return rest;
}
