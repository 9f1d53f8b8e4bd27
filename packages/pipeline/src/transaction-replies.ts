import type { RedisKey, RespValue } from '@redspec/types';
import type { CommandQueue } from './command-queue.js';
import { PipelineError, WatchError } from './errors.js';

/** What a transaction produced: results with errors in place, and why it ran nothing, if so. */
export interface TransactionOutcome {
  readonly results: unknown[];
  readonly failed: number[];
  /** `WatchError` or a `PipelineError` for an aborted transaction; thrown whatever `raiseOnError` says. */
  readonly abort?: Error;
}

const ABORTED = ': the transaction was aborted (EXECABORT) and none of its commands ran';

/**
 * Reads the replies to `MULTI, …commands, EXEC` and settles the queue's futures.
 *
 * - EXEC replied with an array: each command ran; its reply or error settles its future.
 * - EXEC replied nil: a watched key changed; every future rejects with a `WatchError`.
 * - EXEC (or MULTI) replied with an error, usually EXECABORT because a command was refused
 *   when queued (unknown command, wrong arity, ACL): nothing ran. Refused commands reject with
 *   their own error, the rest with EXEC's, and a `PipelineError` naming the first refused
 *   command is thrown, whatever `raiseOnError` says, since no result exists.
 */
export function settleTransaction(
  queue: CommandQueue,
  replies: RespValue[],
  watched: readonly RedisKey[],
): TransactionOutcome {
  const multi = replies[0];
  const exec = multi instanceof Error ? multi : replies[replies.length - 1];
  if (Array.isArray(exec)) return { results: exec, failed: queue.settle(exec) };
  if (exec === null || exec === undefined) {
    const error = new WatchError(watched);
    queue.failAll(error);
    throw error;
  }
  const abort = exec instanceof Error ? exec : new Error(`Unexpected EXEC reply: ${String(exec)}`);
  const refused = (index: number): Error | undefined => {
    const reply = replies[index + 1];
    return reply instanceof Error ? reply : undefined;
  };
  const results = queue.failAll(abort, refused);
  const all = results.map((_, index) => index);
  const first = all.find((index) => refused(index) !== undefined);
  if (first === undefined) {
    throw new PipelineError(`transaction failed: ${abort.message}`, results, all, 'EXEC', abort);
  }
  for (const index of all) if (refused(index) !== undefined) queue.tag(results[index] as Error, index);
  throw queue.failure(results, all, 'transaction', ABORTED, first);
}
