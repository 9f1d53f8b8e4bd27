import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  RedisArgument,
  RespValue,
} from '@redspec/types/internal';
import type { ReplyMode } from '../../src/backend/command-backend.js';
import type { ClusterRouting } from '../../src/cluster/cluster-backend.js';
import { keySlot } from '../../src/cluster/key-slot.js';
import { clusterNode, type ClusterNode } from '../../src/cluster/slot-map.js';
import type { SlotCommand } from '../../src/cluster/slot-sender.js';

const nodes = [7000, 7001, 7002].map((port) => clusterNode('h', port, 'primary'));
const ownerOf = (slot: number): ClusterNode => nodes[Math.min(2, Math.floor(slot / 5462))]!;

/** The port of the fake node owning `key`. */
export const portOf = (key: string): number => ownerOf(keySlot(key)).port;

/** How the fake cluster's nodes behave; by default every command answers `port:key`. */
export interface FakeRoutingOptions {
  /** A command's reply (an Error for an error reply); undefined for the default. */
  answer?: (port: number, wire: readonly RedisArgument[]) => RespValue | undefined;
  /** Rejects a node's whole batch with this error (a lost or unreachable node). */
  batchFailure?: (port: number) => Error | undefined;
  /** What `leaseNode` hands out. */
  channel?: LeasedChannel;
}

/**
 * For the cluster's unit tests: a `ClusterRouting` over three fake nodes (ports 7000-7002,
 * slots split evenly). MGET answers its keys and DBSIZE 1, so split and fan-out results are
 * easy to check; a transaction's EXEC answers with the commands' replies. Records batches (as
 * wire words, MULTI/EXEC included), resends, MOVED notes and leases. Live tests run on a real
 * cluster; this one makes the planning cheap to check.
 */
export class FakeRouting implements ClusterRouting {
  readonly batches: { port: number; commands: (readonly RedisArgument[])[] }[] = [];
  readonly resent: { wire: readonly RedisArgument[]; error: unknown }[] = [];
  readonly moved: [number, string, number][] = [];
  readonly leased: ClusterNode[] = [];

  constructor(private readonly options: FakeRoutingOptions = {}) {}

  nodeForSlot = (slot: number): ClusterNode => ownerOf(slot);
  nodes = (): ClusterNode[] => nodes;
  anyPrimary = (): ClusterNode => nodes[0]!;

  noteMoved(slot: number, host: string, port: number): void {
    this.moved.push([slot, host, port]);
  }

  sendBatchTo(node: ClusterNode, batch: CommandBatch, _mode: ReplyMode): Promise<BatchReplies> {
    const wires = batch.commands.map((command) => command.args);
    this.batches.push({
      port: node.port,
      commands: batch.transaction ? [['MULTI'], ...wires, ['EXEC']] : wires,
    });
    const failure = this.options.batchFailure?.(node.port);
    if (failure !== undefined) return Promise.reject(failure);
    const replies = wires.map((wire) => this.reply(node.port, wire));
    if (!batch.transaction) return Promise.resolve({ replies });
    const exec = this.options.answer?.(node.port, ['EXEC']) ?? replies;
    return Promise.resolve({
      replies: replies.map((reply) => (reply instanceof Error ? reply : 'QUEUED')),
      exec,
    });
  }

  resend(target: SlotCommand, error: unknown): Promise<unknown> {
    this.resent.push({ wire: target.command.args, error });
    return Promise.resolve(`resent:${String(target.command.args[1])}`);
  }

  leaseNode(node: ClusterNode): Promise<LeasedChannel> {
    this.leased.push(node);
    const channel = this.options.channel;
    return channel === undefined
      ? Promise.reject(new Error('no channel'))
      : Promise.resolve(channel);
  }

  private reply(port: number, wire: readonly RedisArgument[]): RespValue {
    const answer = this.options.answer?.(port, wire);
    if (answer !== undefined) return answer;
    if (wire[0] === 'DBSIZE') return 1;
    if (wire[0] === 'MGET') return wire.slice(1) as RespValue[];
    return `${port}:${String(wire[1])}`;
  }
}
