import Denque from 'denque';
import type { PendingReply } from './pending-reply.js';

/**
 * The FIFO of entries whose commands were written (or encoded for this tick's write), in the
 * order the server will answer them. A Denque: push and shift are O(1) without the array
 * shuffling of `Array#shift` on a queue thousands of entries deep.
 * @internal
 */
export class InflightQueue {
  private readonly entries = new Denque<PendingReply>();
  /** (Un)subscribe commands still awaiting confirmations. */
  pubsubPending = 0;
  /** Commands awaiting replies, a batch counting as its commands. */
  commands = 0;
  /** Set by `firstExpired`: the earliest deadline among the entries it passed. */
  nextDeadline = Infinity;

  get length(): number {
    return this.entries.length;
  }

  /** The entry the next reply belongs to. */
  head(): PendingReply | undefined {
    return this.entries.peekFront();
  }

  push(entry: PendingReply): void {
    this.entries.push(entry);
    this.commands += entry.count;
    if (entry.pubsubKind !== '') this.pubsubPending++;
  }

  /** Removes the head once it has all its replies; returns the new head. */
  shift(): PendingReply | undefined {
    const done = this.entries.shift()!;
    this.commands -= done.count;
    if (done.pubsubKind !== '') this.pubsubPending--;
    return this.entries.peekFront();
  }

  /**
   * The first entry whose deadline passed, if any. Replies come in order, so one late reply
   * stalls every entry behind it anyway; the scan stops there.
   */
  firstExpired(now: number): PendingReply | undefined {
    let next = Infinity;
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries.peekAt(i)!;
      if (entry.deadline === 0) continue;
      if (entry.deadline <= now) {
        this.nextDeadline = next;
        return entry;
      }
      next = Math.min(next, entry.deadline);
    }
    this.nextDeadline = next;
    return undefined;
  }

  /** Empties the queue, failing every entry with the error made for it. */
  failAll(errorFor: (entry: PendingReply) => Error): void {
    this.pubsubPending = 0;
    this.commands = 0;
    for (let entry = this.entries.shift(); entry !== undefined; entry = this.entries.shift()) {
      entry.fail(errorFor(entry));
    }
  }
}
