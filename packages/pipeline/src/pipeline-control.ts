import type { PromiseContext, RedisCommands, RedisKey } from '@redspec/types';
import type { Future } from './future.js';

/** Options of `pipe.onExecute()`. */
export interface OnExecuteOptions {
  /**
   * Futures the callback sets. They are failed, so none waits forever, when the callback
   * cannot run (its batch failed, the pipeline was discarded or never sent), when it throws,
   * and when it returns without setting them.
   */
  settles?: readonly Future<unknown>[];
}

/** What a pipeline offers besides the command methods. */
export interface PipelineControl<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
> {
  /** Whether the commands will run inside MULTI/EXEC (the `transaction` option, or `watch()`). */
  readonly transaction: boolean;
  /** Number of queued commands, nested pipelines' included once they closed. */
  readonly length: number;
  /**
   * Every reply in order once the root ran, errors in place (with `raiseOnError: false`, or
   * after a failure); with several clients, each client's in turn, in order of first
   * use. Throws `ResultNotReadyError` before and on a nested pipeline (whose results are its
   * futures), `PipelineDiscardedError` if discarded, `PipelineNotExecutedError` if closed unrun.
   */
  readonly results: readonly unknown[];
  /**
   * Commands that run at once (returning Promises) on the connection `watch()` leased: read the
   * watched keys here, then queue the writes. Throws `PipelineStateError` before `watch()`.
   *
   * @example
   * await pipe.watch('balance');
   * const balance = Number(await pipe.immediate.get('balance'));
   * pipe.set('balance', balance - 10);
   * await pipe.execute(); // throws WatchError if 'balance' changed meanwhile
   */
  readonly immediate: RedisCommands<PromiseContext<TString, TInteger>>;
  /**
   * Leases a dedicated connection and sends `WATCH keys` on it at once; resolves when the server
   * confirmed. The pipeline then runs as a transaction on that connection, and `execute()`
   * throws `WatchError` if a watched key changed first. Call it on a root, before queuing any
   * command or opening nested pipelines. The connection goes back to its pool, unwatched,
   * however the pipeline ends; so end a watching pipeline, or the connection stays leased.
   *
   * @example
   * await pipe.watch('stock:42', 'cart:7');
   */
  watch(...keys: RedisKey[]): Promise<void>;
  /**
   * Runs `callback` after the root executed, once every future of the root is settled; the
   * returned future settles with its (awaited) return value, or rejects with what it threw.
   * Callbacks run one at a time, nested pipelines' before their parent's, then in the order
   * they were added; async ones are awaited before the root's `execute()` resolves, so they
   * may do I/O of their own (which cannot join this round trip). A callback does not run when
   * a batch holding its pipeline's commands (nested pipelines' included) failed as a whole; its
   * future then rejects with that error. A command error alone does not stop it: reading that
   * command's `.result` throws, which rejects the callback's future.
   *
   * @example
   * const counts = keys.map((key) => pipe.incr(key));
   * const total = pipe.onExecute(() => counts.reduce((sum, count) => sum + count.result, 0));
   */
  onExecute<TResult>(
    callback: () => TResult | PromiseLike<TResult>,
    options?: OnExecuteOptions,
  ): Future<TResult>;
  /**
   * Ends the pipeline's scope, synchronously (a `using` scope calls it). A nested pipeline hands
   * its commands and callbacks to its parent. A root starts executing (its futures settle
   * later; failures reach them, not the caller); with `autoexec: false` it sends nothing and
   * rejects its futures with `PipelineNotExecutedError`. Nested pipelines still open are dropped
   * the same way. Does nothing once closed, executed or discarded.
   *
   * @example
   * const pipe = pipeline(parent);
   * const counter = pipe.incr('visits');
   * pipe.close(); // INCR now belongs to `parent`, sent when its root runs
   */
  close(): void;
  /**
   * Sends every queued command, nested pipelines' included, in one round trip per client
   * (in parallel), settles their futures, then runs the `onExecute` callbacks; resolves with
   * the results. Throws the first failed batch's error (lost connection, `WatchError`,
   * EXECABORT), else `PipelineError` for a failed command (after settling every future) unless
   * `raiseOnError` is false, else the first error a callback threw. Never retries. Only a root
   * executes: on a nested pipeline it rejects with `PipelineStateError` (use `close()`).
   *
   * @example
   * const counter = pipe.incr('visits');
   * const [ok, visits] = await pipe.execute();
   */
  execute(): Promise<unknown[]>;
  /**
   * Drops the queued commands without sending anything: their futures and callbacks' futures
   * reject with `PipelineDiscardedError` (its `cause` is `reason`), nested pipelines still open
   * are dropped too, and a watched connection is released. On a nested pipeline it drops only
   * its own part. Does nothing once the pipeline closed, or `execute()` started.
   *
   * @example
   * await using pipe = client.pipeline();
   * try { queueEverything(pipe); } catch (error) { await pipe.discard(error); throw error; }
   */
  discard(reason?: unknown): Promise<void>;
  /** `close()`, for `using` scopes, which can be synchronous functions' (see `pipeline()`). */
  [Symbol.dispose](): void;
  /**
   * For `await using`: on a root, `execute()`, awaited (unless `autoexec: false`); otherwise
   * `close()`. A disposer cannot tell whether its scope threw, so a root executes even then:
   * call `discard()` on the error path (or use `client.pipeline(fn)`, which does) to send nothing.
   */
  [Symbol.asyncDispose](): Promise<void>;
}
