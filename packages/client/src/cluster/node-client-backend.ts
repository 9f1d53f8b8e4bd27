import type { LeasedChannel, RedisArgument, RespValue, ServerInfo } from '@redspec/types';
import type { BackendSendOptions, ClientBackend } from '../client-backend.js';
import type { NodePool } from './node-pool.js';
import type { ClusterNode } from './slot-map.js';

/**
 * A client backend over one cluster node's connections, for `cluster.nodeClient(node)`: no
 * routing, no redirections. The cluster owns the connections, so `quit()` and `disconnect()`
 * leave them open; closing the cluster closes them.
 */
export class NodeClientBackend implements ClientBackend {
  constructor(
    private readonly pool: NodePool,
    private readonly node: ClusterNode,
  ) {}

  get server(): ServerInfo | undefined {
    return this.pool.get(this.node).connection.server;
  }

  async connect(): Promise<void> {
    await this.pool.get(this.node).connection.connect();
  }

  send(args: readonly RedisArgument[], options: BackendSendOptions): Promise<RespValue> {
    return this.pool.get(this.node).connection.send(args, options);
  }

  async sendBlocking(
    args: readonly RedisArgument[],
    options: BackendSendOptions,
  ): Promise<RespValue> {
    const pool = this.pool.dedicatedPool(this.node);
    const connection = await pool.acquire();
    try {
      return await connection.send(args, { ...options, timeoutMs: 0 });
    } finally {
      pool.release(connection);
    }
  }

  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    options: BackendSendOptions,
  ): Promise<RespValue[]> {
    return this.pool.get(this.node).connection.sendBatch(commands, timeoutMs, options);
  }

  lease(): Promise<LeasedChannel> {
    return this.pool.dedicatedPool(this.node).lease();
  }

  quit(): Promise<void> {
    return Promise.resolve();
  }

  disconnect(): void {}
}
