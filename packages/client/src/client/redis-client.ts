import { openPipeline, runPipeline, runTransaction } from '@redspec/pipeline/internal';
import type {
  Future,
  NestedPipelineOptions,
  PipelineCallback,
  TransactionOptions,
} from '@redspec/pipeline';
import {
  commandChannel,
  defineCommandMethods,
  invokeCommand,
  prepareCommand,
  prepareRawCommand,
  type BatchReplies,
  type ChannelOwner,
  type CommandBatch,
  type CommandChannel,
  type CommandInvoker,
  type CommandSpec,
  type LeasedChannel,
  type OneOrMany,
  type PreparedCommand,
  type PromiseContext,
  type RedisArgument,
  type RedisCommands,
  type ServerInfo,
} from '@redspec/types/internal';
import type { ClientEventName, ClientEvents } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import { closeSubscriptions, openSubscription } from '../pubsub/open-subscription.js';
import type { PubSubMethods } from '../pubsub/pubsub-methods.js';
import type { MessageListener, SubscribeOptions } from '../pubsub/pubsub-types.js';
import { withReplicaReads } from '../replica/with-replica-reads.js';
import { StandaloneBackend } from '../standalone/standalone-backend.js';
import { resolveClientConfig, type ClientConfig } from './client-config.js';
import type { PipelineMethods } from './pipeline-methods.js';
import {
  sharedConnectionRefusal,
  type SharedConnectionCommand,
} from './shared-connection-guard.js';

/**
 * What a client and a cluster both offer: every command of the spec as a method returning a
 * Promise of its RESP3-shaped reply, but those that would change the state of the shared
 * connection (MULTI, SELECT, SUBSCRIBE …, refused with what to use instead), plus pipelines,
 * transactions and the connection's life.
 */
export interface ClientBase<TString extends string | Buffer = string>
  extends
    Omit<RedisCommands<PromiseContext<TString>>, SharedConnectionCommand>,
    PipelineMethods<TString>,
    PubSubMethods<TString>,
    ChannelOwner {
  /** What the server said about itself when connecting; undefined until then. */
  readonly server: ServerInfo | undefined;
  /**
   * Connects now (every command connects on first use anyway); resolves once the handshake is
   * done, and rejects if this attempt fails (the client keeps trying in the background, and
   * commands wait for it up to their `commandTimeout`).
   * @example
   * const client = await createClient('redis://127.0.0.1:6379').connect();
   */
  connect(): Promise<this>;
  /**
   * Closes the client gracefully: waits for the replies of commands already sent, then closes
   * every connection. Resolves with `'OK'`.
   * @example
   * await client.quit();
   */
  quit(): Promise<'OK'>;
  /**
   * Closes every connection now; commands still pending reject with `ConnectionClosedError`.
   * @example
   * client.disconnect();
   */
  disconnect(): void;
  /**
   * Listens to the client's life: `ready`, `reconnecting`, `error`, `end`, `resubscribed`. An
   * `error` nobody listens to is dropped, never thrown: failed commands report their own.
   * @example
   * client.on('reconnecting', ({ attempt, delayMs }) => console.warn('redis down', attempt, delayMs));
   */
  on<TEvent extends ClientEventName>(
    event: TEvent,
    listener: (...args: ClientEvents[TEvent]) => void,
  ): this;
  /**
   * `on`, for one event only.
   * @example
   * client.once('ready', (server) => console.log(server.version));
   */
  once<TEvent extends ClientEventName>(
    event: TEvent,
    listener: (...args: ClientEvents[TEvent]) => void,
  ): this;
  /**
   * Removes a listener added with `on` or `once`.
   * @example
   * const report = (error: Error) => console.error(error);
   * client.on('error', report);
   * client.off('error', report);
   */
  off<TEvent extends ClientEventName>(
    event: TEvent,
    listener: (...args: ClientEvents[TEvent]) => void,
  ): this;
}

/**
 * A typed Redis client for one server: every command of the spec as a method returning a
 * Promise of its RESP3-shaped reply. `TString` is what bulk strings decode to (`Buffer` after
 * `withBuffers()`).
 */
export interface RedisClient<TString extends string | Buffer = string> extends ClientBase<TString> {
  /**
   * The same connection, with bulk-string replies as Buffers (and typed so).
   * @example
   * const raw: Buffer | null = await client.withBuffers().get('image');
   */
  withBuffers(): RedisClient<Buffer>;
  /**
   * Sends any command, e.g. a module's; the reply is as decoded, untyped unless you say.
   * Commands that would change the shared connection's state are refused, as typed ones are.
   * @example
   * const name = await client.sendCommand<string[]>(['JSON.GET', 'doc', '$.name']);
   */
  sendCommand<TReply = unknown>(args: readonly RedisArgument[]): Promise<TReply>;
}

/** The channel pipelines of one client view run on: the backend, in the view's reply mode. */
class ClientChannel implements CommandChannel {
  constructor(
    private readonly backend: CommandBackend,
    private readonly mode: ReplyMode,
  ) {}

