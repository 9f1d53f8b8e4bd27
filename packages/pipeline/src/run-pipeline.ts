import type { CommandTransport } from '@redspec/types';
import type { Future } from './future.js';
import { readValues, type FutureValues } from './future-values.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import type { BulkString, PipelineOptions } from './pipeline-options.js';

/** Queues commands on `pipe` and returns the futures whose values the caller wants. */
export type PipelineCallback<
  TString extends string | Buffer,
  TFutures extends readonly Future<unknown>[],
> = (pipe: Pipeline<TString>) => TFutures | PromiseLike<TFutures>;

/**
 * Runs `fn` on a new pipeline, executes it, and resolves with the values of the futures `fn`
 * returned, typed position by position. If `fn` throws (or its promise rejects), nothing is
 * sent, the pipeline's futures reject with `PipelineDiscardedError`, and the error propagates.
 * A failed command rejects with `PipelineError` (with `raiseOnError: false`, with its own error
 * when its future is among those returned).
 *
 * @example
 * const [ok, count] = await runPipeline(transport, (p) => [p.set('a', '1'), p.incr('a')]);
 * // ok: 'OK' | null, count: number
 */
export async function runPipeline<
  const TFutures extends readonly Future<unknown>[],
  TBuffers extends boolean = false,
>(
  transport: CommandTransport,
  fn: PipelineCallback<BulkString<TBuffers>, TFutures>,
  options?: PipelineOptions<TBuffers>,
): Promise<FutureValues<TFutures>> {
  const pipe = createPipeline(transport, options);
  const futures = await prepare(pipe, fn);
  await pipe.execute();
  return readValues(futures);
}

/**
 * Calls `fn(pipe)`; if it fails, discards `pipe` (so nothing is sent and its futures reject)
 * and rethrows.
 * @internal
 */
export async function prepare<
  TString extends string | Buffer,
  TFutures extends readonly Future<unknown>[],
>(pipe: Pipeline<TString>, fn: PipelineCallback<TString, TFutures>): Promise<TFutures> {
  try {
    return await fn(pipe);
  } catch (error) {
    await pipe.discard(error);
    throw error;
  }
}
