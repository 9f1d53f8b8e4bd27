import {
  CommandFlag,
  settleReply,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type PreparedCommand,
  type RespValue,
  type ServerInfo,
} from '@redspec/types/internal';
import { ClientEventEmitter } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import type { ClientSideCache } from '../cache/client-side-cache.js';
import { trackConnection } from '../cache/connection-tracking.js';
import { ClusterSubscriber } from './cluster-subscriber.js';
import { randomSlot, rawPart } from './batch-plan.js';
import type { ResolvedClusterConfig } from './cluster-config.js';
import { sendClusterBatch } from './cluster-batch.js';
import { ClusterLease } from './cluster-lease.js';
import { ClusterTopology } from './cluster-topology.js';
import { sendClusterTransaction } from './cluster-transaction.js';
import { combineReplies } from './combine-replies.js';
import { routePrepared } from './command-route.js';
import { NodePool } from './node-pool.js';
import type { ClusterNode } from './slot-map.js';
import { SlotSender, type SlotCommand } from './slot-sender.js';
import { mergeSplitReplies, type SlotGroup } from './split-by-slot.js';

/**
 * What cluster pipelines build on (cluster-batch.ts, cluster-transaction.ts, cluster-lease.ts):
 * find each command's node, send each node's part as one batch with `sendBatchTo`, then
 * `resend` the commands the cluster did not run (following MOVED/ASK, retrying TRYAGAIN and
 * CLUSTERDOWN); WATCH leases a node's dedicated connection.
 */
export interface ClusterRouting {
  /** The node serving `slot` now; `read` lets `readFrom` pick a replica. */
  nodeForSlot(slot: number, read: boolean): ClusterNode;
  /** Records a MOVED reply seen in a batch: patches the slot map, schedules a refresh. */
  noteMoved(slot: number, host: string, port: number): void;
  /** The targets of a keyless fan-out command: every primary, or every node. */
  nodes(scope: 'primaries' | 'all'): ClusterNode[];
  /** Any primary, for keyless commands and transactions. */
  anyPrimary(): ClusterNode;
  /**
   * One batch on the node's shared connection, errors in place; rejects with
   * `NodeUnreachableError` when nothing was written (the node could not be reached).
   */
  sendBatchTo(node: ClusterNode, batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies>;
  /** Carries on with a command whose try failed (redirection, TRYAGAIN, unreachable …). */
  resend(target: SlotCommand, error: unknown): Promise<unknown>;
  /** A connection of the node's dedicated pool, for WATCH and what follows it. */
  leaseNode(node: ClusterNode, mode: ReplyMode): Promise<LeasedChannel>;
}

/**
 * A Redis Cluster as a backend: commands go to the node serving their keys' slot, found from
 * their specs' key specs; `multi_shard` commands spanning slots are split and their replies
 * merged; keyless ones follow their request policy (every primary, every node, or any one).
 */
export class ClusterBackend implements CommandBackend, ClusterRouting {
  readonly events = new ClientEventEmitter();
  readonly pool: NodePool;
  private readonly subscribers = new Map<boolean, ClusterSubscriber>();
  readonly topology: ClusterTopology;
  private readonly sender: SlotSender;
  private readonly closing = new AbortController();

  constructor(
    readonly config: ResolvedClusterConfig,
    cache?: ClientSideCache,
  ) {
    const tls = config.connection.tls !== undefined && config.connection.tls !== false;
    const readonly = config.readFrom !== 'primary';
    this.pool = new NodePool(
      config.connection,
      readonly,
      config.dedicatedConnections,
      (_, error) => {
        this.events.report(error);
        this.topology.scheduleRefresh();
      },
      cache && ((connection) => void trackConnection(connection, cache, config.connection)),
    );
    this.topology = new ClusterTopology(config.rootNodes, config.readFrom, this.pool, tls);
    if (cache !== undefined) this.topology.onMoved = () => cache.flush();
    // However the first map comes (connect(), or a cold command's discovery), `ready` fires once.
    this.topology.onFirstMap = (server) => this.events.emit('ready', server);
    this.sender = new SlotSender(this.topology, this.pool, config, this.closing.signal);
  }

  get server(): ServerInfo | undefined {
    return this.topology.server;
  }

  async ready(): Promise<ServerInfo> {
    await this.topology.ready();
    return this.topology.server!;
  }

  connect(): Promise<ServerInfo> {
    return this.ready();
  }

