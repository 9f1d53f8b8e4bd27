import {
  CommandFlag,
  type CommandSpec,
  type LeasedChannel,
  type RedisArgument,
  type RespValue,
  type ServerInfo,
} from '@redspec/types';
import type { RedisConnection } from '../connection/redis-connection.js';
import type { ResolvedClusterConfig } from './cluster-config.js';
import { ClusterTopology } from './cluster-topology.js';
import { combineReplies } from './combine-replies.js';
import { routeCommand, type CommandRoute } from './command-route.js';
import { SLOT_COUNT } from './key-slot.js';
import { NodePool } from './node-pool.js';
import type { ClusterNode } from './slot-map.js';
import { SlotSender, type SlotCommand } from './slot-sender.js';
import { mergeSplitReplies, type SlotGroup } from './split-by-slot.js';

/**
 * What cluster pipelines build on (cluster-batch.ts, cluster-transaction.ts, cluster-lease.ts):
 * route each command, group by node, send each group as one batch with `sendBatchTo` (on
 * `connectionFor(node)`), then `resend` the redirected commands one by one (following
 * MOVED/ASK, retrying TRYAGAIN/CLUSTERDOWN); WATCH leases a node's dedicated connection.
 * @internal
 */
export interface ClusterRouting {
  /** Resolves once the slot map is known. */
  ready(): Promise<void>;
  /** Where a command goes; throws `CrossSlotError` and the like before anything is sent. */
  route(spec: CommandSpec, wire: readonly RedisArgument[]): CommandRoute;
  /** The node serving `slot` now; `read` lets `readFrom` pick a replica. */
  nodeForSlot(slot: number, read: boolean): ClusterNode;
  /** The node's shared connection (READONLY already queued in replica modes). */
  connectionFor(node: ClusterNode): RedisConnection;
  /** One command to its slot's node, following redirections; never resent once written. */
  sendToSlot(command: SlotCommand): Promise<RespValue>;
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
  sendBatchTo(
    node: ClusterNode,
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    buffers: boolean,
  ): Promise<RespValue[]>;
  /** Carries on with a command whose try failed (redirection, TRYAGAIN, unreachable …). */
  resend(command: SlotCommand, error: unknown): Promise<RespValue>;
  /** A connection of the node's dedicated pool, for WATCH and what follows it. */
  leaseNode(node: ClusterNode): Promise<LeasedChannel>;
}

/** The shared state behind a cluster client and its `withBuffers()` view. */
export class ClusterCore implements ClusterRouting {
  readonly pool: NodePool;
  readonly topology: ClusterTopology;
  private readonly sender: SlotSender;
  private readonly closing = new AbortController();

  constructor(readonly config: ResolvedClusterConfig) {
    const tls = config.connection.tls !== undefined && config.connection.tls !== false;
    const readonly = config.readFrom !== 'primary';
    this.pool = new NodePool(config.connection, readonly, config.dedicatedConnections, () =>
      this.topology.scheduleRefresh(),
    );
    this.topology = new ClusterTopology(config.rootNodes, config.readFrom, this.pool, tls);
    this.sender = new SlotSender(this.topology, this.pool, config, this.closing.signal);
  }

  get server(): ServerInfo | undefined {
    return this.topology.server;
  }

  ready(): Promise<void> {
    return this.topology.ready();
  }

  route(spec: CommandSpec, wire: readonly RedisArgument[]): CommandRoute {
    return routeCommand(spec, wire);
  }

  nodeForSlot(slot: number, read: boolean): ClusterNode {
    return this.topology.nodeForSlot(slot, read);
  }

  connectionFor(node: ClusterNode): RedisConnection {
    return this.pool.get(node).connection;
  }

  sendToSlot(command: SlotCommand): Promise<RespValue> {
    return this.sender.send(command);
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

  sendBatchTo(
    node: ClusterNode,
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    buffers: boolean,
  ): Promise<RespValue[]> {
    return this.sender.sendBatchTo(node, commands, timeoutMs, buffers);
  }

  resend(command: SlotCommand, error: unknown): Promise<RespValue> {
    return this.sender.recover(command, error);
  }

  leaseNode(node: ClusterNode): Promise<LeasedChannel> {
    try {
      return this.pool.dedicatedPool(node).lease();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Routes and sends an encoded command; throws synchronously when it cannot be routed. */
  execute(
    spec: CommandSpec,
    wire: readonly RedisArgument[],
    buffers: boolean,
    blocking = (spec.flags & CommandFlag.BLOCKING) !== 0,
  ): Promise<RespValue> {
    const route = routeCommand(spec, wire);
    // Blocking reads stay on primaries: dedicated connections do not send READONLY.
    const read = (spec.flags & CommandFlag.READONLY) !== 0 && !blocking;
    const command = { name: spec.name, wire, slot: 0, read, blocking, buffers };
    switch (route.kind) {
      case 'slot':
        return this.sender.send({ ...command, slot: route.slot });
      case 'any':
        // A random slot's node: a random primary, weighted by slots, with the usual retries.
        return this.sender.send({ ...command, slot: Math.floor(Math.random() * SLOT_COUNT) });
      case 'split':
        return this.sendSplit(spec, route.groups, command);
      case 'fanout':
        return this.sendFanout(spec, route.nodes, command);
    }
  }

  /** Every part in parallel; after all settle, the first failure throws (parts are not atomic). */
  private async sendSplit(
    spec: CommandSpec,
    groups: readonly SlotGroup[],
    command: SlotCommand,
  ): Promise<RespValue> {
    const results = await Promise.allSettled(
      groups.map((group) => this.sender.send({ ...command, wire: group.wire, slot: group.slot })),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    const replies = results.map((result) => (result as PromiseFulfilledResult<RespValue>).value);
    return mergeSplitReplies(spec, groups, replies);
  }

  private async sendFanout(
    spec: CommandSpec,
    scope: 'primaries' | 'all',
    command: SlotCommand,
  ): Promise<RespValue> {
    const nodes = this.nodes(scope);
    const results = await Promise.allSettled(
      nodes.map((node) => this.sender.sendTo(node, command, false)),
    );
    return combineReplies(spec.responsePolicy, results);
  }

  close(graceful: boolean): Promise<void> {
    this.closing.abort();
    return this.pool.close(graceful);
  }
}
