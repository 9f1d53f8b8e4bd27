import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  PreparedCommand,
  ServerInfo,
} from '@redspec/types/internal';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import type { NodePool } from './node-pool.js';
import type { ClusterNode } from './slot-map.js';

/**
 * A backend over one cluster node's connections, for `cluster.nodeClient(node)`: no routing,
 * no redirections. The cluster owns the connections, so `quit()` and `disconnect()` leave them
 * open; closing the cluster closes them.
 */
export class NodeClientBackend implements CommandBackend {
  constructor(
    private readonly pool: NodePool,
    private readonly node: ClusterNode,
  ) {}

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

  quit(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): void {}
}
