import { EventEmitter } from 'node:events';
import type { ServerInfo } from '@redspec/types/internal';
import type { ReconnectingEvent } from '../connection/connection-events.js';
import type { RedisConnection } from '../connection/redis-connection.js';
import type { ResubscribedEvent } from '../pubsub/pubsub-types.js';
import type { FailoverEvent } from '../sentinel/failover-event.js';

/** What `client.on()` reports. */
export interface ClientEvents {
  /** Connected (again) and the handshake is done. */
  ready: [server: ServerInfo];
  /** The connection dropped (or an attempt failed) and another attempt is scheduled. */
  reconnecting: [event: ReconnectingEvent];
  /** A connection failed, or a server sent something that is not RESP. Never thrown. */
  error: [error: Error];
  /** Closed for good: by `quit()`/`disconnect()` (no error), or after giving up. */
  end: [error: Error | undefined];
  /** The subscriber connection came back and every subscription was made again. */
  resubscribed: [event: ResubscribedEvent];
  /** Sentinel clients: the sentinels announced a new primary, and the client moves to it. */
  failover: [event: FailoverEvent];
}

export type ClientEventName = keyof ClientEvents;

/**
 * The events of one client, shared by its `withBuffers()` views. An `error` with no listener is
 * dropped rather than thrown, as Node's EventEmitter would: the commands that failed already
 * report it, and an unhandled event must never end the process.
 */
export class ClientEventEmitter extends EventEmitter<ClientEvents> {
  /** Emits `error` to its listeners, if any: never throws for want of one. */
  report(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  /** Forwards a connection's life events (ready, reconnecting, error, end) as the client's. */
  follow(connection: RedisConnection): void {
    connection.on('ready', (server) => this.emit('ready', server));
    connection.on('reconnecting', (event) => this.emit('reconnecting', event));
    connection.on('error', (error) => this.report(error));
    connection.on('end', (error) => this.emit('end', error));
  }
}
