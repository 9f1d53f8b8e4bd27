import type { LeasedChannel, ServerInfo } from '@redspec/types';
import type { RedisConnectionOptions } from './connection/connection-options.js';
import { RedisConnection } from './connection/redis-connection.js';

/**
 * Connections lent out one caller at a time: for blocking commands (BLPOP must not stall the
 * shared connection) and for WATCH (its state belongs to one connection). At most `size` exist;
 * further borrowers wait in line.
 */
export class DedicatedPool {
  private readonly idle: RedisConnection[] = [];
  /** Every connection opened, lent or idle, so closing the client closes them all. */
  private readonly all = new Set<RedisConnection>();
  private readonly waiting: ((connection: RedisConnection) => void)[] = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly options: RedisConnectionOptions,
    private readonly size: number,
  ) {}

  async acquire(): Promise<RedisConnection> {
    if (this.closed) throw new Error('the client is closed');
    const ready = this.idle.pop();
    if (ready !== undefined) return ready;
    if (this.open < this.size) {
      this.open++;
      try {
        const connection = await new RedisConnection(this.options).connect();
        this.all.add(connection);
        return connection;
      } catch (error) {
        this.open--;
        throw error;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Returns a connection; a broken one is dropped so the next borrower gets a fresh one. */
  release(connection: RedisConnection): void {
    if (this.closed || connection.status !== 'ready') {
      connection.disconnect();
      this.all.delete(connection);
      this.open--;
      return;
    }
    const next = this.waiting.shift();
    if (next !== undefined) next(connection);
    else this.idle.push(connection);
  }

  /**
   * A dedicated channel for one user (the pipeline's WATCH). The pipeline leaves it unwatched:
   * it sends UNWATCH when EXEC was never sent, and EXEC itself clears watches.
   */
  async lease(): Promise<LeasedChannel> {
    const connection = await this.acquire();
    let released = false;
    return {
      get server(): ServerInfo | undefined {
        return connection.server;
      },
      sendBatch: (commands, timeoutMs, options) =>
        connection.sendBatch(commands, timeoutMs, options),
      release: (): Promise<void> => {
        if (!released) this.release(connection);
        released = true;
        return Promise.resolve();
      },
    };
  }

  /** Quits idle connections and cuts lent ones (a blocked BLPOP would otherwise hold on). */
  async close(): Promise<void> {
    this.closed = true;
    const idle = new Set(this.idle.splice(0));
    const closing = [...this.all].map((connection) =>
      idle.has(connection) ? connection.quit() : connection.disconnect(),
    );
    this.all.clear();
    await Promise.all(closing);
  }
}
