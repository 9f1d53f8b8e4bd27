import type { RedisKey, RespValue } from '@redspec/types';
import type { CommandQueue } from './command-queue.js';
import { PipelineError, WatchError } from './errors.js';

/** What a transaction produced: results with errors in place, and why nothing ran, if so. */
export interface TransactionOutcome {
  readonly results: unknown[];
  readonly failed: number[];
  /** A `WatchError`, or a `PipelineError` for an aborted transaction: no result exists. */
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
 *   their own error, the rest with EXEC's, and the `abort` is a `PipelineError` naming the first
 *   refused command.
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
    const abort = new WatchError(watched);
    return { results: queue.failAll(abort), failed: [], abort };
  }
  const execError =
    exec instanceof Error ? exec : new Error(`Unexpected EXEC reply: ${String(exec)}`);
  const refused = (index: number): Error | undefined => {
    const reply = replies[index + 1];
    return reply instanceof Error ? reply : undefined;
  };
  const results = queue.failAll(execError, refused);
  const failed = results.map((_, index) => index);
  const first = failed.find((index) => refused(index) !== undefined);
  if (first === undefined) {
    const abort = new PipelineError(
      `transaction failed: ${execError.message}`,
      results,
      failed,
      'EXEC',
      execError,
    );
    return { results, failed, abort };
  }
  for (const index of failed)
    if (refused(index) !== undefined) queue.tag(results[index] as Error, index);
  return { results, failed, abort: queue.failure(results, failed, 'transaction', ABORTED, first) };
}
