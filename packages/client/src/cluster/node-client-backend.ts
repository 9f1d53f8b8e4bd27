import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  PreparedCommand,
  ServerInfo,
} from '@redspec/types/internal';
import { ClientEventEmitter } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import { Subscriber } from '../pubsub/subscriber.js';
import type { NodePool } from './node-pool.js';
import type { ClusterNode } from './slot-map.js';

/**
 * A backend over one cluster node's connections, for `cluster.nodeClient(node)`: no routing,
 * no redirections. The cluster owns the command connections, so `quit()` and `disconnect()`
 * leave them open; closing the cluster closes them.
 */
export class NodeClientBackend implements CommandBackend {
  readonly events = new ClientEventEmitter();
  private subscribers = new Map<boolean, Subscriber>();

  constructor(
    private readonly pool: NodePool,
    private readonly node: ClusterNode,
    private readonly options: RedisConnectionOptions,
  ) {}

  /** Pub/sub on this node alone (for SUBSCRIBE on a chosen node); closed with this client. */
  pubsub(mode: ReplyMode): Subscriber {
    let subscriber = this.subscribers.get(mode.buffers);
    if (subscriber === undefined) {
      const options = { ...this.options, host: this.node.host, port: this.node.port };
      subscriber = new Subscriber(options, mode.buffers);
      this.subscribers.set(mode.buffers, subscriber);
    }
    return subscriber;
  }

  get server(): ServerInfo | undefined {
    return this.pool.get(this.node).connection.server;
  }

  async ready(): Promise<ServerInfo> {
    const connection = await this.pool.get(this.node).connection.connect();
    return connection.server!;
  }

  connect(): Promise<ServerInfo> {
    return this.ready();
  }

  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    if (command.blockingMs !== undefined)
      return this.pool.dedicatedPool(this.node).send(command, mode);
    return this.pool.get(this.node).connection.send(command, mode);
  }

  sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    return this.pool.get(this.node).connection.sendBatch(batch, mode);
  }

  lease(mode: ReplyMode): Promise<LeasedChannel> {
    return this.pool.dedicatedPool(this.node).lease(mode);
  }

  /** The node's command connections belong to the cluster; only its subscribers close here. */
  async quit(): Promise<void> {
    await Promise.all([...this.subscribers.values()].map((subscriber) => subscriber.quit()));
  }

  disconnect(): void {
    for (const subscriber of this.subscribers.values()) subscriber.disconnect();
  }
}
