import type { RedisArgument, RespValue } from './resp-values.js';

/** What the server told us about itself at connect time. */
export interface ServerInfo {
  readonly product: 'redis' | 'valkey';
  /** e.g. `7.0.15`. */
  readonly version: string;
  readonly protocol: 2 | 3;
}

/** How a batch's replies decode. */
export interface BatchOptions {
  /** Bulk strings as Buffers instead of UTF-8 strings. */
  readonly returnBuffers?: boolean;
}

/**
 * The one way the pipeline reaches a socket. Replies come back in order, errors in place (as
 * `ReplyError` values), so a batch needs one Promise, not one per command.
 */
export interface CommandChannel {
  readonly server: ServerInfo | undefined;
  /** Sends every command in one write; resolves with one decoded reply per command. */
  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs?: number,
    options?: BatchOptions,
  ): Promise<RespValue[]>;
}

/** A channel that can hand out a dedicated connection (for WATCH, or blocking commands). */
export interface CommandTransport extends CommandChannel {
  lease(): Promise<LeasedChannel>;
}

/** A dedicated connection; `release()` returns it to its pool (after UNWATCH if needed). */
export interface LeasedChannel extends CommandChannel {
  release(): Promise<void>;
}
