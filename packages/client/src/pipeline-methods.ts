import {
  createPipeline,
  runPipeline,
  runTransaction,
  type Future,
  type FutureValues,
  type Pipeline,
  type PipelineCallback,
  type PipelineOptions,
  type TransactionOptions,
} from '@redspec/pipeline';
import type { CommandTransport } from '@redspec/types';

/** Pipeline options; the string mode follows the client's (`withBuffers()`). */
export type ClientPipelineOptions = Omit<PipelineOptions, 'buffers'>;
/** Options of `client.pipeline()`; `parent` nests it under another pipeline. */
export interface ClientNestedPipelineOptions<
  TString extends string | Buffer = string,
> extends ClientPipelineOptions {
  /** Hand this pipeline's commands (sent on this client) and callbacks to `parent` on close. */
  parent?: Pipeline<TString> | undefined;
}
/** Transaction options; the string mode follows the client's. */
export type ClientTransactionOptions = Omit<TransactionOptions, 'buffers'>;

/**
 * `pipeline()` and `transaction()` as the client and the cluster both offer them: the string
 * mode (`withBuffers()`) follows the object they are called on.
 */
export interface PipelineMethods<TString extends string | Buffer> {
  /**
   * A pipeline (or, with `transaction: true`, a MULTI/EXEC transaction): commands queue and
   * return futures; nothing is sent until `execute()` or the end of an `await using` scope.
   * JavaScript does not tell a disposer whether its scope threw, so call `pipe.discard()` to
   * withhold the commands of a failed scope.
   * @example
   * await using pipe = target.pipeline({ transaction: true });
   * const count = pipe.incr('visits');
   * // after the scope: await count → number
   * // With `parent`, it is nested: closing it hands its commands to `parent`'s root.
   * { using child = target.pipeline({ parent: pipe }); child.incr('visits'); }
   */
  pipeline(options?: ClientNestedPipelineOptions<TString>): Pipeline<TString>;
  /**
   * Runs `fn` on a pipeline and resolves with the values of the futures it returns, as a tuple.
   * If `fn` throws, nothing is sent and the error propagates.
   * @example
   * const [ok, count] = await target.pipeline((p) => [p.set('a', '1'), p.incr('a')]);
   */
  pipeline<const TFutures extends readonly Future<unknown>[]>(
    fn: PipelineCallback<TString, TFutures>,
    options?: ClientPipelineOptions,
  ): Promise<FutureValues<TFutures>>;
  /**
   * Optimistic transaction: WATCHes `options.watch`, runs `fn` (reads through `pipe.immediate`,
   * writes queued on `pipe`), executes MULTI/EXEC, and re-runs `fn` on WatchError up to
   * `retries` times.
   * @example
   * const [next] = await target.transaction(async (pipe) => {
   *   const current = Number(await pipe.immediate.get('seq'));
   *   return [pipe.set('seq', current + 1)];
   * }, { watch: ['seq'] });
   */
  transaction<const TFutures extends readonly Future<unknown>[]>(
    fn: PipelineCallback<TString, TFutures>,
    options?: ClientTransactionOptions,
  ): Promise<FutureValues<TFutures>>;
}

/** @internal The implementation's view of either pipeline() overload. */
export type AnyPipelineCallback = PipelineCallback<string | Buffer, readonly Future<unknown>[]>;
/** @internal */
export type PipelineRequest =
  AnyPipelineCallback | ClientNestedPipelineOptions<string | Buffer> | undefined;

/** @internal Both `pipeline()` overloads over one transport. */
export function openPipeline(
  transport: CommandTransport,
  buffers: boolean,
  fnOrOptions: PipelineRequest,
  maybeOptions?: ClientPipelineOptions,
): unknown {
  if (typeof fnOrOptions === 'function')
    return runPipeline(transport, fnOrOptions, { ...maybeOptions, buffers });
  return createPipeline(transport, { ...fnOrOptions, buffers });
}

/** @internal `transaction()` over one transport. */
export function openTransaction(
  transport: CommandTransport,
  buffers: boolean,
  fn: AnyPipelineCallback,
  options?: ClientTransactionOptions,
): Promise<unknown> {
  return runTransaction(transport, fn, { ...options, buffers });
}
