import { prepareRawCommand } from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import { RedisConnection } from '../connection/redis-connection.js';
import { DedicatedPool } from '../connection/dedicated-pool.js';
import { ConnectionClosedError } from '../errors.js';
import type { NodeAddress } from './cluster-config.js';

const READONLY = prepareRawCommand(['READONLY']);

/** A node connection and what the cluster needs to know about its life. */
export interface NodeConnection {
  readonly connection: RedisConnection;
  /**
   * Whether it ever finished its handshake. Until then nothing but the handshake was written,
   * so a command that failed on it was never sent and may safely go elsewhere.
   */
  readonly wasReady: boolean;
}

/**
 * One shared, auto-pipelined connection per node, created on first use and reused, plus a
 * dedicated pool per node for blocking commands. A connection that ends is dropped, and
 * `onLost` tells the cluster (which refreshes its slot map); the next use opens a fresh one.
 * With `readonly`, every connection sends `READONLY` first, so replicas serve reads.
 */
export class NodePool {
  private readonly shared = new Map<string, { connection: RedisConnection; wasReady: boolean }>();
  private readonly dedicated = new Map<string, DedicatedPool>();
  private closed = false;

  constructor(
    private readonly options: RedisConnectionOptions,
    private readonly readonly: boolean,
    private readonly dedicatedConnections: number,
    private readonly onLost: (address: string, error: Error) => void,
    /** Called on each new shared connection before it connects (client-side cache tracking). */
    private readonly onConnection?: (connection: RedisConnection) => void,
  ) {}

  /** The node's shared connection; commands sent at once queue until its handshake is done. */
  get(node: NodeAddress & { address: string }): NodeConnection {
    const existing = this.shared.get(node.address);
    if (existing !== undefined) return existing;
    if (this.closed) throw new ConnectionClosedError('The cluster client is closed');
    const connection = new RedisConnection({ ...this.options, host: node.host, port: node.port });
    this.onConnection?.(connection);
    const entry = { connection, wasReady: false };
    this.shared.set(node.address, entry);
    connection.once('ready', () => (entry.wasReady = true));
    connection.once('end', (error) => {
      if (this.shared.get(node.address) === entry) this.shared.delete(node.address);
      // Without an error it was closed on purpose (quit, or the node left the slot map).
      if (!this.closed && error !== undefined) this.onLost(node.address, error);
    });
    // Failures reach the commands queued on it; this catch only keeps the rejection handled.
    connection.connect().catch(() => undefined);
    // Queued ahead of every command, so no read reaches a replica before it.
    if (this.readonly) connection.send(READONLY).catch(() => undefined);
    return entry;
  }

  /** Whether the node's shared connection exists and is ready. */
  isReady(address: string): boolean {
    return this.shared.get(address)?.connection.status === 'ready';
  }

  /** The node's pool of dedicated connections (blocking commands), created on first use. */
  dedicatedPool(node: NodeAddress & { address: string }): DedicatedPool {
    let pool = this.dedicated.get(node.address);
    if (pool === undefined) {
      if (this.closed) throw new ConnectionClosedError('The cluster client is closed');
      pool = new DedicatedPool(
        { ...this.options, host: node.host, port: node.port },
        this.dedicatedConnections,
      );
      this.dedicated.set(node.address, pool);
    }
    return pool;
  }

  /** Closes the connections of nodes that left the slot map. */
  retain(addresses: ReadonlySet<string>): void {
    for (const [address, entry] of this.shared) {
      if (addresses.has(address)) continue;
      this.shared.delete(address);
      void entry.connection.quit();
    }
    for (const [address, pool] of this.dedicated) {
      if (addresses.has(address)) continue;
      this.dedicated.delete(address);
      void pool.close();
    }
  }

  /** `quit` waits for pending replies on every connection; otherwise cuts them at once. */
  async close(graceful: boolean): Promise<void> {
    this.closed = true;
    const shared = [...this.shared.values()].map(({ connection }) =>
      graceful ? connection.quit() : connection.disconnect(),
    );
    const dedicated = [...this.dedicated.values()].map((pool) => pool.close());
    this.shared.clear();
    this.dedicated.clear();
    await Promise.all([...shared, ...dedicated]);
  }
}
