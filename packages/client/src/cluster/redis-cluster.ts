import {
  defineCommandMethods,
  encodeCommand,
  invokeCommand,
  isBlockingCall,
  normalizeReply,
  selectReplyPlan,
  type BatchOptions,
  type CommandInvoker,
  type CommandSpec,
  type CommandTransport,
  type LeasedChannel,
  type PromiseContext,
  type RedisArgument,
  type RedisCommands,
  type RespValue,
  type ServerInfo,
} from '@redspec/types';
import {
  openPipeline,
  openTransaction,
  type AnyPipelineCallback,
  type ClientPipelineOptions,
  type ClientTransactionOptions,
  type PipelineMethods,
  type PipelineRequest,
} from '../pipeline-methods.js';
import { createClientOn, type RedisClient } from '../redis-client.js';
import { sharedConnectionRefusal } from '../shared-connection-guard.js';
import { resolveClusterConfig, type ClusterConfig, type NodeAddress } from './cluster-config.js';
import { sendClusterBatch } from './cluster-batch.js';
import { ClusterCore, type ClusterRouting } from './cluster-core.js';
import { ClusterLease } from './cluster-lease.js';
import { isTransaction, sendClusterTransaction } from './cluster-transaction.js';
import { keySlot, SLOT_COUNT } from './key-slot.js';
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
 * not written: after a redirection, or when its node could not be reached at all.
 *
 * It is a `CommandTransport`, so pipelines run on it: one batch per node, in parallel; and
 * transactions, on the node of the one slot their keys share.
 *
 * @example
 * const cluster = await createCluster({ rootNodes: [{ host: '10.0.0.1', port: 7000 }] }).connect();
 * await cluster.mset({ a: '1', b: '2' }); // two slots: two MSETs, one 'OK'
 * await cluster.rename('a', 'b'); // throws CrossSlotError; '{user}:a' and '{user}:b' would work
 */
export interface RedisCluster<TString extends string | Buffer = string>
  extends RedisCommands<PromiseContext<TString>>, CommandTransport, PipelineMethods<TString> {
  /** The server that answered the last slot map discovery; undefined until then. */
  readonly server: ServerInfo | undefined;
  /** Discovers the slot map now (commands do so on first use anyway). */
  connect(): Promise<this>;
  /**
   * The same cluster, with bulk-string replies as Buffers (and typed so).
   * @example
   * const raw: Buffer | null = await cluster.withBuffers().get('image');
   */
  withBuffers(): RedisCluster<Buffer>;
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
   * Sends any command, e.g. a module's, to the node of `key`'s slot (any primary without one).
   * @example
   * const doc = await cluster.sendCommand(['JSON.GET', 'doc', '$'], { key: 'doc' });
   */
  sendCommand<TReply = unknown>(
    args: readonly RedisArgument[],
    options?: { key?: RedisArgument },
  ): Promise<TReply>;
  /** Rediscovers the slot map now (it also refreshes itself on MOVED, CLUSTERDOWN, lost nodes). */
  refreshSlots(): Promise<void>;
  /** Waits for pending replies, then closes every node connection. */
  quit(): Promise<'OK'>;
  /** Closes every node connection now; pending commands reject. */
  disconnect(): void;
  /** Routing and node connections, for cluster pipelines. @internal */
  readonly routing: ClusterRouting;
}

class Cluster implements CommandInvoker {
  constructor(
    private readonly core: ClusterCore,
    private readonly buffers: boolean,
  ) {}

  get server(): ServerInfo | undefined {
    return this.core.server;
  }

  get routing(): ClusterRouting {
    return this.core;
  }

  async connect(): Promise<this> {
    await this.core.ready();
    return this;
  }

  withBuffers(): Cluster {
    return new Cluster(this.core, true);
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Promise<unknown> {
    // Encoding checks versions against the server, so the first commands wait for discovery.
    if (this.core.topology.slotMap === undefined) {
      return this.core.ready().then(() => this[invokeCommand](spec, params));
    }
    const refusal = sharedConnectionRefusal(spec.name);
    if (refusal !== undefined) return Promise.reject(refusal);
    let reply: Promise<RespValue>;
    try {
      const wire = encodeCommand(spec, params, this.core.server);
      reply = this.core.execute(spec, wire, this.buffers, isBlockingCall(spec, params));
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const plan = selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
    return plan === 0 ? reply : reply.then((value) => normalizeReply(value, plan));
  }

  async sendCommand(
    args: readonly RedisArgument[],
    options?: { key?: RedisArgument },
  ): Promise<unknown> {
    await this.core.ready();
    const key = options?.key;
    const slot = key === undefined ? Math.floor(Math.random() * SLOT_COUNT) : keySlot(key);
    const name = String(args[0] ?? '');
    const command = { name, wire: args, slot, read: false, blocking: false };
    return this.core.sendToSlot({ ...command, buffers: this.buffers });
  }

  nodes(role?: ClusterNode['role']): ClusterNode[] {
    const all = this.core.topology.slotMap?.nodes() ?? [];
    return role === undefined ? all : all.filter((node) => node.role === role);
  }

  nodeClient(node: NodeAddress): RedisClient {
    const known = clusterNode(node.host, node.port, 'primary');
    const client = createClientOn(new NodeClientBackend(this.core.pool, known));
    return this.buffers ? (client.withBuffers() as unknown as RedisClient) : client;
  }

  pipeline(fnOrOptions?: PipelineRequest, maybeOptions?: ClientPipelineOptions): unknown {
    return openPipeline(this, this.buffers, fnOrOptions, maybeOptions);
  }

  transaction(fn: AnyPipelineCallback, options?: ClientTransactionOptions): Promise<unknown> {
    return openTransaction(this, this.buffers, fn, options);
  }

  async sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs?: number,
    options?: BatchOptions,
  ): Promise<RespValue[]> {
    if (commands.length === 0) return [];
    await this.core.ready();
    const buffers = options?.returnBuffers ?? this.buffers;
    return isTransaction(commands)
      ? sendClusterTransaction(this.core, commands, timeoutMs, buffers)
      : sendClusterBatch(this.core, commands, timeoutMs, buffers);
  }

  async lease(): Promise<LeasedChannel> {
    await this.core.ready();
    return new ClusterLease(this.core, () => this.core.server);
  }

  refreshSlots(): Promise<void> {
    return this.core.topology.refresh();
  }

  async quit(): Promise<'OK'> {
    await this.core.close(true);
    return 'OK';
  }

  disconnect(): void {
    void this.core.close(false);
  }
}
defineCommandMethods(Cluster.prototype);

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
  return new Cluster(
    new ClusterCore(resolveClusterConfig(config)),
    false,
  ) as unknown as RedisCluster;
}
