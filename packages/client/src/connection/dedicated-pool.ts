import {
  prepareRawCommand,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type PreparedCommand,
  type ServerInfo,
} from '@redspec/types/internal';
import type { ReplyMode } from '../backend/command-backend.js';
import { onAbort } from '../backend/on-abort.js';
import { AbortError, ConnectionClosedError, PoolExhaustedError } from '../errors.js';
import { resolveConnectionOptions } from './connection-options.js';
import type { ConnectionSettings } from './server-locator.js';
import { RedisConnection } from './redis-connection.js';

const UNWATCH = prepareRawCommand(['UNWATCH']);

/** Someone waiting for a connection to free up. */
interface Waiter {
  resolve(connection: RedisConnection): void;
  reject(error: Error): void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * Connections lent out one caller at a time: for blocking commands (BLPOP must not stall the
 * shared connection) and for WATCH (its state belongs to one connection). At most `size` exist;
 * further borrowers wait in line for one to come back, for at most the command timeout, then
 * fail with `PoolExhaustedError`. They never reconnect: a dropped one is thrown away, so state
 * such as WATCH can never silently vanish under its borrower, and the next borrower (a waiter
 * included) gets a fresh one.
 */
export class DedicatedPool {
  private readonly idle: RedisConnection[] = [];
  /** Every connection opened, lent or idle, so closing the client closes them all. */
  private readonly all = new Set<RedisConnection>();
  private readonly waiting: Waiter[] = [];
  private open = 0;
  private closed = false;
  private readonly waitMs: number;

  constructor(
    private readonly options: ConnectionSettings,
    private readonly size: number,
  ) {
    this.waitMs = resolveConnectionOptions(options).commandTimeout;
  }

  /** Runs one (blocking) command on a connection of its own, then gives it back. */
  async send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    const connection = await this.acquire(command.signal, command.name);
    try {
      return await connection.send(command, mode);
    } finally {
      this.release(connection);
    }
  }

  /**
   * A dedicated channel for one user (a pipeline's WATCH), decoding replies in `mode`. Released
   * with `unwatch`, it sends UNWATCH first when the connection still stands (a dropped one took
   * its watches with it).
   */
  async lease(mode: ReplyMode): Promise<LeasedChannel> {
    const connection = await this.acquire();
    let released = false;
    return {
      get server(): ServerInfo | undefined {
        return connection.server;
      },
      bigints: mode.bigints,
      sendBatch: (batch: CommandBatch): Promise<BatchReplies> => {
        if (released) return Promise.reject(new ConnectionClosedError('The lease was released'));
        return connection.sendBatch(batch, mode);
      },
      release: async ({ unwatch }): Promise<void> => {
        if (released) return;
        released = true;
        if (unwatch && connection.status === 'ready') {
          await connection.send(UNWATCH).catch(() => undefined);
        }
        this.release(connection);
      },
    };
  }

  /**
   * A connection for one borrower: an idle one, a new one, or the next one given back. With a
   * `signal`, a wait in line ends with `AbortError` (naming `command`) when it fires.
   */
  async acquire(signal?: AbortSignal, command = 'command'): Promise<RedisConnection> {
    if (this.closed) throw new ConnectionClosedError('The client is closed');
    if (signal?.aborted === true) throw new AbortError(command, signal.reason, false);
    for (let ready = this.idle.pop(); ready !== undefined; ready = this.idle.pop()) {
      if (ready.status === 'ready') return ready;
      this.drop(ready); // went away while idle (the server restarted)
    }
    if (this.open < this.size) return this.openOne();
    return new Promise((resolve, reject) => {
      const leave = (error: Error): void => {
        const at = this.waiting.indexOf(waiter);
        if (at !== -1) this.waiting.splice(at, 1);
        waiter.reject(error);
      };
      const timer =
        this.waitMs > 0
          ? setTimeout(() => leave(new PoolExhaustedError(this.size, this.waitMs)), this.waitMs)
          : undefined;
      const forget =
        signal === undefined
          ? undefined
          : onAbort(signal, () => leave(new AbortError(command, signal.reason, false)));
      const settled = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        forget?.();
      };
      const waiter: Waiter = {
        resolve: (connection) => {
          settled();
          resolve(connection);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
        timer,
      };
      this.waiting.push(waiter);
    });
  }

  /** How many connections exist, and how many callers wait for one. */
  get usage(): { readonly size: number; readonly open: number; readonly waiting: number } {
    return { size: this.size, open: this.open, waiting: this.waiting.length };
  }

  /** Returns a connection; a broken one is dropped, and a waiter gets a fresh one instead. */
  release(connection: RedisConnection): void {
    if (this.closed || connection.status !== 'ready') {
      this.drop(connection);
      const next = this.closed ? undefined : this.waiting.shift();
      if (next !== undefined) this.openOne().then(next.resolve, next.reject);
      return;
    }
    const next = this.waiting.shift();
    if (next !== undefined) next.resolve(connection);
    else this.idle.push(connection);
  }

  /** Closes the idle connections, so the next borrower connects afresh (the server moved). */
  dropIdle(): void {
    for (const connection of this.idle.splice(0)) this.drop(connection);
  }

  /** Quits idle connections, cuts lent ones (a blocked BLPOP would otherwise hold on), and
   * fails every waiter. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) {
      waiter.reject(
        new ConnectionClosedError('The client was closed while waiting for a connection'),
      );
    }
    const idle = new Set(this.idle.splice(0));
    const closing = [...this.all].map((connection) =>
      idle.has(connection) ? connection.quit() : connection.disconnect(),
    );
    this.all.clear();
    await Promise.all(closing);
  }

  private drop(connection: RedisConnection): void {
    connection.disconnect();
    this.all.delete(connection);
    this.open--;
  }

  private async openOne(): Promise<RedisConnection> {
    this.open++;
    try {
      const connection = await new RedisConnection({ ...this.options, reconnect: false }).connect();
      this.all.add(connection);
      return connection;
    } catch (error) {
      this.open--;
      throw error;
    }
  }
}
