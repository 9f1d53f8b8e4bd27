import { RedspecError, type RedisKey } from '@redspec/types';

/** A future's `.result` (or a pipeline's `results`) was read before the pipeline ran. */
export class ResultNotReadyError extends RedspecError {
  override name = 'ResultNotReadyError';
  constructor(message = 'The result is not ready: the pipeline has not been executed yet') {
    super(message);
  }
}

/**
 * A command of a pipeline or transaction failed (with `raiseOnError`), or a transaction was
 * aborted because a command was refused when queued (EXECABORT). Thrown once every future has
 * settled; `results` holds every reply in order with errors in place, `failedIndexes` the
 * positions of the errors, and `cause` the first error.
 */
export class PipelineError extends RedspecError {
  override name = 'PipelineError';
  constructor(
    message: string,
    /** Every reply in order; failed commands hold their error. */
    readonly results: readonly unknown[],
    /** Indexes into `results` of the failed commands, ascending. */
    readonly failedIndexes: readonly number[],
    /** Name of the first failed command, such as `LPUSH`. */
    readonly command: string,
    cause: Error,
  ) {
    super(message, { cause });
  }
}

/**
 * A watched key changed between `WATCH` and `EXEC`, so the server ran none of the
 * transaction's commands (EXEC replied nil). Retrying the whole read-modify-write is safe;
 * `runTransaction` does it for you.
 */
export class WatchError extends RedspecError {
  override name = 'WatchError';
  constructor(
    /** The keys that were watched. */
    readonly keys: readonly RedisKey[],
  ) {
    super(
      `Transaction aborted: a watched key changed before EXEC (watched: ${keys.map(String).join(', ')})`,
    );
  }
}

/** The pipeline was discarded (or its callback failed) before it ran; none of it was sent. */
export class PipelineDiscardedError extends RedspecError {
  override name = 'PipelineDiscardedError';
  constructor(cause?: unknown) {
    super(
      cause === undefined
        ? 'The pipeline was discarded before it was executed'
        : `The pipeline was discarded before it was executed: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause === undefined ? undefined : { cause },
    );
  }
}

/**
 * A command that cannot be queued here: one the pipeline manages itself (MULTI, EXEC, WATCH…),
 * one that changes the state of the connection (SUBSCRIBE, SELECT, CLIENT REPLY…), or a
 * `NO_MULTI` command inside a transaction. Thrown at the call, before anything is sent.
 */
export class CommandNotAllowedError extends RedspecError {
  override name = 'CommandNotAllowedError';
  constructor(
    readonly command: string,
    reason: string,
  ) {
    super(`${command} cannot be queued ${reason}`);
  }
}

/** A pipeline (or future) was used in a state that does not allow it: run twice, watch late… */
export class PipelineStateError extends RedspecError {
  override name = 'PipelineStateError';
}

/**
 * Commands that were never sent, so their futures (and the futures of their `onExecute`
 * callbacks) reject with this: a root pipeline closed without executing (no `autoexec`, no
 * `execute()`), or a nested pipeline was still open when its parent closed or its root ran.
 * `unsent` counts the commands that were dropped.
 */
export class PipelineNotExecutedError extends RedspecError {
  override name = 'PipelineNotExecutedError';
  constructor(
    /** How many commands were never sent. */
    readonly unsent: number,
    /** `root`: the root closed without executing; `nested`: a nested pipeline was left open. */
    readonly reason: 'root' | 'nested',
  ) {
    super(
      reason === 'root'
        ? `The pipeline closed without executing: ${unsent} command(s) were never sent ` +
            '(call execute() before its scope ends, or open it with { autoexec: true })'
        : `A nested pipeline was still open when its parent closed or ran: ${unsent} command(s) ` +
            'were never sent (close it first: a `using` scope, or close())',
    );
  }
}

/**
 * `registerClient()` was asked to bind a name to a second client, or a pipeline named a client
 * that nobody registered. Thrown at the call.
 */
export class ClientRegistryError extends RedspecError {
  override name = 'ClientRegistryError';
  constructor(
    message: string,
    /** The registered name (`'default'` for the unnamed one). */
    readonly client: string,
  ) {
    super(message);
  }
}
