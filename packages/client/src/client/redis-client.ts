import { openPipeline, runPipeline, runTransaction } from '@redspec/pipeline/internal';
import type {
  Future,
  NestedPipelineOptions,
  PipelineCallback,
  TransactionOptions,
} from '@redspec/pipeline';
import {
  CommandArgumentError,
  commandChannel,
  defineCommandMethods,
  invokeCommand,
  invokePlain,
  prepareCommand,
  preparePlainCommand,
  prepareRawCommand,
  reshapeCommand,
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
  type ScanIterator,
  type ScanIterators,
  type ServerInfo,
  type SharedConnectionCommands,
} from '@redspec/types/internal';
import type { ClientEventName, ClientEvents } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import { AbortError } from '../errors.js';
import { closeSubscriptions, openSubscription } from '../pubsub/open-subscription.js';
import type { PubSubMethods } from '../pubsub/pubsub-methods.js';
import type { MessageListener, SubscribeOptions } from '../pubsub/pubsub-types.js';
import { withReplicaReads } from '../replica/with-replica-reads.js';
import { StandaloneBackend } from '../standalone/standalone-backend.js';
import { CachingBackend } from '../cache/caching-backend.js';
import { resolveCacheOptions } from '../cache/cache-options.js';
import { ClientSideCache, type CacheStats } from '../cache/client-side-cache.js';
import { resolveClientConfig, type ClientConfig } from './client-config.js';
import { CursorScan, type PageFetcher, type ScanPage } from './cursor-scan.js';
import type { PipelineMethods } from './pipeline-methods.js';
import { defineScanIterators, type ScanOwner, type ScanRequest } from './scan-methods.js';
import { sharedConnectionRefusal } from './shared-connection-guard.js';

/**
 * What a client and a cluster both offer: every command of the spec as a method returning a
 * Promise of its RESP3-shaped reply, but those that would change the state of the shared
 * connection (MULTI, SELECT, SUBSCRIBE …, refused with what to use instead), plus pipelines,
 * transactions and the connection's life.
 */
export interface ClientBase<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
>
  extends
    SharedConnectionCommands<PromiseContext<TString, TInteger>>,
    ScanIterators<PromiseContext<TString, TInteger>>,
    PipelineMethods<TString, TInteger>,
    PubSubMethods<TString>,
    ChannelOwner {
  /** What the server said about itself when connecting; undefined until then. */
  readonly server: ServerInfo | undefined;
  /**
   * The same client, whose commands can be cancelled with `signal`: once it fires they reject
   * with `AbortError` (`cause`: the signal's reason). One not yet sent is never sent; a blocking
   * one (BLPOP, XREAD BLOCK, WAIT …) closes its dedicated connection, which the server would
   * hold until the timeout; any other already written keeps its place on the connection (its
   * reply is read and dropped) and may have run. Pipelines and transactions ignore the signal.
   * @example
   * const job = await client.withSignal(AbortSignal.timeout(5_000)).blpop('jobs', 0);
   */
  withSignal(signal: AbortSignal): this;
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
   * The client-side cache's counters (hits, misses, evictions, invalidations, flushes) and
   * size (entries, estimated bytes); undefined when `clientSideCache` is off.
   * @example
   * const { hits, misses } = client.cacheStats() ?? { hits: 0, misses: 0 };
   */
  cacheStats(): CacheStats | undefined;
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
 * `withBuffers()`), `TInteger` what integers decode to (`bigint` after `withBigInts()`).
 */
export interface RedisClient<
  TString extends string | Buffer = string,
  TInteger extends number | bigint = number,
