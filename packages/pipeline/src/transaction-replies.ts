import {
  nameReplyError,
  ReplyError,
  type BatchReplies,
  type RedisKey,
} from '@redspec/types/internal';
import type { CommandQueue } from './command-queue.js';
import { PipelineError, WatchError } from './errors.js';

/** What a transaction produced: results with errors in place, and why nothing ran, if so. */
export interface TransactionOutcome {
  readonly results: unknown[];
  readonly failed: number[];
  /**
   * A `WatchError`, a `PipelineError` for an aborted transaction (nothing ran), or the error that
   * kept EXEC's reply from arriving (it may or may not have run).
   */
  readonly abort?: unknown;
}

const ABORTED = ': the transaction was aborted (EXECABORT) and none of its commands ran';

/**
 * Reads a transaction's replies and settles the queue's futures.
 *
 * - EXEC replied with an array: each command ran; its reply or error settles its future.
 * - EXEC replied nil: a watched key changed; every future rejects with a `WatchError`.
 * - EXEC (or MULTI) replied with an error, usually EXECABORT because a command was refused
 *   when queued (unknown command, wrong arity, ACL): nothing ran. Refused commands reject with
 *   their own error, the rest with EXEC's, and the `abort` is a `PipelineError` naming the
 *   first refused command.
 * - EXEC's reply never came (the connection dropped): every future rejects with that error,
 *   which says the transaction may or may not have run.
 */
export function settleTransaction(
  queue: CommandQueue,
  { replies, exec }: BatchReplies,
  watched: readonly RedisKey[],
  bigints = false,
): TransactionOutcome {
  if (Array.isArray(exec)) return { results: exec, failed: queue.settle(exec, bigints) };
  if (exec === null) {
    const abort = new WatchError(watched);
    return { results: queue.failAll(abort), failed: [], abort };
  }
  const execError =
    exec instanceof Error ? exec : new Error(`Unexpected EXEC reply: ${String(exec)}`);
  const refused = (index: number): Error | undefined => {
    const reply = replies[index];
    return reply instanceof Error && !lostWith(reply, execError) ? reply : undefined;
  };
  const results = queue.failAll(execError, (index) => {
    const error = refused(index);
    return error === undefined ? undefined : nameReplyError(error, queue.commands[index]!);
  });
  const failed = results.map((_, index) => index);
  const first = failed.find((index) => refused(index) !== undefined);
  if (first !== undefined) {
    return {
      results,
      failed,
      abort: queue.failure(results, failed, 'transaction', ABORTED, first),
    };
  }
  if (!isReplyError(execError)) return { results, failed, abort: execError };
  const abort = new PipelineError(
    `transaction failed: ${execError.message}`,
    results,
    failed,
    'EXEC',
    execError,
  );
  return { results, failed, abort };
}

/** A queuing answer that is just the same lost connection as EXEC's is no refusal. */
const lostWith = (reply: Error, execError: Error): boolean =>
  reply === execError || (!isReplyError(reply) && !isReplyError(execError));

/** A server's error reply, as opposed to a connection failure. */
const isReplyError = (error: Error): boolean => error instanceof ReplyError;
