import type { BatchReplies, CommandChannel } from '@redspec/types/internal';
import type { CommandQueue } from './command-queue.js';
import type { ResolvedPipelineOptions } from './pipeline-options.js';
import { settleTransaction } from './transaction-replies.js';
import type { WatchSession } from './watch-session.js';

/** How one channel's batch ended; its futures are settled by then. */
export interface BatchOutcome {
  readonly channel: CommandChannel;
  readonly queue: CommandQueue;
  /** Every reply in order, errors in place. */
  readonly results: unknown[];
  /** Indexes into `results` of the failed commands. */
  readonly failed: readonly number[];
  /**
   * Why the batch did not run as a whole: the channel's error (could not connect, failed lease
   * or WATCH), a connection lost before every reply came (the commands that got theirs keep
   * them), a `WatchError`, a transaction's lost EXEC, or the `PipelineError` of an EXECABORT.
   */
  readonly abort?: { readonly error: unknown };
}

/** What sending a batch needs besides its commands. */
export interface BatchContext {
  readonly transaction: boolean;
  readonly options: ResolvedPipelineOptions;
  /** The WATCH session of a watching root: its batch goes over the leased connection. */
  readonly session?: WatchSession | undefined;
}

/**
 * Sends one channel's commands in one round trip (as a transaction when asked) and settles
 * their futures. Never rejects: a failure is the outcome's `abort`. A command whose reply never
 * came fails alone, with an error saying it may or may not have run; those that got theirs keep
 * them, so nobody retries what already happened.
 */
export async function sendChannelBatch(
  channel: CommandChannel,
  queue: CommandQueue,
  { transaction, options, session }: BatchContext,
): Promise<BatchOutcome> {
  let replies: BatchReplies;
  let sent = false;
  const bigints = channel.bigints === true;
  try {
    const target = session === undefined ? channel : await session.channel();
    sent = true;
    replies = await target.sendBatch({
      commands: queue.commands,
      transaction,
      timeoutMs: options.timeout,
    });
  } catch (error) {
    // Nothing came back; none of it is retried: a command may have run before the failure.
    const results = queue.failAll(error);
    await session?.end(!sent);
    return { channel, queue, results, failed: results.map((_, i) => i), abort: { error } };
  }
  try {
    if (!transaction) {
      const results = replies.replies as unknown[];
      const failed = queue.settle(replies.replies, bigints);
      const interrupted = replies.interrupted;
      const abort = interrupted === undefined ? undefined : { error: interrupted };
      return { channel, queue, results, failed, abort };
    }
    const outcome = settleTransaction(queue, replies, session?.keys ?? [], bigints);
    const abort = outcome.abort === undefined ? undefined : { error: outcome.abort };
    return { channel, queue, results: outcome.results, failed: outcome.failed, abort };
  } finally {
    // After settling, so the futures do not wait for the pool to take the connection back.
    // EXEC clears watches when it was answered; otherwise the connection is dropped anyway.
    // Awaited only when there is a session: `await undefined` would still cost a microtask.
    if (session !== undefined) await session.end(false);
  }
}
