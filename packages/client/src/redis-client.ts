import {
  createPipeline,
  runPipeline,
  runTransaction,
  type Future,
  type FutureValues,
  type Pipeline,
  type PipelineCallback,
  type PipelineOptions,
  type TransactionOptions,
} from '@redspec/pipeline';
import {
  CommandFlag,
  defineCommandMethods,
  encodeCommand,
  invokeCommand,
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
import { sharedConnectionRefusal } from './shared-connection-guard.js';

/** Pipeline options; the string mode follows the client's (`withBuffers()`). */
export type ClientPipelineOptions = Omit<PipelineOptions, 'buffers'>;
/** Options of `client.pipeline()`; `parent` nests it under another pipeline. */
export interface ClientNestedPipelineOptions<
  TString extends string | Buffer = string,
> extends ClientPipelineOptions {
  /** Hand this pipeline's commands (sent on this client) and callbacks to `parent` on close. */
  parent?: Pipeline<TString> | undefined;
}
/** Transaction options; the string mode follows the client's. */
export type ClientTransactionOptions = Omit<TransactionOptions, 'buffers'>;

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
  /**
   * A pipeline (or, with `transaction: true`, a MULTI/EXEC transaction): commands queue and
   * return futures; nothing is sent until `execute()` or the end of an `await using` scope.
   * JavaScript does not tell a disposer whether its scope threw, so call `pipe.discard()` to
   * withhold the commands of a failed scope.
   * @example
   * await using pipe = client.pipeline({ transaction: true });
   * const count = pipe.incr('visits');
   * // after the scope: await count → number
   * // With `parent`, it is nested: closing it hands its commands to `parent`'s root.
   * { using child = client.pipeline({ parent: pipe }); child.incr('visits'); }
   */
  pipeline(options?: ClientNestedPipelineOptions<TString>): Pipeline<TString>;
  /**
   * Runs `fn` on a pipeline and resolves with the values of the futures it returns, as a tuple.
   * If `fn` throws, nothing is sent and the error propagates.
   * @example
   * const [ok, count] = await client.pipeline((p) => [p.set('a', '1'), p.incr('a')]);
   */
  pipeline<const TFutures extends readonly Future<unknown>[]>(
    fn: PipelineCallback<TString, TFutures>,
    options?: ClientPipelineOptions,
  ): Promise<FutureValues<TFutures>>;
  /**
   * Optimistic transaction: WATCHes `options.watch`, runs `fn` (reads through `pipe.immediate`,
   * writes queued on `pipe`), executes MULTI/EXEC, and re-runs `fn` on WatchError up to
   * `retries` times.
   * @example
   * const [next] = await client.transaction(async (pipe) => {
   *   const current = Number(await pipe.immediate.get('seq'));
   *   return [pipe.set('seq', current + 1)];
   * }, { watch: ['seq'] });
   */
  transaction<const TFutures extends readonly Future<unknown>[]>(
    fn: PipelineCallback<TString, TFutures>,
    options?: ClientTransactionOptions,
  ): Promise<FutureValues<TFutures>>;
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
    const reply =
      (spec.flags & CommandFlag.BLOCKING) !== 0
        ? this.backend.sendBlocking(wire, this.sendOptions)
        : this.backend.send(wire, this.sendOptions);
    const plan = selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
    return plan === 0 ? reply : reply.then((value) => normalizeReply(value, plan));
  }

  pipeline(
    fnOrOptions?:
      | PipelineCallback<string | Buffer, readonly Future<unknown>[]>
      | ClientNestedPipelineOptions<string | Buffer>,
    maybeOptions?: ClientPipelineOptions,
  ): unknown {
    const buffers = this.sendOptions.returnBuffers;
    if (typeof fnOrOptions === 'function')
      return runPipeline(this, fnOrOptions, { ...maybeOptions, buffers });
    return createPipeline(this, { ...fnOrOptions, buffers });
  }

  transaction(
    fn: PipelineCallback<string | Buffer, readonly Future<unknown>[]>,
    options?: ClientTransactionOptions,
  ): Promise<unknown> {
    return runTransaction(this, fn, { ...options, buffers: this.sendOptions.returnBuffers });
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
