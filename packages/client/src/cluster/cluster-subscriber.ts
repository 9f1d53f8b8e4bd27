import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { MovedError } from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import type { SubscriptionKind } from '../pubsub/pubsub-types.js';
import { SinkRegistry, type Sink } from '../pubsub/sink-registry.js';
import { SubscriberConnection } from '../pubsub/subscriber-connection.js';
import type { SubscriberEvents } from '../pubsub/subscriber.js';
import type { ClusterTopology } from './cluster-topology.js';
import { keySlot } from './key-slot.js';
import type { ClusterNode } from './slot-map.js';

/** How long re-homing a subscription keeps trying while its node fails over. */
const REHOME_ATTEMPTS = 40;
const rehomeDelay = (attempt: number): number => Math.min(1000, 50 * 2 ** attempt);

/**
 * Pub/sub on a Redis Cluster. Channels and patterns go through one subscriber connection to
 * any primary (the cluster bus spreads PUBLISH to every node). Shard channels go to the
 * primary owning their slot, one subscriber connection per node; when a slot moves (MOVED on
 * SSUBSCRIBE, or the node dropping the channel on its own) or its node fails, they follow to
 * the new owner and `resubscribed` reports the gap. Subscriber connections do not reconnect
 * to the same node: a lost node's subscriptions move to whichever node the slot map names.
 */
export class ClusterSubscriber extends EventEmitter<SubscriberEvents> implements PubSubBackend {
  private readonly registry = new SinkRegistry();
  private global: SubscriberConnection | undefined;
  private readonly shards = new Map<string, SubscriberConnection>();
  private closed = false;

  constructor(
    private readonly topology: ClusterTopology,
    private readonly options: RedisConnectionOptions,
    private readonly buffers: boolean,
  ) {
    super();
  }

  names(kind: SubscriptionKind): string[] {
    return this.registry.names(kind);
  }

  async subscribe(kind: SubscriptionKind, names: readonly string[], sink: Sink): Promise<void> {
    const fresh = this.registry.add(kind, names, sink);
    try {
      await this.place(kind, fresh);
    } catch (error) {
      this.registry.remove(kind, fresh, sink);
      throw error;
    }
  }

  async unsubscribe(kind: SubscriptionKind, names: readonly string[], sink?: Sink): Promise<void> {
    const emptied = this.registry.remove(kind, names, sink);
    if (kind !== 'shard') {
      await this.global?.unsubscribe(kind, emptied);
      return;
    }
    await Promise.all(
      [...this.shards.values()].map((connection) =>
        connection.unsubscribe(
          'shard',
          emptied.filter((name) => connection.has('shard', name)),
        ),
      ),
    );
  }

  quit(): Promise<void> {
    this.closed = true;
    this.registry.endAll();
    const connections = [this.global, ...this.shards.values()].filter((c) => c !== undefined);
    return Promise.all(connections.map((connection) => connection.quit())).then(() => undefined);
  }

  disconnect(): void {
    this.closed = true;
    this.registry.endAll();
    this.global?.disconnect();
    for (const connection of this.shards.values()) connection.disconnect();
  }

  /** Subscribes `names` where they belong now: channels anywhere, shard channels at their owner. */
  private async place(kind: SubscriptionKind, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    await this.topology.ready();
    if (kind !== 'shard') {
      await this.globalConnection().subscribe(kind, names);
      return;
    }
    const byOwner = new Map<string, { node: ClusterNode; names: string[] }>();
    for (const name of names) {
      const node = this.topology.nodeForSlot(keySlot(name), false);
      const group = byOwner.get(node.address) ?? { node, names: [] };
      group.names.push(name);
      byOwner.set(node.address, group);
    }
    await Promise.all(
      [...byOwner.values()].map(async ({ node, names: group }) => {
        try {
          await this.shardConnection(node).subscribe('shard', group);
        } catch (error) {
          // A stale slot map: nothing was subscribed; patch it and place them again, once.
          if (!(error instanceof MovedError)) throw error;
          this.topology.moved(error.slot, error.host, error.port);
          const owner = this.topology.nodeForSlot(error.slot, false);
          await this.shardConnection(owner).subscribe('shard', group);
        }
      }),
    );
  }

  private globalConnection(): SubscriberConnection {
    if (this.global !== undefined && this.global.status !== 'closed') return this.global;
    const node = this.topology.randomPrimary();
    const connection = this.open(node);
    connection.on('end', () => {
      if (this.global === connection) this.global = undefined;
      const lost = { channel: this.names('channel'), pattern: this.names('pattern') };
      void this.rehome(lost, performance.now());
    });
    this.global = connection;
    return connection;
  }

  private shardConnection(node: ClusterNode): SubscriberConnection {
    const existing = this.shards.get(node.address);
    if (existing !== undefined && existing.status !== 'closed') return existing;
    const connection = this.open(node);
    connection.on(
      'dropped',
      (channels) => void this.rehome({ shard: channels }, performance.now()),
    );
    connection.on('end', () => {
      if (this.shards.get(node.address) === connection) this.shards.delete(node.address);
      void this.rehome({ shard: connection.names('shard') }, performance.now());
    });
    this.shards.set(node.address, connection);
    return connection;
  }

  private open(node: ClusterNode): SubscriberConnection {
    const options = {
      ...this.options,
      host: node.host,
      port: node.port,
      reconnect: false as const,
    };
    const connection = new SubscriberConnection(options, this.buffers);
    connection.on('push', (frame) => {
      const failure = this.registry.dispatch(frame);
      if (failure !== undefined) this.emitError(failure);
    });
    connection.on('error', (error) => this.emitError(error));
    return connection;
  }

  /**
   * Subscribes again, at their new homes, to names whose node dropped them or went away,
   * refreshing the slot map and waiting out a failover; then reports the gap.
   */
  private async rehome(
    lost: Partial<Record<SubscriptionKind, readonly string[]>>,
    droppedAt: number,
  ): Promise<void> {
    for (let attempt = 0; attempt < REHOME_ATTEMPTS && !this.closed; attempt++) {
      const still = (kind: SubscriptionKind): string[] =>
        (lost[kind] ?? []).filter((name) => this.registry.names(kind).includes(name));
      const pending = (['channel', 'pattern', 'shard'] as const).map(
        (kind) => [kind, still(kind)] as const,
      );
      if (pending.every(([, names]) => names.length === 0)) return;
      try {
        await this.topology.refresh();
        for (const [kind, names] of pending) await this.place(kind, names);
        this.emit('resubscribed', {
          channels: still('channel'),
          patterns: still('pattern'),
          shardChannels: still('shard'),
          gapMs: Math.round(performance.now() - droppedAt),
        });
        return;
      } catch (error) {
        this.emitError(error as Error);
        await sleep(rehomeDelay(attempt));
      }
    }
  }

  private emitError(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
