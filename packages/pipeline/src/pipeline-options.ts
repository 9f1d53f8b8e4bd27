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
