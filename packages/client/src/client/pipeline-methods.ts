import type {
  Future,
  FutureValues,
  NestedPipelineOptions,
  Pipeline,
  PipelineCallback,
  PipelineOptions,
  TransactionOptions,
} from '@redspec/pipeline';

/**
 * `pipeline()` and `transaction()` as clients and clusters offer them; the reply modes
 * (`withBuffers()`, `withBigInts()`) follow the object they are called on.
 */
export interface PipelineMethods<
  TString extends string | Buffer,
  TInteger extends number | bigint = number,
> {
  /**
   * A pipeline (or, with `transaction: true`, a MULTI/EXEC transaction): commands queue and
   * return futures; nothing is sent until `execute()` or the end of its scope. JavaScript does
   * not tell a disposer whether its scope threw, so call `pipe.discard()` to withhold the
   * commands of a failed scope. With `parent`, it is nested: closing it hands its commands to
   * the parent's root.
   * @example
   * await using pipe = client.pipeline({ transaction: true });
   * const count = pipe.incr('visits');
   * // after the scope: await count → number
   */
  pipeline(options?: NestedPipelineOptions<TString, TInteger>): Pipeline<TString, TInteger>;
  /**
   * Runs `fn` on a pipeline and resolves with the values of the futures it returns, as a tuple.
   * If `fn` throws, nothing is sent and the error propagates.
   * @example
   * const [ok, count] = await client.pipeline((p) => [p.set('a', '1'), p.incr('a')]);
   */
  pipeline<const TFutures extends readonly Future<unknown>[]>(
    fn: PipelineCallback<TString, TFutures, TInteger>,
    options?: PipelineOptions,
  ): Promise<FutureValues<TFutures>>;
  /**
   * Optimistic transaction: WATCHes `options.watch`, runs `fn` (reads through `pipe.immediate`,
   * writes queued on `pipe`), executes MULTI/EXEC, and re-runs `fn` on `WatchError` up to
   * `retries` times. `fn` may return futures (their values resolve as a tuple) or nothing.
   * Once EXEC committed, only a command's own error reply is reported as a failure.
   * @example
   * const [next] = await client.transaction(async (pipe) => {
   *   const current = Number(await pipe.immediate.get('seq'));
   *   return [pipe.set('seq', current + 1)];
   * }, { watch: ['seq'] });
   */
  transaction<const TFutures extends readonly Future<unknown>[]>(
    fn: PipelineCallback<TString, TFutures, TInteger>,
    options?: TransactionOptions,
  ): Promise<FutureValues<TFutures>>;
}
