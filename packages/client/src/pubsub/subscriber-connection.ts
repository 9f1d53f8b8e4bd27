import { EventEmitter } from 'node:events';
import { prepareRawCommand, type RespValue } from '@redspec/types/internal';
import type { ConnectionSettings } from '../connection/server-locator.js';
import { RedisConnection } from '../connection/redis-connection.js';
import type { SubscriptionKind } from './pubsub-types.js';

const COMMANDS: Readonly<Record<SubscriptionKind, readonly [string, string]>> = {
  channel: ['SUBSCRIBE', 'UNSUBSCRIBE'],
  pattern: ['PSUBSCRIBE', 'PUNSUBSCRIBE'],
  shard: ['SSUBSCRIBE', 'SUNSUBSCRIBE'],
};

/** What a subscriber connection reports. */
export interface SubscriberConnectionEvents {
  /** A pushed frame: a message, or a confirmation. */
  push: [frame: RespValue[]];
  /** Subscribed again to everything after a reconnect; `gapMs` since the drop. */
  resubscribed: [gapMs: number];
  /** The server dropped shard channels on its own (their slot moved away). */
  dropped: [shardChannels: string[]];
  /** Closed for good (a cluster node's connection does not reconnect). */
  end: [error: Error | undefined];
  error: [error: Error];
}

/**
 * One connection in subscriber mode: it remembers what it subscribed to, subscribes again
 * after each reconnect, and tells apart a SUNSUBSCRIBE it asked for from one the server sent
 * on its own when a shard channel's slot moved.
 */
export class SubscriberConnection extends EventEmitter<SubscriberConnectionEvents> {
  private readonly connection: RedisConnection;
  private readonly subscribed: Record<SubscriptionKind, Set<string>> = {
    channel: new Set(),
    pattern: new Set(),
    shard: new Set(),
  };
  private droppedAt: number | undefined;
  private wasReady = false;
  /** Commands decode like the messages around them: under RESP2 they share one reply stream. */
  private readonly mode: { readonly buffers: boolean };

  constructor(options: ConnectionSettings, buffers: boolean) {
    super();
    this.mode = { buffers };
    this.connection = new RedisConnection({ ...options, pushBuffers: buffers });
    this.connection.on('push', (frame) => this.onPush(frame));
    this.connection.on('reconnecting', () => (this.droppedAt ??= performance.now()));
    this.connection.on('ready', () => this.onReady());
    this.connection.on('end', (error) => this.emit('end', error));
    this.connection.on('error', (error) => this.emitError(error));
  }

  get status(): RedisConnection['status'] {
    return this.connection.status;
  }

  has(kind: SubscriptionKind, name: string): boolean {
    return this.subscribed[kind].has(name);
  }

  names(kind: SubscriptionKind): string[] {
    return [...this.subscribed[kind]];
  }

  /** Reconnects now, to wherever the locator says (Sentinel's new primary), and resubscribes. */
  relocate(reason: string): void {
    this.connection.relocate(reason);
  }

  async subscribe(kind: SubscriptionKind, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    for (const name of names) this.subscribed[kind].add(name);
    try {
      await this.connection.send(prepareRawCommand([COMMANDS[kind][0], ...names]), this.mode);
    } catch (error) {
      for (const name of names) this.subscribed[kind].delete(name);
      throw error;
    }
  }

  async unsubscribe(kind: SubscriptionKind, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    for (const name of names) this.subscribed[kind].delete(name);
    if (this.connection.status === 'closed') return;
    await this.connection.send(prepareRawCommand([COMMANDS[kind][1], ...names]), this.mode);
  }

  quit(): Promise<void> {
    return this.connection.quit();
  }

  disconnect(): void {
    this.connection.disconnect();
  }

  private onPush(frame: RespValue[]): void {
    const kind = String(frame[0]);
    // A SUNSUBSCRIBE for a channel we still want was the server's: its slot moved away.
    if (kind === 'sunsubscribe' && frame[1] !== null && frame[1] !== undefined) {
      const channel = String(frame[1]);
      if (this.subscribed.shard.delete(channel)) this.emit('dropped', [channel]);
      return;
    }
    this.emit('push', frame);
  }

  private onReady(): void {
    if (!this.wasReady) {
      this.wasReady = true;
      return;
    }
    const droppedAt = this.droppedAt ?? performance.now();
    this.droppedAt = undefined;
    const again = (['channel', 'pattern', 'shard'] as const).flatMap((kind) => {
      const names = this.names(kind);
      return names.length === 0
        ? []
        : [this.connection.send(prepareRawCommand([COMMANDS[kind][0], ...names]), this.mode)];
    });
    if (again.length === 0) return;
    Promise.all(again).then(
      () => this.emit('resubscribed', Math.round(performance.now() - droppedAt)),
      (error: Error) => this.emitError(error),
    );
  }

  private emitError(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