  get server(): ServerInfo | undefined {
    return this.backend.server;
  }

  ready(): Promise<ServerInfo> {
    return this.backend.ready();
  }

  sendBatch(batch: CommandBatch): Promise<BatchReplies> {
    return this.backend.sendBatch(batch, this.mode);
  }

  lease(): Promise<LeasedChannel> {
    return this.backend.lease(this.mode);
  }
}

type AnyCallback = PipelineCallback<string | Buffer, readonly Future<unknown>[]>;
type AnyListener = MessageListener<string | Buffer>;

/** The runtime behind `RedisClient` and `RedisCluster`: typed methods over one backend. */
export class Client implements CommandInvoker, ChannelOwner {
  readonly [commandChannel]: CommandChannel;

  constructor(
    protected readonly backend: CommandBackend,
    protected readonly mode: ReplyMode,
  ) {
    this[commandChannel] = new ClientChannel(backend, mode);
  }

  get server(): ServerInfo | undefined {
    return this.backend.server;
  }

  async connect(): Promise<this> {
    await this.backend.connect();
    return this;
  }

  withBuffers(): Client {
    return new Client(this.backend, BUFFERS);
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Promise<unknown> {
    let command: PreparedCommand;
    try {
      // Before the first connection the server is unknown: the command is then checked against
      // it when it is written (`PreparedCommand.verify`), and waits in the meantime like any other.
      command = prepareCommand(spec, params, this.backend.server);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.send(command);
  }

  sendCommand(args: readonly RedisArgument[]): Promise<unknown> {
    let command: PreparedCommand;
    try {
      command = prepareRawCommand(args);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.send(command);
  }

  pipeline(
    fnOrOptions?: AnyCallback | NestedPipelineOptions<string | Buffer>,
    options?: NestedPipelineOptions<string | Buffer>,
  ): unknown {
    if (typeof fnOrOptions === 'function') return runPipeline(this, fnOrOptions, options);
    return openPipeline(this, fnOrOptions);
  }

  transaction(fn: AnyCallback, options?: TransactionOptions): Promise<unknown> {
    return runTransaction(this, fn, options);
  }

  subscribe(names: OneOrMany<string>, listener?: AnyListener | SubscribeOptions): Promise<unknown> {
    return openSubscription(
      this.backend.pubsub(this.mode),
      'channel',
      names,
      listener,
      this.mode.buffers,
    );
  }

  psubscribe(
    names: OneOrMany<string>,
    listener?: AnyListener | SubscribeOptions,
  ): Promise<unknown> {
    return openSubscription(
      this.backend.pubsub(this.mode),
      'pattern',
      names,
      listener,
      this.mode.buffers,
    );
  }

  ssubscribe(
    names: OneOrMany<string>,
    listener?: AnyListener | SubscribeOptions,
  ): Promise<unknown> {
    return openSubscription(
      this.backend.pubsub(this.mode),
      'shard',
      names,
      listener,
      this.mode.buffers,
    );
  }

  unsubscribe(names?: OneOrMany<string>): Promise<void> {
    return closeSubscriptions(this.backend.pubsub(this.mode), 'channel', names, 'unsubscribe');
  }

  punsubscribe(names?: OneOrMany<string>): Promise<void> {
    return closeSubscriptions(this.backend.pubsub(this.mode), 'pattern', names, 'punsubscribe');
  }

  sunsubscribe(names?: OneOrMany<string>): Promise<void> {
    return closeSubscriptions(this.backend.pubsub(this.mode), 'shard', names, 'sunsubscribe');
  }

  on(event: ClientEventName, listener: (...args: never[]) => void): this {
    this.backend.events.on(event, listener as never);
    return this;
  }

  once(event: ClientEventName, listener: (...args: never[]) => void): this {
    this.backend.events.once(event, listener as never);
    return this;
  }

  off(event: ClientEventName, listener: (...args: never[]) => void): this {
    this.backend.events.off(event, listener as never);
    return this;
  }

  async quit(): Promise<'OK'> {
    await this.backend.quit();
    return 'OK';
  }

  disconnect(): void {
    this.backend.disconnect();
  }

  protected send(command: PreparedCommand): Promise<unknown> {
    const refusal = sharedConnectionRefusal(command.spec);
    if (refusal !== undefined) return Promise.reject(refusal);
    return this.backend.send(command, this.mode);
  }
}
defineCommandMethods(Client.prototype);

const STRINGS: ReplyMode = { buffers: false };
const BUFFERS: ReplyMode = { buffers: true };

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
  const {
    dedicatedConnections = 8,
    url: _url,
    replicas,
    readFrom,
    ...options
  } = resolveClientConfig(config);
  const backend = new StandaloneBackend(options, dedicatedConnections);
  return createClientOn(withReplicaReads(backend, options, replicas, readFrom));
}

/** A client over any backend (our connection, or an adapted ioredis instance). */
export function createClientOn(backend: CommandBackend): RedisClient {
  // The generated methods live on Client's prototype, out of the type checker's sight.
  return new Client(backend, STRINGS) as unknown as RedisClient;
}
