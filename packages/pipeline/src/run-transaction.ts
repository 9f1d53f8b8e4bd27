import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandTransport, RedisKey } from '@redspec/types';
import { WatchError } from './errors.js';
import type { Future } from './future.js';
import { readValues, type FutureValues } from './future-values.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import type { BulkString, PipelineOptions } from './pipeline-options.js';
import { prepare, type PipelineCallback } from './run-pipeline.js';

/** How `runTransaction` watches and retries. */
export interface TransactionOptions<TBuffers extends boolean = boolean> extends Omit<
  PipelineOptions<TBuffers>,
  'transaction'
> {
  /** Keys to WATCH before each attempt; `fn` reads them through `pipe.immediate`. */
  watch?: readonly RedisKey[];
  /** Further attempts after a `WatchError`. Default 10. */
  retries?: number;
  /** Milliseconds to wait before retry `attempt` (1, 2, …). Default: random, up to 2^attempt ms, at most 100. */
  backoff?: number | ((attempt: number) => number);
}

// Jitter spreads out competing writers; without it they collide again on the next attempt.
const jitter = (attempt: number): number => Math.random() * Math.min(100, 2 ** attempt);

/**
 * Optimistic transaction: watches `options.watch`, runs `fn` (which may read through
 * `pipe.immediate` and queues the writes), executes MULTI/EXEC, and when a watched key changed
 * meanwhile (`WatchError`) runs `fn` again on a fresh pipeline, up to `retries` times, then
 * throws the `WatchError`. If `fn` throws, nothing is sent and nothing is retried.
 *
 * @example
 * // A client-side INCR: atomic however many callers race on the key.
 * const [ok] = await runTransaction(transport, async (pipe) => {
 *   const current = Number(await pipe.immediate.get('counter'));
 *   return [pipe.set('counter', current + 1)];
 * }, { watch: ['counter'] });
 */
export async function runTransaction<
  const TFutures extends readonly Future<unknown>[],
  TBuffers extends boolean = false,
>(
  transport: CommandTransport,
  fn: PipelineCallback<BulkString<TBuffers>, TFutures>,
  options: TransactionOptions<TBuffers> = {},
): Promise<FutureValues<TFutures>> {
  const { watch = [], retries = 10, backoff = jitter, ...pipelineOptions } = options;
  for (let attempt = 1; ; attempt++) {
    const pipe = createPipeline(transport, { ...pipelineOptions, transaction: true });
    const futures = await prepare(pipe, async (p: Pipeline<BulkString<TBuffers>>) => {
      if (watch.length > 0) await p.watch(...watch);
      return fn(p);
    });
    try {
      await pipe.execute();
      return await readValues(futures);
    } catch (error) {
      if (!(error instanceof WatchError) || attempt > retries) throw error;
    }
    const delay = typeof backoff === 'number' ? backoff : backoff(attempt);
    if (delay > 0) await sleep(delay);
  }
}
