import { RedspecError } from '@redspec/types';

/**
 * The server sent bytes that are not valid RESP (or nest deeper than allowed). The stream cannot
 * be trusted past that point, so the connection that reports it is destroyed.
 */
export class ProtocolError extends RedspecError {
  override name = 'ProtocolError';
  constructor(
    message: string,
    /** Byte offset of the problem inside the chunk being decoded. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

/**
 * The connection failed or dropped. Commands in flight at that moment reject with it: they may
 * or may not have been applied by the server, and they are never sent again.
 */
export class ConnectionError extends RedspecError {
  override name = 'ConnectionError';
  /** The command that was rejected, when the error concerns one command. */
  command?: string;
}

/** The connection was closed on purpose (`quit()`, `disconnect()`) or gave up reconnecting. */
export class ConnectionClosedError extends ConnectionError {
  override name = 'ConnectionClosedError';
}

/**
 * A command got no reply within its timeout. The connection is destroyed and re-established,
 * because a late reply would otherwise be matched to the next command.
 */
export class CommandTimeoutError extends RedspecError {
  override name = 'CommandTimeoutError';
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
    /** What it was waiting for, when not a reply: `not connected to 127.0.0.1:6379`. */
    readonly waitingFor?: string,
  ) {
    super(
      waitingFor === undefined
        ? `${command} timed out after ${timeoutMs} ms`
        : `${command} timed out after ${timeoutMs} ms, never sent: ${waitingFor}`,
    );
  }
}

/**
 * Too many commands already await replies on one connection (`maxInflight`): the server is
 * stalled or far behind. Refused before it was sent, so it is safe to retry later.
 */
export class InflightLimitError extends RedspecError {
  override name = 'InflightLimitError';
  constructor(
    readonly command: string,
    readonly limit: number,
  ) {
    super(
      `${command} rejected before sending: ${limit} commands already await replies on this ` +
        'connection (maxInflight); the server may be stalled',
    );
  }
}

/**
 * Every dedicated connection (for blocking commands and WATCH) was busy for as long as the
 * command could wait. Raise `dedicatedConnections`, or shorten what holds them (BLPOP 0).
 */
export class PoolExhaustedError extends RedspecError {
  override name = 'PoolExhaustedError';
  constructor(
    readonly size: number,
    readonly waitedMs: number,
  ) {
    super(
      `All ${size} dedicated connections stayed busy for ${waitedMs} ms ` +
        `(dedicatedConnections: ${size}); blocking commands and WATCH each hold one`,
    );
  }
}

/** A command was issued while disconnected and the offline queue is disabled or full. */
export class OfflineQueueFullError extends ConnectionError {
  override name = 'OfflineQueueFullError';
  constructor(
    readonly command: string,
    readonly limit: number,
  ) {
    super(
      limit === 0
        ? `${command} rejected: not connected and the offline queue is disabled`
        : `${command} rejected: not connected and the offline queue is full (${limit} commands)`,
    );
  }
}

/** Refused because it would change the shared connection's state for every caller. */
export class SharedConnectionError extends RedspecError {
  override name = 'SharedConnectionError';
  constructor(
    readonly command: string,
    advice: string,
  ) {
    super(`${command} would change the state of the client's shared connection: ${advice}`);
  }
}

/**
 * A subscription read with `for await` fell further behind than its `bufferSize`, with
 * `overflow: 'error'`: the iteration ends with this error. `dropped` messages were lost.
 */
export class SubscriberOverflowError extends RedspecError {
  override name = 'SubscriberOverflowError';
  constructor(
    readonly bufferSize: number,
    readonly dropped: number,
  ) {
    super(
      `A subscriber fell more than ${bufferSize} messages behind its publisher ` +
        `(overflow: 'error'); ${dropped} message(s) dropped`,
    );
  }
}

/**
 * The caller's `AbortSignal` fired (`client.withSignal(signal)`, or a scan iterator's `signal`
 * option). `cause` is the signal's reason. `written` tells whether the command had reached the
 * server: when it had, it may have run. A blocking command that had been written also cost its
 * dedicated connection, which was closed (a blocked connection cannot be reused).
 */
export class AbortError extends RedspecError {
  override name = 'AbortError';
  constructor(
    readonly command: string,
    reason: unknown,
    /** Whether the command had been written to the server (so it may have run). */
    readonly written: boolean,
  ) {
    super(
      written
        ? `${command} was aborted after it was sent; it may or may not have run`
        : `${command} was aborted before it was sent`,
      { cause: reason },
    );
  }
}
