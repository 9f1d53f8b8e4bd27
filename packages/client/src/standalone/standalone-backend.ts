import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  PreparedCommand,
  ServerInfo,
} from '@redspec/types/internal';
import { ClientEventEmitter } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import { resolveConnectionOptions } from '../connection/connection-options.js';
import { DedicatedPool } from '../connection/dedicated-pool.js';
import { RedisConnection } from '../connection/redis-connection.js';
import type { ConnectionSettings } from '../connection/server-locator.js';
import { Subscriber } from '../pubsub/subscriber.js';
import type { ClientSideCache } from '../cache/client-side-cache.js';
import { trackConnection, type ConnectionTracking } from '../cache/connection-tracking.js';

/**
 * One server: one auto-pipelined connection shared by every caller, a pool of dedicated
 * connections for blocking commands (BLPOP must not stall the shared one) and WATCH, and a
 * subscriber connection per reply mode, opened on the first subscription.
 */
export class StandaloneBackend implements CommandBackend {
  readonly events = new ClientEventEmitter();
  private readonly connection: RedisConnection;
  private readonly dedicated: DedicatedPool;
  private readonly subscribers = new Map<boolean, Subscriber>();
  private readonly commandTimeout: number;
  /** With a client-side cache: tracking on the shared connection (see `CachingBackend`). */
  private readonly tracking: ConnectionTracking | undefined;

  constructor(
    private readonly options: ConnectionSettings,
    dedicatedConnections: number,
    cache?: ClientSideCache,
  ) {
    this.connection = new RedisConnection(options);
    this.events.follow(this.connection);
    this.tracking = cache && trackConnection(this.connection, cache, options);
    this.dedicated = new DedicatedPool(options, dedicatedConnections);
    this.commandTimeout = resolveConnectionOptions(options).commandTimeout;
  }

  get server(): ServerInfo | undefined {
    return this.connection.server;
  }

  /** Waits through failed attempts (an app may start before its Redis), up to the command timeout. */
  ready(): Promise<ServerInfo> {
    return this.connection.whenReady(this.commandTimeout);
  }

  /** The explicit `client.connect()`: tells at once when the attempt under way fails. */
  async connect(): Promise<ServerInfo> {
    await this.connection.connect();
    return this.connection.server!;
  }

  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    if (command.blockingMs !== undefined) return this.dedicated.send(command, mode);
    return this.connection.send(command, mode);
  }

  sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    return this.connection.sendBatch(batch, mode);
  }

  lease(mode: ReplyMode): Promise<LeasedChannel> {
    return this.dedicated.lease(mode);
  }

  pubsub(mode: ReplyMode): Subscriber {
    let subscriber = this.subscribers.get(mode.buffers);
    if (subscriber === undefined) {
      subscriber = new Subscriber(this.options, mode.buffers);
      subscriber.on('resubscribed', (event) => this.events.emit('resubscribed', event));
      subscriber.on('error', (error) => this.events.report(error));
      this.subscribers.set(mode.buffers, subscriber);
    }
    return subscriber;
  }

  /**
   * The server moved (Sentinel's failover, a READONLY reply): every connection reconnects to
   * where the locator says now; idle dedicated ones are dropped, lent ones end with their use.
   */
  relocate(reason: string): void {
    this.connection.relocate(reason);
    this.dedicated.dropIdle();
    for (const subscriber of this.subscribers.values()) subscriber.relocate(reason);
  }

  async quit(): Promise<void> {
    const subscribers = [...this.subscribers.values()].map((subscriber) => subscriber.quit());
    await Promise.all([
      this.connection.quit(),
      this.dedicated.close(),
      ...subscribers,
      this.tracking?.quit(),
    ]);
  }

  disconnect(): void {
    this.connection.disconnect();
    for (const subscriber of this.subscribers.values()) subscriber.disconnect();
    void this.dedicated.close();
    this.tracking?.disconnect();
  }
}
