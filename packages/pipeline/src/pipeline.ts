import type { SharedConnectionCommands } from '@redspec/types';
import { DEFAULT_CLIENT, resolveChannel } from './client-registry.js';
import type { FutureContext } from './future-context.js';
import type { PipelineControl } from './pipeline-control.js';
import { PipelineImpl } from './pipeline-impl.js';
import type { NestedPipelineOptions } from './pipeline-options.js';

/**
 * Queues commands and sends them in one round trip: every command method returns a `Future`
 * of the same type the client's returns in a `Promise`. Arguments are checked at the call;
 * nothing is sent until `execute()` or the end of its scope; a nested pipeline's commands,
 * when its root runs. Blocking commands (BLPOP…) are allowed, and block the pipeline's
 * connection until they reply.
 *
 * @example
 * await using pipe = client.pipeline({ transaction: true });
 * const ok = pipe.set('a', '1');
 * const a = pipe.incr('a'); // Future<number>
 * // the scope's end executes MULTI, SET, INCR, EXEC; afterwards:
 * console.log(await a, a.result);
 */
// Shared-connection commands only: those a pipeline manages itself or cannot frame are refused
// (see command-guard.ts), and the generated `watch` and `discard` would clash with its own.
export interface Pipeline<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
>
  extends
    SharedConnectionCommands<FutureContext<TString, TInteger>>,
    PipelineControl<TString, TInteger> {}

/**
 * Opens a pipeline on a registered client (see `registerClient()`), nested under `parent` or a
 * root, as redpipe does. A nested one hands its commands and callbacks up to its parent when
 * it closes (`using`, `await using`, `close()`), so helpers compose into one round trip per
 * client; only the root sends, when it executes (`execute()`, or the end of its scope unless
 * `autoexec: false`). A root without `client` uses the default one; a nested one its parent's,
 * unless it names another. `using` suits synchronous helpers: closing is synchronous, and a
 * root's futures settle once the round trip is done.
 *
 * @example
 * // Alone, one round trip of its own; given a parent, it joins the parent's.
 * function incrSum(keys: string[], parent?: Pipeline): Future<number> {
 *   using pipe = pipeline(parent);
 *   const counts = keys.map((key) => pipe.incr(key));
 *   return pipe.onExecute(() => counts.reduce((sum, count) => sum + count.result, 0));
 * }
 * const total = await incrSum(['a', 'b']);
 */
// TString follows the parent when there is one; a root's is what the caller names (default
// string), since the registry cannot tell the type checker which client a name stands for.
export function pipeline<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
>(
  parent?: Pipeline<TString, TInteger> | undefined,
  options?: NestedPipelineOptions<TString, TInteger>,
): Pipeline<TString, TInteger> {
  if (options?.parent !== undefined && options.parent !== parent) {
    throw new TypeError('pipeline(parent, options): options.parent differs from parent');
  }
  const impl =
    parent === undefined
      ? // A named client is looked up now, so a missing one fails at the line that names it;
        // the default one when the root is first used, so it may be registered after.
        PipelineImpl.root(
          options?.client === undefined ? DEFAULT_CLIENT : resolveChannel(options.client),
          options,
        )
      : PipelineImpl.nest(parent, options?.client, options);
  // The generated methods live on CommandSurface's prototype, out of the type checker's sight.
  return impl as unknown as Pipeline<TString, TInteger>;
}
