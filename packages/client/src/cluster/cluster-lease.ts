import {
  MovedError,
  type BatchOptions,
  type LeasedChannel,
  type RedisArgument,
  type RespValue,
  type ServerInfo,
} from '@redspec/types';
import { ConnectionClosedError } from '../errors.js';
import { batchSlot, TRANSACTION, type BatchLabel } from './batch-slot.js';
import type { ClusterRouting } from './cluster-core.js';
import { CrossSlotError } from './cluster-errors.js';
import { isTransaction } from './cluster-transaction.js';

type Commands = readonly (readonly RedisArgument[])[];

const WATCHED: BatchLabel = { command: 'WATCH', what: 'a watched connection' };

/**
 * A dedicated connection of one cluster node, for WATCH and what follows it. It binds on its
 * first batch (the pipeline's `WATCH keys`) to the primary of the slot those keys share, or to
 * any primary when they are keyless, using that node's dedicated pool; every later batch (the
 * immediate reads, MULTI … EXEC) goes to the same connection. Since WATCH only guards the
 * connection that sent it and a transaction runs on one node, every key sent here must hash
 * to the watched slot: others throw `CrossSlotError` before sending. A first batch answered
 * MOVED (a stale slot map; nothing ran) binds again once, to the new owner.
 */
export class ClusterLease implements LeasedChannel {
  #bound: Promise<LeasedChannel> | undefined;
  #slot: number | undefined;
  #released = false;

  constructor(
    private readonly routing: ClusterRouting,
    private readonly clusterServer: () => ServerInfo | undefined,
  ) {}

  get server(): ServerInfo | undefined {
    return this.clusterServer();
  }

  async sendBatch(
    commands: Commands,
    timeoutMs?: number,
    options?: BatchOptions,
  ): Promise<RespValue[]> {
    if (this.#released)
      throw new ConnectionClosedError('The leased cluster connection was released');
    this.#checkSlot(commands);
    if (this.#bound !== undefined)
      return (await this.#bound).sendBatch(commands, timeoutMs, options);
    // Nothing was watched yet, so there is nothing to unwatch: no node needs leasing for it.
    if (commands.length === 1 && String(commands[0]![0]).toUpperCase() === 'UNWATCH') return ['OK'];
    const first = this.#bind(commands, timeoutMs, options);
    this.#bound = first.then(({ channel }) => channel);
    // A failed first batch leaves the lease unbound, so a later batch may bind it afresh.
    this.#bound.catch(() => (this.#bound = undefined));
    return (await first).replies;
  }

  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    const bound = this.#bound;
    this.#bound = undefined;
    if (bound === undefined) return;
    await bound.then((channel) => channel.release()).catch(() => undefined);
  }

  /** The first batch fixes the slot; later ones must stay in it. */
  #checkSlot(commands: Commands): void {
    const label = isTransaction(commands) ? TRANSACTION : WATCHED;
    const slot = batchSlot(this.routing, commands, label);
    if (slot === undefined) return;
    if (this.#slot !== undefined && slot !== this.#slot) {
      throw new CrossSlotError(label.command, [this.#slot, slot], `the keys of ${WATCHED.what}`);
    }
    this.#slot = slot;
  }

  async #bind(
    commands: Commands,
    timeoutMs: number | undefined,
    options: BatchOptions | undefined,
  ): Promise<{ channel: LeasedChannel; replies: RespValue[] }> {
    for (let attempt = 1; ; attempt++) {
      const slot = this.#slot;
      const node =
        slot === undefined ? this.routing.anyPrimary() : this.routing.nodeForSlot(slot, false);
      const channel = await this.routing.leaseNode(node);
      let replies: RespValue[];
      try {
        replies = await channel.sendBatch(commands, timeoutMs, options);
      } catch (error) {
        await channel.release();
        throw error;
      }
      const moved = replies.every((reply) => reply instanceof MovedError) ? replies[0] : undefined;
      if (!(moved instanceof MovedError) || attempt > 1) return { channel, replies };
      await channel.release();
      this.routing.noteMoved(moved.slot, moved.host, moved.port);
    }
  }
}
