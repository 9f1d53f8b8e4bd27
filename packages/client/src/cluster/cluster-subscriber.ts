import { EventEmitter } from 'node:events';
import { MovedError } from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import type { SubscriptionKind } from '../pubsub/pubsub-types.js';
import { SinkRegistry, type Sink } from '../pubsub/sink-registry.js';
import { SubscriberConnection } from '../pubsub/subscriber-connection.js';
import type { SubscriberEvents } from '../pubsub/subscriber.js';
import type { ClusterTopology } from './cluster-topology.js';
import { keySlot } from './key-slot.js';
import { ResubscribeLoop } from './resubscribe-loop.js';
import type { ClusterNode } from './slot-map.js';

/**
 * Pub/sub on a Redis Cluster. Channels and patterns go through one subscriber connection to
 * any primary (the cluster bus spreads PUBLISH to every node). Shard channels go to the
 * primary owning their slot, one subscriber connection per node. When a node drops shard
 * channels (their slot moved away, or it stopped being a primary) or a connection dies, the
 * names go to a `ResubscribeLoop`, which subscribes them again where the refreshed slot map
 * says, and `resubscribed` reports the gap. Subscriber connections do not reconnect to the
 * same node: a lost node's subscriptions move to whichever node the slot map names.
 */
export class ClusterSubscriber extends EventEmitter<SubscriberEvents> implements PubSubBackend {
  private readonly registry = new SinkRegistry();
  private global: SubscriberConnection | undefined;
  private readonly shards = new Map<string, SubscriberConnection>();
  private readonly closing = new AbortController();
  private readonly lost: ResubscribeLoop;

  constructor(
    private readonly topology: ClusterTopology,
    private readonly options: RedisConnectionOptions,
    private readonly buffers: boolean,
  ) {
    super();
    this.lost = new ResubscribeLoop(
      {
        wants: (kind, name) => this.registry.names(kind).includes(name),
        place: async (names, informed) => {
          await (informed ? this.topology.refreshFrom(informed) : this.topology.refresh());
          for (const kind of ['channel', 'pattern', 'shard'] as const) {
            await this.place(kind, names[kind]);
          }
        },
        resubscribed: (event) => this.emit('resubscribed', event),
        error: (error) => this.emitError(error),
      },
      this.closing.signal,
    );
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
      [...this.shards.values()].map((connection) => this.release(connection, emptied)),
    );
  }

  quit(): Promise<void> {
    this.closing.abort();
    this.registry.endAll();
    const connections = [this.global, ...this.shards.values()].filter((c) => c !== undefined);
    return Promise.all(connections.map((connection) => connection.quit())).then(() => undefined);
  }

  disconnect(): void {
    this.closing.abort();
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
      [...byOwner.values()].map(({ node, names: group }) => this.placeShard(node, group)),
    );
  }

  /** Shard channels at `node`, or at the node its MOVED answer names; then nowhere else. */
  private async placeShard(node: ClusterNode, names: readonly string[]): Promise<void> {
    let owner = node;
    try {
      await this.shardConnection(owner).subscribe('shard', names);
    } catch (error) {
      // A stale slot map: nothing was subscribed; patch it and place them again, once.
      if (!(error instanceof MovedError)) throw error;
      this.topology.moved(error.slot, error.host, error.port);
      owner = this.topology.nodeForSlot(error.slot, false);
      await this.shardConnection(owner).subscribe('shard', names);
    }
    // A former owner may still deliver (a demoted primary hears its new primary's SPUBLISH):
    // one node per channel, or messages would arrive twice.
    for (const [address, connection] of this.shards) {
      if (address !== owner.address) void this.release(connection, names).catch(() => {});
    }
  }

  /** Unsubscribes the shard channels among `names` that `connection` holds. */
  private release(connection: SubscriberConnection, names: readonly string[]): Promise<void> {
    return connection.unsubscribe(
      'shard',
      names.filter((name) => connection.has('shard', name)),
    );
  }

  private globalConnection(): SubscriberConnection {
    if (this.global !== undefined && this.global.status !== 'closed') return this.global;
    const connection = this.open(this.topology.randomPrimary());
    connection.on('end', () => {
      if (this.global === connection) this.global = undefined;
      this.lost.add({ channel: connection.names('channel'), pattern: connection.names('pattern') });
    });
    this.global = connection;
    return connection;
  }

  private shardConnection(node: ClusterNode): SubscriberConnection {
    const existing = this.shards.get(node.address);
    if (existing !== undefined && existing.status !== 'closed') return existing;
    const connection = this.open(node);
    connection.on('dropped', (channels) =>
      this.lost.add({ shard: channels }, performance.now(), node),
    );
    connection.on('end', () => {
      if (this.shards.get(node.address) === connection) this.shards.delete(node.address);
      this.lost.add({ shard: connection.names('shard') });
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

  private emitError(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
