import type { CommandTransport, RedisCommands } from '@redspec/types';
import type { ExcludedCommand } from './command-guard.js';
import { DEFAULT_CONNECTION, resolveConnection } from './connection-registry.js';
import type { FutureContext } from './future-context.js';
import type { PipelineControl } from './pipeline-control.js';
import { PipelineImpl } from './pipeline-impl.js';
import {
  resolvePipelineOptions,
  type BulkString,
  type CreatePipelineOptions,
  type NestedPipelineOptions,
} from './pipeline-options.js';

/**
 * Queues commands and sends them in one round trip: every command method returns a `Future`
 * of the same type the client's returns in a `Promise`. Arguments are checked at the call;
 * nothing is sent until `execute()`, the end of an `await using` scope, or `runPipeline`; a
 * nested pipeline's commands, when its root runs.
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
 * Creates a pipeline over `transport` (the client calls this for `client.pipeline()`). With
 * `parent`, it is nested: its commands still go to `transport`, but run when the root does.
 *
 * @example
 * const pipe = createPipeline(transport, { transaction: true, timeout: 5_000 });
 */
export function createPipeline<TBuffers extends boolean = false>(
  transport: CommandTransport,
  options?: CreatePipelineOptions<TBuffers>,
): Pipeline<BulkString<TBuffers>> {
  const parent = options?.parent;
  const impl =
    parent === undefined
      ? new PipelineImpl(transport, resolvePipelineOptions(options), options?.autoexec ?? true)
      : PipelineImpl.nest(parent, transport, options);
  // The generated methods live on CommandSurface's prototype, out of the type checker's sight.
  return impl as unknown as Pipeline<BulkString<TBuffers>>;
}

/**
 * Opens a pipeline, nested under `parent` or a root, as redpipe does. A nested one hands its
 * commands and callbacks up to its parent when it closes (`using`, `await using`, `close()`),
 * so helpers compose into one round trip per connection; only the root sends, when it executes
 * (`execute()`, or closing it with `autoexec`). A root without `connection` uses the default
 * one (`connect(client)`); a nested one its parent's, unless it names another.
 * `using` suits synchronous helpers: closing is synchronous, and an autoexec root's futures
 * settle once the round trip is done.
 *
 * @example
 * // Alone, one round trip of its own; given a parent, it joins the parent's.
 * function incrSum(keys: string[], parent?: Pipeline): Future<number> {
 *   using pipe = pipeline(parent, { autoexec: true });
 *   const counts = keys.map((key) => pipe.incr(key));
 *   return pipe.onExecute(() => counts.reduce((sum, count) => sum + count.result, 0));
 * }
 * const total = await incrSum(['a', 'b']);
 */
// The string type follows the parent, or `buffers` for a root: TString is inferred from the
// parent when there is one, and otherwise falls back to its default, BulkString<TBuffers>.
export function pipeline<
  TBuffers extends boolean = false,
  TString extends string | Buffer = BulkString<TBuffers>,
>(
  parent?: Pipeline<TString> | undefined,
  options?: NestedPipelineOptions<TBuffers>,
): Pipeline<TString> {
  const name = options?.connection;
  // A named connection is looked up now, so a missing one fails at the line that names it.
  const transport = name === undefined ? undefined : resolveConnection(name);
  const impl =
    parent === undefined
      ? new PipelineImpl(
          transport ?? DEFAULT_CONNECTION,
          resolvePipelineOptions(options),
          options?.autoexec ?? false,
        )
      : PipelineImpl.nest(parent, transport, options);
  return impl as unknown as Pipeline<TString>;
}
