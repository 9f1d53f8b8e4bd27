import type { CommandTransport, PromiseContext, RedisCommands, RedisKey } from '@redspec/types';
import type { ExcludedCommand } from './command-guard.js';
import type { FutureContext } from './future-context.js';
import { PipelineImpl } from './pipeline-impl.js';
import {
  resolvePipelineOptions,
  type BulkString,
  type PipelineOptions,
} from './pipeline-options.js';

/** What a pipeline offers besides the command methods. */
export interface PipelineControl<TString extends string | Buffer = string> {
  /** Whether the commands will run inside MULTI/EXEC (the `transaction` option, or `watch()`). */
  readonly transaction: boolean;
  /** Number of queued commands. */
  readonly length: number;
  /**
   * Every reply in order once the pipeline ran, errors in place (with `raiseOnError: false`, or
   * after a failure). Throws `ResultNotReadyError` before, `PipelineDiscardedError` if discarded.
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
  readonly immediate: RedisCommands<PromiseContext<TString>>;
  /**
   * Leases a dedicated connection and sends `WATCH keys` on it at once; resolves when the server
   * confirmed. The pipeline then runs as a transaction on that connection, and `execute()`
   * throws `WatchError` if a watched key changed first. Call it before queuing any command.
   * The connection goes back to its pool, unwatched, however the pipeline ends; so end a
   * watching pipeline (execute, discard, or `await using`), or the connection stays leased.
   *
   * @example
   * await pipe.watch('stock:42', 'cart:7');
   */
  watch(...keys: RedisKey[]): Promise<void>;
  /**
   * Sends every queued command in one round trip and settles their futures; resolves with the
   * results in order. Throws `PipelineError` for a failed command (after settling every future)
   * unless `raiseOnError` is false; throws `WatchError` or the connection's error regardless.
   * Never retries: a command sent on a connection that drops may or may not have run.
   *
   * @example
   * const counter = pipe.incr('visits');
   * const [ok, visits] = await pipe.execute();
   */
  execute(): Promise<unknown[]>;
  /**
   * Drops the queued commands without sending anything: their futures reject with
   * `PipelineDiscardedError` (its `cause` is `reason`), and a watched connection is released.
   * Does nothing once `execute()` has started.
   *
   * @example
   * await using pipe = client.pipeline();
   * try { queueEverything(pipe); } catch (error) { await pipe.discard(error); throw error; }
   */
  discard(reason?: unknown): Promise<void>;
  /**
   * Runs `execute()` when an `await using` scope ends, unless the pipeline already ran or was
   * discarded. A disposer cannot tell whether its scope threw, so it executes even then: call
   * `discard()` on the error path (or use `runPipeline`, which does) to send nothing.
   */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Queues commands and sends them in one round trip: every command method returns a `Future`
 * of the same type the client's returns in a `Promise`. Arguments are checked at the call;
 * nothing is sent until `execute()`, the end of an `await using` scope, or `runPipeline`.
 * Blocking commands (BLPOP…) are allowed, and block the pipeline's connection until they reply.
 *
 * @example
 * await using pipe = client.pipeline({ transaction: true });
 * const ok = pipe.set('a', '1');
 * const a = pipe.incr('a'); // Future<number>
 * // the scope's end executes MULTI, SET, INCR, EXEC; afterwards:
 * console.log(await a, a.result);
 */
// Omit drops the commands a pipeline manages itself or cannot frame (see command-guard.ts); the
// generated `watch` and `discard` would otherwise clash with the pipeline's own.
export interface Pipeline<TString extends string | Buffer = string>
  extends Omit<RedisCommands<FutureContext<TString>>, ExcludedCommand>, PipelineControl<TString> {}

/**
 * Creates a pipeline over `transport` (the client calls this for `client.pipeline()`).
 *
 * @example
 * const pipe = createPipeline(transport, { transaction: true, timeout: 5_000 });
 */
export function createPipeline<TBuffers extends boolean = false>(
  transport: CommandTransport,
  options?: PipelineOptions<TBuffers>,
): Pipeline<BulkString<TBuffers>> {
  // The generated methods live on CommandSurface's prototype, out of the type checker's sight.
  return new PipelineImpl(transport, resolvePipelineOptions(options)) as unknown as Pipeline<
    BulkString<TBuffers>
  >;
}