  /** Routes one command and sends it; the first try leaves in the caller's tick. */
  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    const spec = command.spec;
    if (spec === undefined) return this.sendToSlot(command, randomSlot(), mode);
    let route;
    try {
      route = routePrepared(spec, command);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // Blocking reads stay on primaries: dedicated connections do not send READONLY.
    const read = (spec.flags & CommandFlag.READONLY) !== 0 && command.blockingMs === undefined;
    switch (route.kind) {
      case 'slot':
        return this.sender.send({ command, slot: route.slot, read, mode });
      case 'any':
        // A random slot's node: a random primary, weighted by slots, with the usual retries.
        return this.sender.send({ command, slot: randomSlot(), read, mode });
      case 'split':
        return this.sendSplit(command, route.groups, read, mode);
      case 'fanout':
        return this.sendFanout(command, route.nodes, mode);
    }
  }

  /** A command bound for a given slot (a raw command with a `key` option, or none). */
  sendToSlot(command: PreparedCommand, slot: number, mode: ReplyMode): Promise<unknown> {
    return this.sender.send({ command, slot, read: false, mode });
  }

  sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    if (batch.commands.length === 0) return Promise.resolve({ replies: [], exec: [] });
    const send = (): Promise<BatchReplies> =>
      batch.transaction
        ? sendClusterTransaction(this, batch, mode)
        : sendClusterBatch(this, batch, mode);
    return this.topology.slotMap === undefined ? this.ready().then(send) : send();
  }

  async lease(mode: ReplyMode): Promise<LeasedChannel> {
    await this.ready();
    return new ClusterLease(this, mode, () => this.topology.server);
  }

  nodeForSlot(slot: number, read: boolean): ClusterNode {
    return this.topology.nodeForSlot(slot, read);
  }

  noteMoved(slot: number, host: string, port: number): void {
    this.topology.moved(slot, host, port);
  }

  nodes(scope: 'primaries' | 'all'): ClusterNode[] {
    const map = this.topology.slotMap;
    return (scope === 'all' ? map?.nodes() : map?.primaries()) ?? [];
  }

  anyPrimary(): ClusterNode {
    return this.topology.randomPrimary();
  }

  sendBatchTo(node: ClusterNode, batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    return this.sender.sendBatchTo(node, batch, mode);
  }

  resend(target: SlotCommand, error: unknown): Promise<unknown> {
    return this.sender.recover(target, error);
  }

  leaseNode(node: ClusterNode, mode: ReplyMode): Promise<LeasedChannel> {
    try {
      return this.pool.dedicatedPool(node).lease(mode);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  pubsub(mode: ReplyMode): ClusterSubscriber {
    let subscriber = this.subscribers.get(mode.buffers);
    if (subscriber === undefined) {
      subscriber = new ClusterSubscriber(this.topology, this.config.connection, mode.buffers);
      subscriber.on('resubscribed', (event) => this.events.emit('resubscribed', event));
      subscriber.on('error', (error) => this.events.report(error));
      this.subscribers.set(mode.buffers, subscriber);
    }
    return subscriber;
  }

  async quit(): Promise<void> {
    this.closing.abort();
    const subscribers = [...this.subscribers.values()].map((subscriber) => subscriber.quit());
    await Promise.all([this.pool.close(true), ...subscribers]);
    this.events.emit('end', undefined);
  }

  disconnect(): void {
    this.closing.abort();
    for (const subscriber of this.subscribers.values()) subscriber.disconnect();
    void this.pool.close(false);
    this.events.emit('end', undefined);
  }

  /** Every part in parallel; after all settle, the first failure throws (parts are not atomic). */
  private async sendSplit(
    command: PreparedCommand,
    groups: readonly SlotGroup[],
    read: boolean,
    mode: ReplyMode,
  ): Promise<unknown> {
    const results = await Promise.allSettled(
      groups.map((group) =>
        this.sender.send({ command: rawPart(command, group.wire), slot: group.slot, read, mode }),
      ),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const replies = results.map((result) => (result as PromiseFulfilledResult<RespValue>).value);
    return settleReply(command, mergeSplitReplies(command.spec!, groups, replies), mode.bigints);
  }

  private async sendFanout(
    command: PreparedCommand,
    scope: 'primaries' | 'all',
    mode: ReplyMode,
  ): Promise<unknown> {
    // Cold, the slot map names no node yet: a fan-out would ask nobody and combine nothing.
    await this.ready();
    const part = { command: rawPart(command), slot: 0, read: false, mode };
    const results = await Promise.allSettled(
      this.nodes(scope).map((node) => this.sender.sendTo(node, part, false)),
    );
    const settled = results as PromiseSettledResult<RespValue>[];
    return settleReply(
      command,
      combineReplies(command.spec!.responsePolicy, settled),
      mode.bigints,
    );
  }
}
