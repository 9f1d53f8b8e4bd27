import { prepareRawCommand, type RedisArgument, type ScanIterator } from '@redspec/types/internal';
import type { ReplyMode } from '../backend/command-backend.js';
import { CursorScan, type PageFetcher } from '../client/cursor-scan.js';
import {
  Client,
  createClientOn,
  type ClientBase,
  type RedisClient,
} from '../client/redis-client.js';
import type { ScanRequest } from '../client/scan-methods.js';
import { ClusterBackend } from './cluster-backend.js';
import { resolveClusterConfig, type ClusterConfig, type NodeAddress } from './cluster-config.js';
import { keySlot } from './key-slot.js';
import { NodeClientBackend } from './node-client-backend.js';
import { clusterNode, type ClusterNode } from './slot-map.js';

/**
 * A typed client for a Redis Cluster: the same command methods as `RedisClient`, each routed
 * to the node serving its keys' slot. `multi_shard` commands (MGET, MSET, DEL, EXISTS, TOUCH,
 * UNLINK) whose keys span slots are split per slot and their replies reassembled (the parts
 * are not atomic together: one may fail after others ran); other commands with keys in several
 * slots throw `CrossSlotError` before sending. Keyless commands follow their request policy:
 * every primary (DBSIZE, summed), every node (CONFIG SET), or one primary (INFO, RANDOMKEY).
 *
 * MOVED and ASK are followed, TRYAGAIN and CLUSTERDOWN retried with backoff, and the slot map
 * refreshed on MOVED, CLUSTERDOWN and lost nodes. A command is resent only when it surely was
 * not written: after a redirection, or when its node could not be reached at all. Pipelines
 * send one batch per node, in parallel; transactions run on the node of their one slot.
 *
 * @example
 * const cluster = await createCluster({ rootNodes: [{ host: '10.0.0.1', port: 7000 }] }).connect();
 * await cluster.mset({ a: '1', b: '2' }); // two slots: two MSETs, one 'OK'
 * await cluster.rename('a', 'b'); // throws CrossSlotError; '{user}:a' and '{user}:b' would work
 */
export interface RedisCluster<
  TString extends string | Buffer = string,
> extends ClientBase<TString> {
  /**
   * The same cluster, with bulk-string replies as Buffers (and typed so).
   * @example
   * const raw: Buffer | null = await cluster.withBuffers().get('image');
   */
  withBuffers(): RedisCluster<Buffer>;
  /**
   * Sends any command, e.g. a module's, to the node of `key`'s slot (any primary without one).
   * @example
   * const doc = await cluster.sendCommand(['JSON.GET', 'doc', '$'], { key: 'doc' });
   */
  sendCommand<TReply = unknown>(
    args: readonly RedisArgument[],
    options?: { key?: RedisArgument },
  ): Promise<TReply>;
  /**
   * The nodes of the current slot map: primaries, replicas, or both (primaries first).
   * @example
   * for (const node of cluster.nodes('primary')) console.log(node.address);
   */
  nodes(role?: ClusterNode['role']): ClusterNode[];
  /**
   * A client whose commands all go to one node, unrouted, over the cluster's connections:
   * for per-node commands such as SCAN, INFO or CONFIG GET. Closing the cluster closes it.
   * @example
   * const perNode = cluster.nodes('primary').map((node) => cluster.nodeClient(node).dbsize());
   */
  nodeClient(node: NodeAddress): RedisClient;
  /**
   * Rediscovers the slot map now (it also refreshes itself on MOVED, CLUSTERDOWN, lost nodes).
   * @example
   * await cluster.refreshSlots();
   */
  refreshSlots(): Promise<void>;
}

/** The runtime behind `RedisCluster`: a client over the cluster backend, plus node access. */
class ClusterClient extends Client {
  declare protected readonly backend: ClusterBackend;

  protected override view(mode: ReplyMode, signal: AbortSignal | undefined): ClusterClient {
    return new ClusterClient(this.backend, mode, signal);
  }

  /**
   * A keyed scan (HSCAN, SSCAN, ZSCAN) is routed by its key like any command. SCAN has no key:
   * each primary has a keyspace and a cursor of its own, so it is walked on every primary of
   * the slot map known when the iteration starts, one after the other.
   */
  override openScan(request: ScanRequest): ScanIterator<unknown> {
    if (request.spec.keys !== undefined) return super.openScan(request);
    this.checkScan(request);
    const cursors = async (): Promise<PageFetcher[]> => {
      await this.backend.ready();
      return this.nodes('primary').map((node) =>
        (this.nodeClient(node) as unknown as ClusterClient).pages(request),
      );
    };
    return new CursorScan(request.spec.name, cursors, request.signal);
  }

  override async sendCommand(
    args: readonly RedisArgument[],
    options?: { key?: RedisArgument },
  ): Promise<unknown> {
    const key = options?.key;
    if (key === undefined) return super.sendCommand(args);
    const command = prepareRawCommand(args);
    await this.backend.ready();
    return this.backend.sendToSlot(command, keySlot(key), this.mode);
  }

  nodes(role?: ClusterNode['role']): ClusterNode[] {
    const all = this.backend.topology.slotMap?.nodes() ?? [];
    return role === undefined ? all : all.filter((node) => node.role === role);
  }

  nodeClient(node: NodeAddress): RedisClient {
    const known = clusterNode(node.host, node.port, 'primary');
    const backend = new NodeClientBackend(this.backend.pool, known, this.backend.config.connection);
    const client = createClientOn(backend);
    return this.mode.buffers ? (client.withBuffers() as unknown as RedisClient) : client;
  }

  refreshSlots(): Promise<void> {
    return this.backend.topology.refresh();
  }
}

/**
 * Creates a client for a Redis Cluster. It discovers the slot map from the first root node
 * that answers, on first use (or `await cluster.connect()`), and keeps one connection per node.
 *
 * @example
 * const cluster = createCluster({ rootNodes: [{ host: '10.0.0.1', port: 7000 }] });
 * await cluster.set('user:{42}:name', 'Ada');
 * const [name, email] = await cluster.mget(['user:{42}:name', 'user:{42}:email']);
 * await cluster.quit();
 */
export function createCluster(config: ClusterConfig): RedisCluster {
  const backend = new ClusterBackend(resolveClusterConfig(config));
  return new ClusterClient(backend, { buffers: false }) as unknown as RedisCluster;
}
