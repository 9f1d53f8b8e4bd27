import {
  defineCommandMethods,
  encodeCommand,
  invokeCommand,
  isBlockingCall,
  normalizeReply,
  selectReplyPlan,
  type BatchOptions,
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
import type { BackendSendOptions, ClientBackend } from './client-backend.js';
import { ConnectionBackend } from './connection-backend.js';
import {
  openPipeline,
  openTransaction,
  type AnyPipelineCallback,
  type ClientPipelineOptions,
  type ClientTransactionOptions,
  type PipelineMethods,
  type PipelineRequest,
} from './pipeline-methods.js';
import { sharedConnectionRefusal } from './shared-connection-guard.js';

/**
 * A typed Redis client: every command of the spec as a method returning a Promise of its
 * RESP3-shaped reply. `TString` is what bulk strings decode to (`Buffer` after `withBuffers()`).
 */
export interface RedisClient<TString extends string | Buffer = string>
  extends RedisCommands<PromiseContext<TString>>, CommandTransport, PipelineMethods<TString> {
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

class Client implements CommandInvoker {
  private readonly sendOptions: BackendSendOptions;

  constructor(
    private readonly backend: ClientBackend,
    buffers: boolean,
  ) {
    this.sendOptions = { returnBuffers: buffers };
  }

  get server(): ServerInfo | undefined {
    return this.backend.server;
  }

  async connect(): Promise<this> {
    await this.backend.connect();
    return this;
  }

  withBuffers(): Client {
    return new Client(this.backend, true);
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Promise<unknown> {
    const server = this.backend.server;
    // The first commands wait for the handshake so version checks see the real server.
    if (server === undefined) return this.connect().then(() => this[invokeCommand](spec, params));
    const refusal = sharedConnectionRefusal(spec.name);
    if (refusal !== undefined) return Promise.reject(refusal);
    let wire: RedisArgument[];
    try {
      wire = encodeCommand(spec, params, server);
    } catch (error) {
      return Promise.reject(error);
    }
    const reply = isBlockingCall(spec, params)
      ? this.backend.sendBlocking(wire, this.sendOptions)
      : this.backend.send(wire, this.sendOptions);
    const plan = selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
    return plan === 0 ? reply : reply.then((value) => normalizeReply(value, plan));
  }

  pipeline(fnOrOptions?: PipelineRequest, maybeOptions?: ClientPipelineOptions): unknown {
    return openPipeline(this, this.sendOptions.returnBuffers, fnOrOptions, maybeOptions);
  }

  transaction(fn: AnyPipelineCallback, options?: ClientTransactionOptions): Promise<unknown> {
    return openTransaction(this, this.sendOptions.returnBuffers, fn, options);
  }

  sendCommand(args: readonly RedisArgument[]): Promise<unknown> {
    return this.backend.send(args, this.sendOptions);
  }

  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs?: number,
    options?: BatchOptions,
  ): Promise<RespValue[]> {
    const returnBuffers = options?.returnBuffers ?? this.sendOptions.returnBuffers;
    return this.backend.sendBatch(commands, timeoutMs, { returnBuffers });
  }

  lease(): Promise<LeasedChannel> {
    return this.backend.lease();
  }

  async quit(): Promise<'OK'> {
    await this.backend.quit();
    return 'OK';
  }

  disconnect(): void {
    this.backend.disconnect();
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
  return createClientOn(new ConnectionBackend(options, dedicatedConnections));
}

/** A client over any backend (our connection, or an adapted ioredis instance). @internal */
export function createClientOn(backend: ClientBackend): RedisClient {
  return new Client(backend, false) as unknown as RedisClient;
}
