import type { CommandChannel } from '@redspec/types/internal';
import { CommandQueue } from './command-queue.js';

/**
 * A pipeline's commands, one queue per channel (client) in order of first use. Nested pipelines
 * hand theirs up with `absorb`, so a root ends up with one batch per channel, each sent in one
 * round trip.
 */
export class ChannelBatches {
  readonly #queues = new Map<CommandChannel, CommandQueue>();

  /** Commands queued on every channel. */
  get length(): number {
    let length = 0;
    for (const queue of this.#queues.values()) length += queue.length;
    return length;
  }

  /** The channels that hold commands, in order of first use. */
  get channels(): CommandChannel[] {
    return [...this.#queues.keys()];
  }

  entries(): IterableIterator<[CommandChannel, CommandQueue]> {
    return this.#queues.entries();
  }

  /** The queue for `channel`, created on first use. */
  queueFor(channel: CommandChannel): CommandQueue {
    let queue = this.#queues.get(channel);
    if (queue === undefined) this.#queues.set(channel, (queue = new CommandQueue()));
    return queue;
  }

  /**
   * Takes every command of `other` (which must not be used afterwards), after this one's own on
   * the same channel. A channel new to this pipeline takes the queue as is, uncopied.
   */
  absorb(other: ChannelBatches): void {
    for (const [channel, queue] of other.#queues) {
      const mine = this.#queues.get(channel);
      if (mine === undefined) this.#queues.set(channel, queue);
      else mine.append(queue);
    }
    other.#queues.clear();
  }

  /** Fails every queued future with `error` (nothing was or will be sent). */
  failAll(error: unknown): void {
    for (const queue of this.#queues.values()) queue.failAll(error);
  }
}
