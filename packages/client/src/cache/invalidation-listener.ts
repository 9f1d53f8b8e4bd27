import { EventEmitter } from 'node:events';
import { prepareRawCommand, type RespValue } from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../connection/connection-options.js';
import { RedisConnection } from '../connection/redis-connection.js';
import { ConnectionError } from '../errors.js';

/** The channel the server publishes invalidations on for a `REDIRECT` target speaking RESP2. */
export const INVALIDATE_CHANNEL = '__redis__:invalidate';
const SUBSCRIBE = prepareRawCommand(['SUBSCRIBE', INVALIDATE_CHANNEL]);

/** What an `InvalidationListener` reports. */
export interface InvalidationListenerEvents {
  /** Subscribed (again) under this client id: tracking may redirect to it. */
  listening: [clientId: number];
  /** Dropped: invalidations sent meanwhile are lost. */
  lost: [];
  /** An invalidation's keys, or null for a flush. */
  invalidate: [keys: RespValue];
}

/**
 * Over RESP2 a connection cannot receive pushes while it runs commands, so the server sends
 * its invalidations to another one (`CLIENT TRACKING ON REDIRECT <id>`), subscribed to
 * `__redis__:invalidate`. This is that connection: it learns its id in its handshake, subscribes
 * once ready, and reports when it listens (with the id to redirect to) and when it drops.
 */
export class InvalidationListener extends EventEmitter<InvalidationListenerEvents> {
  private readonly connection: RedisConnection;
  private id: number | undefined;
  private nextId: number | undefined;
  private waiting: { resolve: (id: number) => void; reject: (error: Error) => void }[] = [];

  constructor(options: RedisConnectionOptions) {
    super();
    this.connection = new RedisConnection({ ...options, protocol: 2, pushBuffers: false });
    this.connection.afterHandshake = async (exchange) => {
      const [id] = await exchange([['CLIENT', 'ID']]);
      if (typeof id !== 'number') throw new ConnectionError(`CLIENT ID replied ${String(id)}`);
      this.nextId = id;
    };
    this.connection.on('ready', () => this.subscribe());
    this.connection.on('push', (frame) => {
      if (frame[0] === 'message' && frame[1] === INVALIDATE_CHANNEL)
        this.emit('invalidate', frame[2] ?? null);
    });
    this.connection.on('reconnecting', () => this.drop());
    this.connection.on('end', (error) => {
      this.drop();
      this.failWaiting(error ?? new ConnectionError('The invalidation connection was closed'));
    });
  }

  /** The id to redirect to once listening; waits for it at most `timeoutMs`. */
  clientId(timeoutMs: number): Promise<number> {
    if (this.id !== undefined) return Promise.resolve(this.id);
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((waiter) => waiter.resolve !== done);
        reject(new ConnectionError(`The invalidation connection was not ready in ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (id: number): void => {
        clearTimeout(timer);
        resolve(id);
      };
      this.waiting.push({
        resolve: done,
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.connection.connect().catch(() => undefined);
    });
  }

  get currentId(): number | undefined {
    return this.id;
  }

  quit(): Promise<void> {
    return this.connection.quit();
  }

  disconnect(): void {
    this.connection.disconnect();
  }

  private subscribe(): void {
    const id = this.nextId;
    this.connection.send(SUBSCRIBE).then(
      () => {
        if (this.connection.status !== 'ready' || this.nextId !== id) return;
        this.id = id;
        for (const waiter of this.waiting.splice(0)) waiter.resolve(id!);
        this.emit('listening', id!);
      },
      // A failed SUBSCRIBE means the connection dropped: its reconnect subscribes again.
      () => undefined,
    );
  }

  private drop(): void {
    if (this.id === undefined) return;
    this.id = undefined;
    this.emit('lost');
  }

  private failWaiting(error: Error): void {
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }
}
