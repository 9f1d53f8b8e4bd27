import {
  CommandFlag,
  defineCommandMethods,
  encodeCommand,
  invokeCommand,
  normalizeReply,
  selectReplyPlan,
  type CommandInvoker,
  type CommandSpec,
  type CommandTransport,
  type LeasedChannel,
  type PromiseContext,
  type RedisArgument,
  type RedisCommands,
  type RespValue,
  type ServerInfo,
} from '@redspec/types';
import { resolveClientConfig, type ClientConfig } from './client-config.js';
import { RedisConnection } from './connection/redis-connection.js';
import { DedicatedPool } from './dedicated-pool.js';
import { sharedConnectionRefusal } from './shared-connection-guard.js';

/**
 * A typed Redis client: every command of the spec as a method returning a Promise of its
 * RESP3-shaped reply. `TString` is what bulk strings decode to (`Buffer` after `withBuffers()`).
 */
export interface RedisClient<TString extends string | Buffer = string>
  extends RedisCommands<PromiseContext<TString>>, CommandTransport {
  /** What the server said about itself when connecting; undefined until then. */
  readonly server: ServerInfo | undefined;
  /** Connects now (commands connect on first use anyway); resolves once the handshake is done. */
  connect(): Promise<this>;
  /**
   * The same connection, with bulk-string replies as Buffers (and typed so).
   * @example
   * const raw: Buffer | null = await client.withBuffers().get('image');
   */
  withBuffers(): RedisClient<Buffer>;
  /**
   * Sends any command, e.g. a module's; the reply is as decoded, untyped unless you say.
   * @example
   * const info = await client.sendCommand<string[]>(['JSON.GET', 'doc', '$.name']);
   */
  sendCommand<TReply = unknown>(args: readonly RedisArgument[]): Promise<TReply>;
  /** Waits for pending replies, then closes every connection (QUIT's reply, `'OK'`). */
  quit(): Promise<'OK'>;
  /** Closes every connection now; pending commands reject. */
  disconnect(): void;
}

/** State one client shares with its binary view. */
interface SharedState {
  readonly connection: RedisConnection;
  readonly dedicated: DedicatedPool;
}

class Client implements CommandInvoker {
  constructor(
    private readonly shared: SharedState,
    private readonly buffers: boolean,
  ) {}

  get server(): ServerInfo | undefined {
    return this.shared.connection.server;
  }

  async connect(): Promise<this> {
    await this.shared.connection.connect();
    return this;
  }

  withBuffers(): Client {
    return new Client(this.shared, true);
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Promise<unknown> {
    const connection = this.shared.connection;
    // The first commands wait for the handshake so version checks see the real server.
    if (connection.server === undefined)
      return this.connect().then(() => this[invokeCommand](spec, params));
    const refusal = sharedConnectionRefusal(spec.name);
    if (refusal !== undefined) return Promise.reject(refusal);
    let wire: RedisArgument[];
    try {
      wire = encodeCommand(spec, params, connection.server);
    } catch (error) {
      return Promise.reject(error);
    }
    const reply =
      (spec.flags & CommandFlag.BLOCKING) !== 0
        ? this.sendDedicated(wire)
        : connection.send(wire, { returnBuffers: this.buffers });
    const plan = selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
    return plan === 0 ? reply : reply.then((value) => normalizeReply(value, plan));
  }

  /** Blocking commands borrow a connection of their own, so they never stall other traffic. */
  private async sendDedicated(wire: RedisArgument[]): Promise<RespValue> {
    const connection = await this.shared.dedicated.acquire();
    try {
      return await connection.send(wire, { returnBuffers: this.buffers, timeoutMs: 0 });
    } finally {
      this.shared.dedicated.release(connection);
    }
  }

  sendCommand(args: readonly RedisArgument[]): Promise<unknown> {
    return this.shared.connection.send(args, { returnBuffers: this.buffers });
  }

  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs?: number,
  ): Promise<RespValue[]> {
    return this.shared.connection.sendBatch(commands, timeoutMs, { returnBuffers: this.buffers });
  }

  lease(): Promise<LeasedChannel> {
    return this.shared.dedicated.lease();
  }

  async quit(): Promise<'OK'> {
    await Promise.all([this.shared.connection.quit(), this.shared.dedicated.close()]);
    return 'OK';
  }

  disconnect(): void {
    this.shared.connection.disconnect();
    void this.shared.dedicated.close();
  }
}
defineCommandMethods(Client.prototype);

/**
 * Creates a client for one Redis server. It connects on first use (or `await client.connect()`).
 *
 * @example
 * const client = createClient('redis://127.0.0.1:6379');
 * await client.set('greeting', 'hello', { expiration: { ex: 60 } });
 * const n: number = await client.incr('visits');
 * await client.quit();
 */
export function createClient(config?: string | ClientConfig): RedisClient {
  const { dedicatedConnections = 8, ...options } = resolveClientConfig(config);
  const shared: SharedState = {
    connection: new RedisConnection(options),
    dedicated: new DedicatedPool(options, dedicatedConnections),
  };
  return new Client(shared, false) as unknown as RedisClient;
}
