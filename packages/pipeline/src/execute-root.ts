import type { CommandTransport } from '@redspec/types';
import type { ConnectionBatches } from './connection-batches.js';
import { PipelineError } from './errors.js';
import { runCallbacks, type ExecuteCallback } from './execute-callbacks.js';
import { formatFailure } from './format-command.js';
import {
  sendConnectionBatch,
  type BatchContext,
  type BatchOutcome,
} from './send-connection-batch.js';

/** Everything a root runs: its batches (nested pipelines' included) and its callbacks. */
export interface RootRun extends BatchContext {
  readonly batches: ConnectionBatches;
  readonly callbacks: readonly ExecuteCallback[];
  /** The connection a watching root leased; its batch is sent even when empty. */
  readonly watched?: CommandTransport | undefined;
}

/** The results of every connection, in order of first use, and what `execute()` throws. */
export interface RootOutcome {
  readonly results: unknown[];
  readonly failure?: { readonly error: unknown };
}

/**
 * Sends every connection's batch at once (one round trip each, in parallel), settles all the
 * futures, then runs the callbacks in order. The failure reported is the first failed batch's
 * error, else a `PipelineError` for failed commands (with `raiseOnError`), else the first
 * error a callback threw.
 */
export async function executeRoot(run: RootRun): Promise<RootOutcome> {
  if (run.watched !== undefined) run.batches.queueFor(run.watched);
  const context = { transaction: run.transaction, options: run.options };
  const sends: Promise<BatchOutcome>[] = [];
  for (const [transport, queue] of run.batches.entries()) {
    if (queue.length === 0 && transport !== run.watched) continue;
    const session = transport === run.watched ? run.session : undefined;
    sends.push(sendConnectionBatch(transport, queue, { ...context, session }));
  }
  const outcomes = await Promise.all(sends);
  const failedBatches = new Map<CommandTransport, unknown>();
  for (const { transport, abort } of outcomes) if (abort) failedBatches.set(transport, abort.error);
  const callbackFailure = await runCallbacks(run.callbacks, failedBatches);
  const results = outcomes.length === 1 ? outcomes[0]!.results : outcomes.flatMap((o) => o.results);
  const abort = outcomes.find((outcome) => outcome.abort !== undefined)?.abort;
  if (abort !== undefined) return { results, failure: abort };
  if (run.options.raiseOnError && outcomes.some((outcome) => outcome.failed.length > 0)) {
    return { results, failure: { error: commandFailure(outcomes, results, run.transaction) } };
  }
  return { results, failure: callbackFailure };
}

/**
 * The `PipelineError` for failed commands: indexes count across every connection's results,
 * in the order `execute()` returns them.
 */
function commandFailure(
  outcomes: readonly BatchOutcome[],
  results: readonly unknown[],
  transaction: boolean,
): PipelineError {
  const kind = transaction ? 'transaction' : 'pipeline';
  if (outcomes.length === 1) {
    const { queue, failed } = outcomes[0]!;
    return queue.failure(results, failed, kind);
  }
  const failedIndexes: number[] = [];
  let offset = 0;
  let first: { outcome: BatchOutcome; index: number; offset: number } | undefined;
  for (const outcome of outcomes) {
    for (const index of outcome.failed) {
      failedIndexes.push(offset + index);
      first ??= { outcome, index, offset };
    }
    offset += outcome.results.length;
  }
  const { outcome, index } = first!;
  const error = outcome.results[index] as Error;
  const spec = outcome.queue.specs[index]!;
  const command = outcome.queue.commands[index]!;
  const message = formatFailure(first!.offset + index, command, spec.words.length, kind, error);
  return new PipelineError(message, results, failedIndexes, spec.name, error);
}
