import type { LeasedChannel, RedisArgument, RespValue } from '@redspec/types';
import type { ClusterRouting } from './cluster-core.js';
import { routeCommand } from './command-route.js';
import type { CommandRoute } from './command-route.js';
import { keySlot } from './key-slot.js';
import { clusterNode, type ClusterNode } from './slot-map.js';
import type { SlotCommand } from './slot-sender.js';

type Batch = readonly (readonly RedisArgument[])[];

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
 * For unit tests: a `ClusterRouting` over three fake nodes (ports 7000-7002, slots split
 * evenly), with the real `routeCommand`. MGET answers its keys and DBSIZE 1, so split and
 * fan-out results are easy to check. Records batches, resends, MOVED notes and leases.
 * @internal
 */
export class FakeRouting implements ClusterRouting {
  readonly batches: { port: number; commands: Batch }[] = [];
  readonly resent: { wire: readonly RedisArgument[]; error: unknown }[] = [];
  readonly moved: [number, string, number][] = [];
  readonly leased: ClusterNode[] = [];

  constructor(private readonly options: FakeRoutingOptions = {}) {}

  ready = (): Promise<void> => Promise.resolve();
  route = (spec: Parameters<typeof routeCommand>[0], wire: Batch[number]): CommandRoute =>
    routeCommand(spec, wire);
  nodeForSlot = (slot: number): ClusterNode => ownerOf(slot);
  nodes = (): ClusterNode[] => nodes;
  anyPrimary = (): ClusterNode => nodes[0]!;
  connectionFor = (): never => {
    throw new Error('the fake has no connections');
  };
  sendToSlot = (): never => {
    throw new Error('the fake does not send single commands');
  };

  noteMoved(slot: number, host: string, port: number): void {
    this.moved.push([slot, host, port]);
  }

  sendBatchTo(node: ClusterNode, commands: Batch): Promise<RespValue[]> {
    this.batches.push({ port: node.port, commands });
    const failure = this.options.batchFailure?.(node.port);
    if (failure !== undefined) return Promise.reject(failure);
    return Promise.resolve(commands.map((wire) => this.reply(node.port, wire)));
  }

  resend(command: SlotCommand, error: unknown): Promise<RespValue> {
    this.resent.push({ wire: command.wire, error });
    return Promise.resolve(`resent:${String(command.wire[1])}`);
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
