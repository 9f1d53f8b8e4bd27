import type { PreparedCommand } from './prepared-command.js';
import type { RespValue } from './resp-values.js';

/** What the server told us about itself at connect time. */
export interface ServerInfo {
  readonly product: 'redis' | 'valkey';
  /** e.g. `7.0.15`. */
  readonly version: string;
  readonly protocol: 2 | 3;
}

/** Commands sent together: one round trip, inside MULTI/EXEC when `transaction` is set. */
export interface CommandBatch {
  readonly commands: readonly PreparedCommand[];
  /** Frame the commands in MULTI … EXEC; the backend sends those itself. */
  readonly transaction: boolean;
  /** Most milliseconds to wait for the replies; the backend's command timeout when undefined. */
  readonly timeoutMs?: number | undefined;
}

/**
 * What a batch got back, errors in place (as `ReplyError` values, named after their command).
 * A command whose reply never came (the connection dropped after it was written) holds a
 * `ConnectionError` saying it may or may not have run.
 */
export interface BatchReplies {
  /** One per command: its reply, or in a transaction its queuing answer (`QUEUED`, or why not). */
  readonly replies: RespValue[];
  /**
   * Transactions only: EXEC's reply, an array of the commands' replies; `null` when a watched key
   * changed; an error when the transaction was aborted (EXECABORT), or MULTI itself failed.
   */
  readonly exec?: RespValue;
  /**
   * Set when the connection failed before every reply came: the commands left without a reply
   * hold this error in place (they may or may not have run); the others keep their replies.
   */
  readonly interrupted?: Error | undefined;
}

/**
 * The one way a pipeline reaches a server: a client (or cluster) view, which decodes replies
 * in its own mode (strings or Buffers). Pipelines never see sockets or wire framing.
 */
export interface CommandChannel {
  /** What the server said about itself; undefined until the first connection. */
  readonly server: ServerInfo | undefined;
  /**
   * Whether integer replies on this channel arrive as bigints (`withBigInts()`): the pipeline
   * then parses integers sent as text into bigints too. Absent means numbers.
   */
  readonly bigints?: boolean;
  /** Resolves once connected (connecting now if needed). */
  ready(): Promise<ServerInfo>;
  sendBatch(batch: CommandBatch): Promise<BatchReplies>;
  /** A connection for one user only, for WATCH: state on it belongs to that user. */
  lease(): Promise<LeasedChannel>;
}

/** A dedicated connection from `CommandChannel.lease()`. */
export interface LeasedChannel {
  readonly server: ServerInfo | undefined;
  /** As `CommandChannel.bigints`: the lease keeps its channel's reply mode. */
  readonly bigints?: boolean;
  sendBatch(batch: CommandBatch): Promise<BatchReplies>;
  /**
   * Gives it back. `unwatch` clears what WATCH left on it first, which is needed when EXEC was
   * never sent (EXEC, whatever its outcome, clears it). Never rejects.
   */
  release(options: { readonly unwatch: boolean }): Promise<void>;
}

/**
 * The key under which clients and clusters hold the channel their pipelines run on. A symbol,
 * so the channel stays off the documented surface.
 * @internal
 */
export const commandChannel: unique symbol = Symbol.for('@redspec/command-channel');

/** Anything pipelines can run on: a client, a cluster, or one of their `withBuffers()` views. */
export interface ChannelOwner {
  /** @internal */
  readonly [commandChannel]: CommandChannel;
}
