import type { CommandChannel } from '@redspec/types/internal';
import type { ChannelBatches } from './channel-batches.js';
import type { CommandQueue } from './command-queue.js';
import { PipelineError } from './errors.js';
import { runCallbacks, type ExecuteCallback } from './execute-callbacks.js';
import { formatFailure } from './format-command.js';
import { sendChannelBatch, type BatchContext, type BatchOutcome } from './send-channel-batch.js';

/** Everything a root runs: its batches (nested pipelines' included) and its callbacks. */
export interface RootRun extends BatchContext {
  readonly batches: ChannelBatches;
  readonly callbacks: readonly ExecuteCallback[];
  /** The channel a watching root leased on; its batch is sent even when empty. */
  readonly watched?: CommandChannel | undefined;
}

/** The results of every channel, in order of first use, and what `execute()` throws. */
export interface RootOutcome {
  readonly results: unknown[];
  readonly failure?: { readonly error: unknown };
}

/**
 * Sends every channel's batch at once (one round trip each, in parallel), settles all the
 * futures, then runs the callbacks in order. The failure reported is the first failed batch's
 * error, else a `PipelineError` for failed commands (with `raiseOnError`), else the first
 * error a callback threw.
 */
export async function executeRoot(run: RootRun): Promise<RootOutcome> {
  if (run.watched !== undefined) run.batches.queueFor(run.watched);
  const sends: Promise<BatchOutcome>[] = [];
  for (const [channel, queue] of run.batches.entries()) {
    if (queue.length === 0 && channel !== run.watched) continue;
    const session = channel === run.watched ? run.session : undefined;
    const context = { transaction: run.transaction, options: run.options, session };
    sends.push(sendChannelBatch(channel, queue, context));
  }
  // The usual root has one channel and no callbacks: its batch is awaited alone (no
  // `Promise.all`), and nothing else is awaited. With the other per-pipeline cuts of this
  // change, a pipeline of one command went from 6.9 to 2.8 µs of CPU
  // (`OFFLINE_SIZE=1 pnpm --filter @redspec/bench run typed-layer:offline`).
  const outcomes = sends.length === 1 ? [await sends[0]!] : await Promise.all(sends);
  let failedBatches: Map<CommandChannel, unknown> | undefined;
  for (const { channel, abort } of outcomes) {
    if (abort) (failedBatches ??= new Map()).set(channel, abort.error);
  }
  const callbackFailure =
    run.callbacks.length === 0
      ? undefined
      : await runCallbacks(run.callbacks, failedBatches ?? new Map());
  const results = outcomes.length === 1 ? outcomes[0]!.results : outcomes.flatMap((o) => o.results);
  const abort = outcomes.find((outcome) => outcome.abort !== undefined)?.abort;
  if (abort !== undefined) return { results, failure: abort };
  if (run.options.raiseOnError && outcomes.some((outcome) => outcome.failed.length > 0)) {
    return { results, failure: { error: commandFailure(outcomes, results, run.transaction) } };
  }
  return { results, failure: callbackFailure };
}

/**
 * Checks, once the servers are known, commands queued before their first connection (whose
 * version checks could not run then). Rejects with the first problem; nothing is sent before.
 * Undefined when there is nothing to check, so the usual execute() sends in the same tick.
 */
export function verifyBatches(batches: ChannelBatches): Promise<void> | undefined {
  let unchecked: [CommandChannel, CommandQueue][] | undefined;
  for (const entry of batches.entries()) if (entry[1].unverified) (unchecked ??= []).push(entry);
  if (unchecked === undefined) return undefined;
  return (async () => {
    for (const [channel, queue] of unchecked) {
      const server = channel.server ?? (await channel.ready());
      for (const command of queue.commands) command.verify?.(server);
    }
  })();
}

/**
 * The `PipelineError` for failed commands: indexes count across every channel's results, in
 * the order `execute()` returns them.
 */
function commandFailure(
  outcomes: readonly BatchOutcome[],
  results: readonly unknown[],
  transaction: boolean,
): PipelineError {
  const kind = transaction ? 'transaction' : 'pipeline';
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
  const command = outcome.queue.commands[index]!;
  const message = formatFailure(first!.offset + index, command, kind, error);
  return new PipelineError(message, results, failedIndexes, command.name, error);
}
