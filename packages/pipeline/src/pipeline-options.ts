import { PipelineStateError } from './errors.js';
import type { Pipeline } from './pipeline.js';

/** How a pipeline runs its commands. */
export interface PipelineOptions<TBuffers extends boolean = boolean> {
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
  /** Milliseconds to wait for all replies; the connection's command timeout when unset. */
  timeout?: number;
  /** Decode bulk string replies as Buffers (the client's binary mode). Default false. */
  buffers?: TBuffers;
}

/**
 * Options of `pipeline(parent, options)`. `transaction`, `raiseOnError`, `timeout` and
 * `buffers` belong to the root: a nested pipeline runs with its root's, and refuses a
 * `transaction: true` or a `buffers` its root does not have.
 */
export interface NestedPipelineOptions<
  TBuffers extends boolean = boolean,
> extends PipelineOptions<TBuffers> {
  /**
   * Whether closing a root (the end of its `using` or `await using` scope, or `close()`)
   * executes it. Without it a root runs only on `execute()`, and closing it unexecuted rejects
   * its futures with `PipelineNotExecutedError`. A nested pipeline ignores it: its root runs it.
   * Default false for `pipeline()`, as in redpipe; `createPipeline()` and `client.pipeline()`
   * default to true, since their `await using` scopes always executed.
   */
  autoexec?: boolean;
  /**
   * The registered connection (see `connect()`) this pipeline's commands go to. Default: its
   * parent's connection, or the default one for a root.
   */
  connection?: string;
}

/** Options of `createPipeline(transport, options)`: a root of its own, or nested under `parent`. */
export interface CreatePipelineOptions<
  TBuffers extends boolean = boolean,
> extends PipelineOptions<TBuffers> {
  /**
   * Hand this pipeline's commands (bound to the transport) and callbacks to `parent` when it
   * closes; only the root executes. Default: none, this pipeline is a root.
   */
  parent?: Pipeline<BulkString<TBuffers>> | undefined;
  /** Whether closing this root executes it (see `NestedPipelineOptions`). Default true. */
  autoexec?: boolean;
}

/** What bulk strings decode to under `buffers`: `boolean` (unknown) yields `string | Buffer`. */
export type BulkString<TBuffers extends boolean> = TBuffers extends true ? Buffer : string;

/** Options with defaults applied, read on every call. */
export interface ResolvedPipelineOptions {
  readonly transaction: boolean;
  readonly raiseOnError: boolean;
  readonly timeout: number | undefined;
  readonly buffers: boolean;
}

export function resolvePipelineOptions(
  options: PipelineOptions | undefined,
): ResolvedPipelineOptions {
  return {
    transaction: options?.transaction ?? false,
    raiseOnError: options?.raiseOnError ?? true,
    timeout: options?.timeout,
    buffers: options?.buffers ?? false,
  };
}

/**
 * Throws `PipelineStateError` when a nested pipeline asks for what its root does not do: a
 * transaction (its commands would silently run outside one) or another string decoding.
 */
export function checkNestedOptions(
  options: PipelineOptions | undefined,
  root: { readonly transaction: boolean; readonly buffers: boolean },
): void {
  if (options?.transaction === true && !root.transaction) {
    throw new PipelineStateError(
      'transaction: a nested pipeline runs in its root; open the root with { transaction: true }',
    );
  }
  if (options?.buffers !== undefined && options.buffers !== root.buffers) {
    throw new PipelineStateError(
      `buffers: a nested pipeline decodes as its root does (buffers: ${String(root.buffers)})`,
    );
  }
}
