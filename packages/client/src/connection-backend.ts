import type { LeasedChannel, RedisArgument, RespValue, ServerInfo } from '@redspec/types';
import type { BackendSendOptions, ClientBackend } from './client-backend.js';
import type { RedisConnectionOptions } from './connection/connection-options.js';
import { RedisConnection } from './connection/redis-connection.js';
import { DedicatedPool } from './dedicated-pool.js';

/** The default backend: one auto-pipelined connection plus a pool for blocking commands and WATCH. */
export class ConnectionBackend implements ClientBackend {
  private readonly connection: RedisConnection;
  private readonly dedicated: DedicatedPool;

  constructor(options: RedisConnectionOptions, dedicatedConnections: number) {
    this.connection = new RedisConnection(options);
    this.dedicated = new DedicatedPool(options, dedicatedConnections);
  }

  get server(): ServerInfo | undefined {
    return this.connection.server;
  }

  async connect(): Promise<void> {
    await this.connection.connect();
  }

  send(args: readonly RedisArgument[], options: BackendSendOptions): Promise<RespValue> {
    return this.connection.send(args, options);
  }

  async sendBlocking(
    args: readonly RedisArgument[],
    options: BackendSendOptions,
  ): Promise<RespValue> {
    const connection = await this.dedicated.acquire();
    try {
      // No deadline: blocking is the point; the command's own timeout argument bounds it.
      return await connection.send(args, { ...options, timeoutMs: 0 });
    } finally {
      this.dedicated.release(connection);
    }
  }

  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    options: BackendSendOptions,
  ): Promise<RespValue[]> {
    return this.connection.sendBatch(commands, timeoutMs, options);
  }

  lease(): Promise<LeasedChannel> {
    return this.dedicated.lease();
  }

  async quit(): Promise<void> {
    await Promise.all([this.connection.quit(), this.dedicated.close()]);
  }

  disconnect(): void {
    this.connection.disconnect();
    void this.dedicated.close();
  }
}
