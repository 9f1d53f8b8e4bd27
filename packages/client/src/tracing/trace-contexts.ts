import type { RedisArgument } from '@redspec/types';

/** Where a traced operation went: the fields every trace context carries. */
export interface ServerTraceFields {
  /** The server's host, or the unix socket path. */
  readonly serverAddress: string;
  /** The server's port; undefined over a unix socket. */
  readonly serverPort: number | undefined;
  /** The database the connection selected (always 0 in a cluster). */
  readonly database: number;
}

/**
 * What `redspec:command` subscribers receive: one command sent on one connection. Node's
 * `tracingChannel` sets `result` (the reply) or `error` on the same object before `asyncEnd`.
 */
export interface CommandTraceContext extends ServerTraceFields {
  /** `GET`, `CLIENT KILL`: the command's name, container and subcommand joined by a space. */
  readonly command: string;
  /**
   * The whole command as written, words first, with passwords replaced by `<redacted>` (AUTH,
   * HELLO … AUTH, MIGRATE … AUTH/AUTH2, ACL SETUSER rules, CONFIG SET requirepass/masterauth).
   * Keys and values are included as they are: filter them in your subscriber if they are private.
   */
  readonly args: readonly RedisArgument[];
  /** The reply, once it came (set by `tracePromise`). */
  result?: unknown;
  /** Why it failed: a `ReplyError`, `CommandTimeoutError`, `ConnectionError` … */
  error?: unknown;
}

/**
 * What `redspec:batch` subscribers receive: a pipeline's or a transaction's commands sent on one
 * connection, back to back (a cluster pipeline publishes one batch per node). Its commands are
 * not published on `redspec:command` as well.
 */
export interface BatchTraceContext extends ServerTraceFields {
  /** How many commands, MULTI and EXEC not counted. */
  readonly batchSize: number;
  /** Whether it ran inside MULTI … EXEC. */
  readonly transaction: boolean;
  /** The commands' names, in order (`['SET', 'INCR']`); arguments are not carried. */
  readonly commands: readonly string[];
  /**
   * Every reply in place, errors included as `ReplyError` values, and for a transaction EXEC's
   * reply (set by `tracePromise`).
   */
  result?: { readonly replies: readonly unknown[]; readonly exec?: unknown };
  /** Why no replies came: the connection dropped, the batch timed out … */
  error?: unknown;
}

/**
 * What `redspec:connect` subscribers receive: one attempt to open a connection and finish its
 * handshake (HELLO, AUTH, SELECT …), first connection and every reconnection alike.
 */
export interface ConnectTraceContext extends ServerTraceFields {
  /**
   * 0 for the first connection; then which retry this is since the connection was last ready,
   * as the `reconnecting` event numbered it.
   */
  readonly attempt: number;
  /** Whether it connects over TLS. */
  readonly tls: boolean;
  /** Why the attempt failed: refused, timed out, wrong password … */
  error?: unknown;
}
