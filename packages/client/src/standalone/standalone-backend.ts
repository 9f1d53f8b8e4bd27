import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  PreparedCommand,
  ServerInfo,
} from '@redspec/types/internal';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import {
  resolveConnectionOptions,
  type RedisConnectionOptions,
} from '../connection/connection-options.js';
import { DedicatedPool } from '../connection/dedicated-pool.js';
import { RedisConnection } from '../connection/redis-connection.js';

/**
 * One server: one auto-pipelined connection shared by every caller, plus a pool of dedicated
 * connections for blocking commands (BLPOP must not stall the shared one) and WATCH.
 */
export class StandaloneBackend implements CommandBackend {
  private readonly connection: RedisConnection;
  private readonly dedicated: DedicatedPool;

  private readonly commandTimeout: number;

  constructor(options: RedisConnectionOptions, dedicatedConnections: number) {
    this.connection = new RedisConnection(options);
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

  async quit(): Promise<void> {
    await Promise.all([this.connection.quit(), this.dedicated.close()]);
  }

  disconnect(): void {
    this.connection.disconnect();
    void this.dedicated.close();
  }
}
