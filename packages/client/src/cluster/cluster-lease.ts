import {
  MovedError,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type ServerInfo,
} from '@redspec/types/internal';
import type { ReplyMode } from '../backend/command-backend.js';
import { ConnectionClosedError } from '../errors.js';
import { batchSlot, TRANSACTION, WATCHED } from './batch-slot.js';
import type { ClusterRouting } from './cluster-backend.js';
import { CrossSlotError } from './cluster-errors.js';

/**
 * A dedicated connection of one cluster node, for WATCH and what follows it. It binds on its
 * first batch (the pipeline's `WATCH keys`) to the primary of the slot those keys share, or to
 * any primary when they are keyless, using that node's dedicated pool; every later batch (the
 * immediate reads, the transaction) goes to the same connection. Since WATCH only guards the
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
    private readonly mode: ReplyMode,
    private readonly clusterServer: () => ServerInfo | undefined,
  ) {}

  get server(): ServerInfo | undefined {
    return this.clusterServer();
  }

  get bigints(): boolean {
    return this.mode.bigints;
  }

  async sendBatch(batch: CommandBatch): Promise<BatchReplies> {
    if (this.#released) {
      throw new ConnectionClosedError('The leased cluster connection was released');
    }
    this.#checkSlot(batch);
    if (this.#bound !== undefined) return (await this.#bound).sendBatch(batch);
    const first = this.#bind(batch);
    this.#bound = first.then(({ channel }) => channel);
    // A failed first batch leaves the lease unbound, so a later batch may bind it afresh.
    this.#bound.catch(() => (this.#bound = undefined));
    return (await first).replies;
  }

  /** Nothing was watched before the lease bound, so an unbound lease has nothing to unwatch. */
  async release(options: { readonly unwatch: boolean }): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    const bound = this.#bound;
    this.#bound = undefined;
    if (bound === undefined) return;
    await bound.then((channel) => channel.release(options)).catch(() => undefined);
  }

  /** The first batch fixes the slot; later ones must stay in it. */
  #checkSlot(batch: CommandBatch): void {
    const label = batch.transaction ? TRANSACTION : WATCHED;
    const slot = batchSlot(batch.commands, label);
    if (slot === undefined) return;
    if (this.#slot !== undefined && slot !== this.#slot) {
      throw new CrossSlotError(label.command, [this.#slot, slot], `the keys of ${WATCHED.what}`);
    }
    this.#slot = slot;
  }

  async #bind(batch: CommandBatch): Promise<{ channel: LeasedChannel; replies: BatchReplies }> {
    for (let attempt = 1; ; attempt++) {
      const slot = this.#slot;
      const node =
        slot === undefined ? this.routing.anyPrimary() : this.routing.nodeForSlot(slot, false);
      const channel = await this.routing.leaseNode(node, this.mode);
      let replies: BatchReplies;
      try {
        replies = await channel.sendBatch(batch);
      } catch (error) {
        await channel.release({ unwatch: false });
        throw error;
      }
      const moved = replies.replies.every((reply) => reply instanceof MovedError)
        ? replies.replies[0]
        : undefined;
      if (!(moved instanceof MovedError) || attempt > 1) return { channel, replies };
      await channel.release({ unwatch: false });
      this.routing.noteMoved(moved.slot, moved.host, moved.port);
    }
  }
}
