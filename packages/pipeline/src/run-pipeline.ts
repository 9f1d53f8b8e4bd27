import type { ChannelOwner } from '@redspec/types/internal';
import { commandChannel } from '@redspec/types/internal';
import type { Future } from './future.js';
import { readValues } from './future-values.js';
import type { Pipeline } from './pipeline.js';
import { PipelineImpl } from './pipeline-impl.js';
import type { NestedPipelineOptions, PipelineOptions } from './pipeline-options.js';

/**
 * Queues commands on `pipe` and returns the futures whose values the caller wants, as a tuple
 * (or nothing, when only the side effects matter).
 */
export type PipelineCallback<
  TString extends string | Buffer,
  TFutures extends readonly Future<unknown>[],
  TInteger extends number | bigint = number,
> = (pipe: Pipeline<TString, TInteger>) => TFutures | void | PromiseLike<TFutures | void>;

/**
 * `client.pipeline(options)`: a root on the client, or (with `parent`) nested under another
 * pipeline, its commands still bound for this client.
 */
export function openPipeline<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
>(
  owner: ChannelOwner,
  options?: NestedPipelineOptions<TString, TInteger>,
): Pipeline<TString, TInteger> {
  const channel = owner[commandChannel];
  const impl =
    options?.parent === undefined
      ? PipelineImpl.root(channel, options)
      : PipelineImpl.nest(options.parent, channel, options);
  // The generated methods live on CommandSurface's prototype, out of the type checker's sight.
  return impl as unknown as Pipeline<TString, TInteger>;
}

/**
 * `client.pipeline(fn)`: runs `fn` on a new pipeline, executes it, and resolves with the values
 * of the futures `fn` returned, position by position. If `fn` throws (or its promise rejects),
 * nothing is sent, the pipeline's futures reject with `PipelineDiscardedError`, and the error
 * propagates.
 */
export async function runPipeline(
  owner: ChannelOwner,
  fn: PipelineCallback<string | Buffer, readonly Future<unknown>[]>,
  options?: PipelineOptions,
): Promise<unknown[]> {
  const pipe = openPipeline<string | Buffer>(owner, { ...options, autoexec: false });
  const futures = await prepare(pipe, fn);
  await pipe.execute();
  return readValues(futures);
}

/**
 * Calls `fn(pipe)`; if it fails, discards `pipe` (so nothing is sent and its futures reject)
 * and rethrows. A callback that returns nothing asked for no values.
 */
export async function prepare<
  TString extends string | Buffer,
  TFutures extends readonly Future<unknown>[],
  TInteger extends number | bigint,
>(
  pipe: Pipeline<TString, TInteger>,
  fn: PipelineCallback<TString, TFutures, TInteger>,
): Promise<readonly Future<unknown>[]> {
  try {
    return (await fn(pipe)) ?? [];
  } catch (error) {
    await pipe.discard(error);
    throw error;
  }
}
