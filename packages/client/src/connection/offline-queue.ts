import { ReplyError } from '@redspec/types/internal';
import Denque from 'denque';
import { CommandTimeoutError, ConnectionClosedError, OfflineQueueFullError } from '../errors.js';
import type { PendingReply } from './pending-reply.js';

/**
 * Commands issued while the connection is not ready, bounded by a number of commands (a batch
 * counts as its length). Nothing in it has been written yet, so after a reconnect it is sent
 * as is; entries that time out while waiting are settled here and skipped later.
 * @internal
 */
export class OfflineQueue {
  private readonly entries = new Denque<PendingReply>();
  /** Commands held by unsettled entries. */
  private count = 0;

  constructor(private readonly limit: number) {}

  /** Queues the entry, or rejects it at once when the queue is disabled or full. */
  add(entry: PendingReply): boolean {
    if (this.count + entry.count > this.limit) {
      entry.fail(new OfflineQueueFullError(entry.name, this.limit));
      return false;
    }
    this.entries.push(entry);
    this.count += entry.count;
    return true;
  }

  /** The oldest entry still waiting, if any. */
  shift(): PendingReply | undefined {
    for (let entry = this.entries.shift(); entry !== undefined; entry = this.entries.shift()) {
      if (entry.settled) continue; // timed out while waiting, already counted out
      this.count -= entry.count;
      return entry;
    }
    return undefined;
  }

  /** Fails an entry still waiting here (its caller gave up); it is skipped when its turn comes. */
  cancel(entry: PendingReply, error: Error): void {
    if (entry.settled) return;
    this.count -= entry.count;
    entry.fail(error);
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /**
   * Fails entries whose deadline passed while they waited for a connection (`waitingFor` says
   * what they waited for); returns the earliest deadline left (or Infinity).
   */
  expire(now: number, waitingFor: string): number {
    let next = Infinity;
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries.peekAt(i)!;
      if (entry.settled || entry.deadline === 0) continue;
      if (entry.deadline > now) {
        next = Math.min(next, entry.deadline);
      } else {
        this.count -= entry.count;
        entry.fail(new CommandTimeoutError(entry.name, entry.timeoutMs, waitingFor));
      }
    }
    return next;
  }

  /**
   * Rejects everything: the connection closed for good, `because` says why. When the server
   * refused the handshake (a wrong password), that refusal is what every command gets.
   */
  rejectAll(cause: Error | undefined, because: string): void {
    for (let entry = this.shift(); entry !== undefined; entry = this.shift()) {
      if (cause instanceof ReplyError) {
        entry.fail(cause);
        continue;
      }
      const message = `${entry.name} was never sent: the connection closed (${because})`;
      entry.fail(new ConnectionClosedError(message, { cause }));
    }
  }
}
