import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelOwner, RedisKey } from '@redspec/types/internal';
import { WatchError } from './errors.js';
import type { Future } from './future.js';
import { readValues } from './future-values.js';
import type { PipelineOptions } from './pipeline-options.js';
import { openPipeline, prepare, type PipelineCallback } from './run-pipeline.js';

/** How `client.transaction()` watches and retries. */
export interface TransactionOptions extends Omit<PipelineOptions, 'transaction' | 'autoexec'> {
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
 * `client.transaction(fn)`: optimistic transaction. Watches `options.watch`, runs `fn` (which
 * may read through `pipe.immediate` and queues the writes), executes MULTI/EXEC, and when a
 * watched key changed meanwhile (`WatchError`) runs `fn` again on a fresh pipeline, up to
 * `retries` times, then throws the `WatchError`. If `fn` throws, nothing is sent and nothing
 * is retried. Once EXEC committed, nothing but a command's own error reply is reported.
 */
export async function runTransaction(
  owner: ChannelOwner,
  fn: PipelineCallback<string | Buffer, readonly Future<unknown>[]>,
  options: TransactionOptions = {},
): Promise<unknown[]> {
  const { watch = [], retries = 10, backoff = jitter, ...pipelineOptions } = options;
  for (let attempt = 1; ; attempt++) {
    const pipe = openPipeline<string | Buffer>(owner, {
      ...pipelineOptions,
      transaction: true,
      autoexec: false,
    });
    const futures = await prepare(pipe, async (p) => {
      if (watch.length > 0) await p.watch(...watch);
      return fn(p);
    });
    try {
      await pipe.execute();
    } catch (error) {
      if (!(error instanceof WatchError) || attempt > retries) throw error;
      const delay = typeof backoff === 'number' ? backoff : backoff(attempt);
      if (delay > 0) await sleep(delay);
      continue;
    }
    return readValues(futures);
  }
}
