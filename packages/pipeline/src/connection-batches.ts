import type { CommandTransport } from '@redspec/types';
import { CommandQueue } from './command-queue.js';

/**
 * A pipeline's commands, one queue per connection in order of first use. Nested pipelines hand
 * theirs up with `absorb`, so a root ends up with one batch per connection, each sent in one
 * round trip.
 * @internal
 */
export class ConnectionBatches {
  readonly #queues = new Map<CommandTransport, CommandQueue>();

  /** Commands queued on every connection. */
  get length(): number {
    let length = 0;
    for (const queue of this.#queues.values()) length += queue.length;
    return length;
  }

  /** The connections that hold commands, in order of first use. */
  get transports(): CommandTransport[] {
    return [...this.#queues.keys()];
  }

  entries(): IterableIterator<[CommandTransport, CommandQueue]> {
    return this.#queues.entries();
  }

  /** The queue for `transport`, created on first use. */
  queueFor(transport: CommandTransport): CommandQueue {
    let queue = this.#queues.get(transport);
    if (queue === undefined) this.#queues.set(transport, (queue = new CommandQueue()));
    return queue;
  }

  /**
   * Takes every command of `other` (which must not be used afterwards), after this one's own on
   * the same connection. A connection new to this pipeline takes the queue as is, uncopied.
   */
  absorb(other: ConnectionBatches): void {
    for (const [transport, queue] of other.#queues) {
      const mine = this.#queues.get(transport);
      if (mine === undefined) this.#queues.set(transport, queue);
      else mine.append(queue);
    }
    other.#queues.clear();
  }

  /** Fails every queued future with `error` (nothing was or will be sent). */
  failAll(error: unknown): void {
    for (const queue of this.#queues.values()) queue.failAll(error);
  }
}
