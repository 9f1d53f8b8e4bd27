import type { CommandTransport, RedisArgument, RespValue } from '@redspec/types';
import type { CommandQueue } from './command-queue.js';
import type { ResolvedPipelineOptions } from './pipeline-options.js';
import { sendBatch } from './send-batch.js';
import { settleTransaction } from './transaction-replies.js';
import type { WatchSession } from './watch-session.js';

const MULTI: readonly RedisArgument[] = ['MULTI'];
const EXEC: readonly RedisArgument[] = ['EXEC'];

/** How one connection's batch ended; its futures are settled by then. */
export interface BatchOutcome {
  readonly transport: CommandTransport;
  readonly queue: CommandQueue;
  /** Every reply in order, errors in place. */
  readonly results: unknown[];
  /** Indexes into `results` of the failed commands. */
  readonly failed: readonly number[];
  /**
   * Why none of the batch can be trusted or none of it ran: the connection's error (lost,
   * timeout, failed lease or WATCH), a `WatchError`, or the `PipelineError` of an EXECABORT.
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
 * Sends one connection's commands in one round trip (inside MULTI/EXEC for a transaction) and
 * settles their futures. Never rejects: a failure is the outcome's `abort`.
 */
export async function sendConnectionBatch(
  transport: CommandTransport,
  queue: CommandQueue,
  { transaction, options, session }: BatchContext,
): Promise<BatchOutcome> {
  let replies: RespValue[];
  let sent = false;
  try {
    const channel = session === undefined ? transport : await session.channel();
    const commands = transaction ? [MULTI, ...queue.commands, EXEC] : queue.commands;
    sent = true;
    replies = await sendBatch(channel, commands, options.timeout, options.buffers);
  } catch (error) {
    // No reply can be trusted, and none is retried: a command may have run before the failure.
    const results = queue.failAll(error);
    await session?.end(!sent);
    return { transport, queue, results, failed: results.map((_, i) => i), abort: { error } };
  }
  try {
    if (!transaction) return { transport, queue, results: replies, failed: queue.settle(replies) };
    const outcome = settleTransaction(queue, replies, session?.keys ?? []);
    const abort = outcome.abort === undefined ? undefined : { error: outcome.abort };
    return { transport, queue, results: outcome.results, failed: outcome.failed, abort };
  } finally {
    // After settling, so the futures do not wait for the pool to take the connection back.
    await session?.end(false);
  }
}
