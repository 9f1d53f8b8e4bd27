import { prepareRawCommand, type RedisArgument, type ScanIterator } from '@redspec/types/internal';
import { CursorScan, type PageFetcher } from '../client/cursor-scan.js';
import {
  Client,
  createClientOn,
  replyMode,
  type ClientBase,
  type RedisClient,
} from '../client/redis-client.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import { resolveCacheOptions } from '../cache/cache-options.js';
import { CachingBackend } from '../cache/caching-backend.js';
import { ClientSideCache } from '../cache/client-side-cache.js';
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
  TInteger extends number | bigint = number,
> extends ClientBase<TString, TInteger> {
  /**
   * The same cluster, with bulk-string replies as Buffers (and typed so).
   * @example
   * const raw: Buffer | null = await cluster.withBuffers().get('image');
   */
  withBuffers(): RedisCluster<Buffer, TInteger>;
  /**
   * The same cluster, with integer replies as bigints (and typed so); summed replies (DBSIZE)
   * are summed as bigints.
   * @example
   * const keys: bigint = await cluster.withBigInts().dbsize();
   */
  withBigInts(): RedisCluster<TString, bigint>;
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
  /**
   * The cluster itself, for routing by key and node access; `backend` is the same one, or a
   * `CachingBackend` in front of it.
   */
  constructor(
    backend: CommandBackend,
    mode: ReplyMode,
    private readonly cluster: ClusterBackend,
    signal?: AbortSignal,
  ) {
    super(backend, mode, signal);
  }

  protected override view(mode: ReplyMode, signal: AbortSignal | undefined): ClusterClient {
    return new ClusterClient(this.backend, mode, this.cluster, signal);
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
    await this.cluster.ready();
    return this.cluster.sendToSlot(command, keySlot(key), this.mode);
  }

  nodes(role?: ClusterNode['role']): ClusterNode[] {
    const all = this.cluster.topology.slotMap?.nodes() ?? [];
    return role === undefined ? all : all.filter((node) => node.role === role);
  }

  nodeClient(node: NodeAddress): RedisClient {
    const known = clusterNode(node.host, node.port, 'primary');
    const backend = new NodeClientBackend(this.cluster.pool, known, this.cluster.config.connection);
    return createClientOn(backend, this.mode);
  }

  refreshSlots(): Promise<void> {
    return this.cluster.topology.refresh();
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
  const strings = replyMode(false, false);
  const { clientSideCache, ...rest } = config;
  if (clientSideCache === undefined) {
    const backend = new ClusterBackend(resolveClusterConfig(rest));
    return new ClusterClient(backend, strings, backend) as unknown as RedisCluster;
  }
  // Node connections do not reconnect (a fresh one replaces a dropped one), so a RESP2
  // invalidation connection per node could not follow them: the cluster cache needs RESP3.
  if (config.protocol === 2)
    throw new TypeError('createCluster: clientSideCache needs protocol 3 in a cluster');
  const cache = new ClientSideCache(resolveCacheOptions(clientSideCache));
  const backend = new ClusterBackend(resolveClusterConfig(rest), cache);
  const caching = new CachingBackend(backend, cache);
  return new ClusterClient(caching, strings, backend) as unknown as RedisCluster;
}
