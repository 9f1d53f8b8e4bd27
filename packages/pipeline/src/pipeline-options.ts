import type { Pipeline } from './pipeline.js';
import { PipelineStateError } from './errors.js';

/** How a root pipeline runs its commands. */
export interface PipelineOptions {
  /**
   * Wrap the commands in MULTI/EXEC so they apply atomically. Default false. `watch()` turns
   * it on.
   */
  transaction?: boolean;
  /**
   * Throw a `PipelineError` from `execute()` when a command fails (after every future has
   * settled). With false, `execute()` resolves with errors in place; failed futures still
   * reject. Default true.
   */
  raiseOnError?: boolean;
  /** Milliseconds to wait for all replies; the client's `commandTimeout` when unset. */
  timeout?: number;
  /**
   * Whether closing a root (the end of its `using` or `await using` scope, or `close()`)
   * executes it. Default true. With false, a root runs only on `execute()`, and closing it
   * unexecuted sends nothing and rejects its futures with `PipelineNotExecutedError`. A nested
   * pipeline ignores it: its root runs it.
   */
  autoexec?: boolean;
}

/**
 * Options of a pipeline that may be nested: `client.pipeline({ parent })`, or
 * `pipeline(parent, options)`. A nested pipeline runs with its root's `transaction`,
 * `raiseOnError` and `timeout`, and refuses a `transaction: true` its root does not have.
 */
export interface NestedPipelineOptions<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
> extends PipelineOptions {
  /** Hand this pipeline's commands and callbacks to `parent` when it closes. */
  parent?: Pipeline<TString, TInteger> | undefined;
  /**
   * For `pipeline()`: the registered client (see `registerClient()`) this pipeline's commands
   * go to. Default: its parent's client, or the default one for a root.
   */
  client?: string;
}

/** Options with defaults applied, read on every call. */
export interface ResolvedPipelineOptions {
  readonly transaction: boolean;
  readonly raiseOnError: boolean;
  readonly timeout: number | undefined;
  readonly autoexec: boolean;
}

export function resolvePipelineOptions(
  options: PipelineOptions | undefined,
): ResolvedPipelineOptions {
  return {
    transaction: options?.transaction ?? false,
    raiseOnError: options?.raiseOnError ?? true,
    timeout: options?.timeout,
    autoexec: options?.autoexec ?? true,
  };
}

/**
 * Throws `PipelineStateError` when a nested pipeline asks for a transaction its root does not
 * run (its commands would silently run outside one).
 */
export function checkNestedOptions(
  options: PipelineOptions | undefined,
  root: { readonly transaction: boolean },
): void {
  if (options?.transaction === true && !root.transaction) {
    throw new PipelineStateError(
      'transaction: a nested pipeline runs in its root; open the root with { transaction: true }',
    );
  }
}
