import type { RedisConnectionOptions } from './connection/connection-options.js';

/** What `createClient` takes: a connection's settings, optionally from a URL. */
export interface ClientConfig extends RedisConnectionOptions {
  /** `redis://[user[:password]@]host[:port][/db]`, or `rediss://` for TLS; explicit settings win. */
  url?: string;
  /** Most dedicated connections for blocking commands and WATCH at once (default 8). */
  dedicatedConnections?: number;
}

/** Folds a URL into explicit settings; settings given explicitly win over the URL's. */
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
  const { url: _url, ...explicit } = config;
  return { ...fromUrl, ...explicit };
}
