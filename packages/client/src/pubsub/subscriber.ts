import { EventEmitter } from 'node:events';
import type { ConnectionSettings } from '../connection/server-locator.js';
import type { PubSubBackend } from './pubsub-backend.js';
import type { ResubscribedEvent, SubscriptionKind } from './pubsub-types.js';
import { SinkRegistry, type Sink } from './sink-registry.js';
import { SubscriberConnection } from './subscriber-connection.js';

export type { Sink } from './sink-registry.js';

/** What a subscriber tells its client. */
export interface SubscriberEvents {
  resubscribed: [event: ResubscribedEvent];
  error: [error: Error];
}

/**
 * Pub/sub on one server: a connection of its own, so the client's shared connection never
 * enters subscriber mode and its commands keep their latency. A name is subscribed on the
 * server when it gains its first listener and unsubscribed when it loses its last; after every
 * reconnect everything is subscribed again and `resubscribed` reports the gap (messages
 * published meanwhile are lost: pub/sub is at-most-once).
 */
export class Subscriber extends EventEmitter<SubscriberEvents> implements PubSubBackend {
  private readonly registry = new SinkRegistry();
  private readonly connection: SubscriberConnection;

  constructor(options: ConnectionSettings, buffers: boolean) {
    super();
    this.connection = new SubscriberConnection(options, buffers);
    this.connection.on('push', (frame) => {
      const failure = this.registry.dispatch(frame);
      if (failure !== undefined) this.emitError(failure);
    });
    this.connection.on('resubscribed', (gapMs) =>
      this.emit('resubscribed', {
        channels: this.names('channel'),
        patterns: this.names('pattern'),
        shardChannels: this.names('shard'),
        gapMs,
      }),
    );
    this.connection.on('error', (error) => this.emitError(error));
  }

  names(kind: SubscriptionKind): string[] {
    return this.registry.names(kind);
  }

  async subscribe(kind: SubscriptionKind, names: readonly string[], sink: Sink): Promise<void> {
    const fresh = this.registry.add(kind, names, sink);
    try {
      await this.connection.subscribe(kind, fresh);
    } catch (error) {
      this.registry.remove(kind, fresh, sink);
      throw error;
    }
  }

  async unsubscribe(kind: SubscriptionKind, names: readonly string[], sink?: Sink): Promise<void> {
    await this.connection.unsubscribe(kind, this.registry.remove(kind, names, sink));
  }

  /** Reconnects now, to wherever the locator says (Sentinel's new primary), and resubscribes. */
  relocate(reason: string): void {
    this.connection.relocate(reason);
  }

  quit(): Promise<void> {
    this.registry.endAll();
    return this.connection.quit();
  }

  disconnect(): void {
    this.registry.endAll();
    this.connection.disconnect();
  }

  private emitError(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