> extends ClientBase<TString, TInteger> {
  /**
   * The same connection, with bulk-string replies as Buffers (and typed so).
   * @example
   * const raw: Buffer | null = await client.withBuffers().get('image');
   */
  withBuffers(): RedisClient<Buffer, TInteger>;
  /**
   * The same connection, with integer replies as bigints (and typed so): exact past
   * `Number.MAX_SAFE_INTEGER`, for 64-bit counters, hashes and ids. Pipelines and transactions
   * opened on it follow.
   * @example
   * const views: bigint = await client.withBigInts().incrby('views', 9007199254740993n);
   */
  withBigInts(): RedisClient<TString, bigint>;
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

  get bigints(): boolean {
    return this.mode.bigints;
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
export class Client implements CommandInvoker, ChannelOwner, ScanOwner {
  readonly [commandChannel]: CommandChannel;

  constructor(
    protected readonly backend: CommandBackend,
    protected readonly mode: ReplyMode,
    /** Set on `withSignal()` views: every command they send carries it. */
    protected readonly signal?: AbortSignal,
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
    return this.view(replyMode(true, this.mode.bigints), this.signal);
  }

  withBigInts(): Client {
    return this.view(replyMode(this.mode.buffers, true), this.signal);
  }

  withSignal(signal: AbortSignal): Client {
    if (!(signal instanceof AbortSignal)) {
      throw new CommandArgumentError('withSignal', 'signal', 'must be an AbortSignal');
    }
    return this.view(this.mode, signal);
  }

  /** Another view of the same backend; subclasses return their own class. */
  protected view(mode: ReplyMode, signal: AbortSignal | undefined): Client {
    return new Client(this.backend, mode, signal);
  }

  openScan(request: ScanRequest): ScanIterator<unknown> {
    this.checkScan(request);
    return new CursorScan(request.spec.name, async () => [this.pages(request)], request.signal);
  }

  /** Refuses bad options when the iterator is made, before anything is sent. */
  protected checkScan(request: ScanRequest): void {
    prepareCommand(request.spec, request.paramsAt('0'), this.backend.server);
  }

  /** The pages of one cursor on the server this client talks to. */
  protected pages(request: ScanRequest): PageFetcher {
    const client = request.signal === undefined ? this : this.view(this.mode, request.signal);
    return (cursor) =>
      client[invokeCommand](request.spec, request.paramsAt(cursor)) as Promise<ScanPage>;
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

  [invokePlain](spec: CommandSpec, a: unknown, b: unknown, c: unknown): Promise<unknown> {
    let command: PreparedCommand;
    try {
      command = preparePlainCommand(spec, a, b, c, this.backend.server);
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

  cacheStats(): CacheStats | undefined {
    return this.backend.cacheStats?.();
  }

  protected send(command: PreparedCommand): Promise<unknown> {
    const refusal = sharedConnectionRefusal(command.spec);
    if (refusal !== undefined) return Promise.reject(refusal);
    const signal = this.signal;
    if (signal === undefined) return this.backend.send(command, this.mode);
    if (signal.aborted) return Promise.reject(new AbortError(command.name, signal.reason, false));
    return this.backend.send(reshapeCommand(command, { signal }), this.mode);
  }
}
defineCommandMethods(Client.prototype);
defineScanIterators(Client.prototype);

/** The four reply modes, shared by every view. */
const MODES: readonly ReplyMode[] = [
  { buffers: false, bigints: false },
  { buffers: true, bigints: false },
  { buffers: false, bigints: true },
  { buffers: true, bigints: true },
];

/** The shared `ReplyMode` object for these choices. */
export function replyMode(buffers: boolean, bigints: boolean): ReplyMode {
  return MODES[(buffers ? 1 : 0) + (bigints ? 2 : 0)]!;
}

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
    clientSideCache,
    url: _url,
    replicas,
    readFrom,
    ...options
  } = resolveClientConfig(config);
  if (clientSideCache === undefined) {
    const backend = new StandaloneBackend(options, dedicatedConnections);
    return createClientOn(withReplicaReads(backend, options, replicas, readFrom));
  }
  // Tracking runs on the primary's connection: a read a replica served would be cached with no
  // invalidation ever following it.
  if (readFrom !== undefined && readFrom !== 'primary') {
    throw new TypeError(
      `createClient: clientSideCache cannot be combined with readFrom '${readFrom}'`,
    );
  }
  const cache = new ClientSideCache(resolveCacheOptions(clientSideCache));
  const backend = new StandaloneBackend(options, dedicatedConnections, cache);
  return createClientOn(new CachingBackend(backend, cache));
}

/** A client over any backend (our connection, or an adapted ioredis instance). */
export function createClientOn(
  backend: CommandBackend,
  mode: ReplyMode = replyMode(false, false),
): RedisClient {
  // The generated methods live on Client's prototype, out of the type checker's sight.
  return new Client(backend, mode) as unknown as RedisClient;
}
