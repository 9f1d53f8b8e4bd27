import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';

/** How a dropped connection is re-established. Delays double from `baseDelayMs` up to `maxDelayMs`. */
export interface ReconnectOptions {
  /** Delay before the first retry. Default 50 ms. */
  baseDelayMs?: number;
  /** Cap on the delay. Default 2000 ms. */
  maxDelayMs?: number;
  /**
   * Attempts before giving up and closing for good. Default: unlimited, since commands never
   * wait longer than their own deadline (`commandTimeout`) whatever happens to the connection.
   */
  maxAttempts?: number;
}

/** Everything `RedisConnection` needs to reach and set up one server connection. */
export interface RedisConnectionOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 6379. */
  port?: number;
  /** A unix socket path; when set, `host` and `port` are ignored. */
  path?: string;
  /** `true`, or Node's TLS options, to connect over TLS. */
  tls?: boolean | TlsConnectionOptions;
  /** Limit for one attempt's socket to connect and handshake to finish. Default 10 000 ms. */
  connectTimeout?: number;
  /** ACL user; `default` when only a password is given. */
  username?: string;
  password?: string;
  /** Sent as the connection name (`CLIENT SETNAME`), shown by `CLIENT LIST`. */
  clientName?: string;
  /** Database selected after connecting. Default 0. */
  db?: number;
  /** RESP version to speak. Default 3, falling back to 2 for servers without `HELLO`. */
  protocol?: 2 | 3;
  /**
   * How long a command may take, in ms, from the call to its reply: waiting for a connection
   * (while the server is down or reconnecting) included. Past it the command rejects with
   * `CommandTimeoutError`; one already written also resets the connection, since its late
   * reply would otherwise be read as the next command's. Default 10 000 ms; 0 for none.
   * Blocking commands get their own deadline (see `blockingGrace`).
   */
  commandTimeout?: number;
  /**
   * Added to a blocking command's own timeout (BLPOP 1: 1 s) for its reply deadline, so a
   * stalled server cannot hold it much longer than it asked to block. Default 5000 ms. A command
   * that blocks until answered (BLPOP 0) has no deadline: it ends when answered or when its
   * connection fails.
   */
  blockingGrace?: number;
  /** Reconnect after a drop (default), or `false` to close for good on the first drop. */
  reconnect?: false | ReconnectOptions;
  /** Queue commands issued while disconnected (default true); `false` rejects them at once. */
  offlineQueue?: boolean;
  /** Most commands the offline queue holds; further ones reject. Default 10 000. */
  offlineQueueLimit?: number;
  /** Decode bulk strings inside push frames (pub/sub messages) as Buffers. Default false. */
  pushBuffers?: boolean;
  /** Deepest reply nesting accepted from the server. Default 512. */
  maxReplyDepth?: number;
  /**
   * Longest bulk string accepted from the server, in bytes; a longer declared length is a
   * `ProtocolError` that resets the connection, before anything is buffered. Default 512 MB,
   * the server's own `proto-max-bulk-len`.
   */
  maxBulkLength?: number;
  /**
   * Longest line (simple string, error, number) accepted from the server, in bytes; a longer
   * one, or one that never ends, is a `ProtocolError`. Default 1 MB.
   */
  maxLineLength?: number;
  /**
   * Most commands awaiting replies on the connection at once; a command past it rejects with
   * `InflightLimitError` before it is sent, so a stalled server cannot make the backlog grow
   * without bound. Default 100 000.
   */
  maxInflight?: number;
  /**
   * Captures each command's call site when it is sent and appends it to the stack of its error
   * if it fails (after a `--- called from ---` line), so a `WRONGTYPE` points at the code that
   * called the command, not only at the reply decoder. Costs a stack capture per command
   * (see docs/guides/observability.md). Default false.
   */
  captureCallSite?: boolean;
}

/** Per-command options for `send` and `sendBatch`. */
export interface SendOptions {
  /** Overrides the connection's deadline for this command; 0 means none. */
  timeoutMs?: number;
  /** Decode bulk strings in the reply as Buffers instead of UTF-8 strings. */
  buffers?: boolean;
  /** Decode integer replies as bigints instead of numbers (exact past 2^53). */
  bigints?: boolean;
}

/** `RedisConnectionOptions` with every default applied. */
export interface ResolvedConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string | undefined;
  readonly tls: TlsConnectionOptions | undefined;
  readonly connectTimeout: number;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly clientName: string | undefined;
  readonly db: number;
  readonly protocol: 2 | 3;
  readonly commandTimeout: number;
  readonly blockingGrace: number;
  readonly reconnect: Required<ReconnectOptions> | undefined;
  readonly offlineQueueLimit: number;
  readonly pushBuffers: boolean;
  readonly maxReplyDepth: number;
  readonly maxBulkLength: number;
  readonly maxLineLength: number;
  readonly maxInflight: number;
  readonly captureCallSite: boolean;
}

/** Applies defaults once, so the hot path never re-checks options. */
export function resolveConnectionOptions(
  options: RedisConnectionOptions,
): ResolvedConnectionOptions {
  const reconnect = options.reconnect === false ? undefined : (options.reconnect ?? {});
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 6379,
    path: options.path,
    tls: options.tls === true ? {} : options.tls || undefined,
    connectTimeout: options.connectTimeout ?? 10_000,
    username: options.username,
    password: options.password,
    clientName: options.clientName,
    db: options.db ?? 0,
    protocol: options.protocol ?? 3,
    commandTimeout: options.commandTimeout ?? 10_000,
    blockingGrace: options.blockingGrace ?? 5000,
    reconnect: reconnect && {
      baseDelayMs: reconnect.baseDelayMs ?? 50,
      maxDelayMs: reconnect.maxDelayMs ?? 2000,
      maxAttempts: reconnect.maxAttempts ?? Infinity,
    },
    offlineQueueLimit: options.offlineQueue === false ? 0 : (options.offlineQueueLimit ?? 10_000),
    pushBuffers: options.pushBuffers ?? false,
    maxReplyDepth: options.maxReplyDepth ?? 512,
    maxBulkLength: options.maxBulkLength ?? 512 * 1024 * 1024,
    maxLineLength: options.maxLineLength ?? 1024 * 1024,
    maxInflight: options.maxInflight ?? 100_000,
    captureCallSite: options.captureCallSite ?? false,
  };
}

/** `host:port` or the socket path, for error messages. */
export function describeAddress(options: ResolvedConnectionOptions): string {
  return options.path ?? `${options.host}:${options.port}`;
}
