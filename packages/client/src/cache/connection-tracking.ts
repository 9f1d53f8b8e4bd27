import { prepareRawCommand, ReplyError } from '@redspec/types/internal';
import {
  resolveConnectionOptions,
  type RedisConnectionOptions,
} from '../connection/connection-options.js';
import type { RedisConnection } from '../connection/redis-connection.js';
import type { ClientSideCache } from './client-side-cache.js';
import { InvalidationListener } from './invalidation-listener.js';
import { enableTracking, invalidatedKeys, trackingCommand } from './tracking-command.js';

const TRACKING_OFF = prepareRawCommand(['CLIENT', 'TRACKING', 'OFF']);

/**
 * Keeps `CLIENT TRACKING` on for one command connection, whatever happens to it, and feeds its
 * invalidations to the cache. Any backend calls `trackConnection` on each connection that
 * serves cacheable reads (standalone: its shared connection; cluster: each node's; Sentinel:
 * the current primary's or replica's).
 *
 * - Tracking is turned on inside every handshake, before anything queued is written, so no
 *   read is ever answered untracked after a reconnect.
 * - A drop (or close) flushes the cache: invalidations sent while we were away are lost.
 * - RESP3: invalidations are push frames on the connection itself.
 * - RESP2: they go to an `InvalidationListener` (REDIRECT). While it is down the cache is
 *   suspended (nothing served, nothing stored); once it listens again, tracking is turned off
 *   and on towards its new id, and the cache resumes when the server confirmed.
 */
export interface ConnectionTracking {
  quit(): Promise<void>;
  disconnect(): void;
}

export function trackConnection(
  connection: RedisConnection,
  cache: ClientSideCache,
  options: RedisConnectionOptions,
): ConnectionTracking {
  const { protocol, connectTimeout } = resolveConnectionOptions(options);
  const listener = protocol === 2 ? new InvalidationListener(options) : undefined;
  connection.afterHandshake = async (exchange) => {
    const id = await listener?.clientId(connectTimeout);
    await enableTracking(exchange, cache.options, id);
    if (listener === undefined || id === listener.currentId) cache.resume();
  };
  connection.on('push', (frame) => {
    const keys = invalidatedKeys(frame);
    if (keys !== undefined) cache.invalidate(keys);
  });
  connection.on('reconnecting', () => cache.flush());
  connection.on('end', () => cache.flush());
  if (listener !== undefined) followListener(listener, connection, cache);
  return {
    quit: async () => {
      await listener?.quit();
    },
    disconnect: () => listener?.disconnect(),
  };
}

/** RESP2: suspends the cache while the redirect target is down, re-points tracking after. */
function followListener(
  listener: InvalidationListener,
  connection: RedisConnection,
  cache: ClientSideCache,
): void {
  let lost = false;
  listener.on('invalidate', (keys) => cache.invalidate(keys));
  listener.on('lost', () => {
    lost = true;
    cache.suspend();
  });
  listener.on('listening', (id) => {
    if (!lost || connection.status !== 'ready') return; // the next handshake redirects to it
    lost = false;
    const on = prepareRawCommand(trackingCommand(cache.options, id));
    void connection.send(TRACKING_OFF).catch(() => undefined);
    connection.send(on).then(
      (reply) => {
        if (!(reply instanceof ReplyError) && listener.currentId === id) cache.resume();
      },
      // The connection dropped: its next handshake turns tracking on towards the listener.
      () => undefined,
    );
  });
}
