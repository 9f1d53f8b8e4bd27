import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import {
  prepareRawCommand,
  type BatchReplies,
  type CommandBatch,
  type PreparedCommand,
  type RedisArgument,
  type RespValue,
  type ServerInfo,
} from '@redspec/types/internal';
import {
  AbortError,
  CommandTimeoutError,
  ConnectionClosedError,
  ConnectionError,
  InflightLimitError,
  ProtocolError,
} from '../errors.js';
import { RespDecoder } from '../resp/resp-decoder.js';
import { RespEncoder } from '../resp/resp-encoder.js';
import { onAbort } from '../backend/on-abort.js';
import { isFatalConnectError } from './connect-failure.js';
import type { ConnectionStatus, RedisConnectionEvents } from './connection-events.js';
import {
  describeAddress,
  resolveConnectionOptions,
  type ResolvedConnectionOptions,
  type SendOptions,
} from './connection-options.js';
import { DeadlineTimer } from './deadline-timer.js';
import { encodeBatch, writeCommand } from './encode-batch.js';
import { handshake, type HandshakeExchange } from './handshake.js';
import { InflightQueue } from './inflight-queue.js';
import { OfflineQueue } from './offline-queue.js';
import { openSocket } from './open-socket.js';
import { PendingReply } from './pending-reply.js';
import { ReadyWaiters } from './ready-waiters.js';
import { reconnectDelay } from './reconnect-delay.js';
import { batchTimeout, replyTimeout } from './reply-deadline.js';
import type { ConnectionSettings, ServerLocator } from './server-locator.js';
import { isPushed, SubscriptionTracker } from './subscription-tracker.js';
import { observeBatch, observeCommand, observeConnect } from '../tracing/observe.js';
import {
  batchTracing,
  commandTracing,
  connectTracing,
  isTraced,
} from '../tracing/trace-channels.js';
import type { ServerTraceFields } from '../tracing/trace-contexts.js';

export type {
  ConnectionStatus,
  RedisConnectionEvents,
  ReconnectingEvent,
} from './connection-events.js';
export type { SendOptions } from './connection-options.js';

// Flushing in a microtask sends everything issued in the current tick, including the
// continuations of replies resolved by the same socket read, in one write. Measured against
// process.nextTick and setImmediate: identical write counts (one per Promise.all of 10k GETs,
// one per round for 50 concurrent awaiting callers) and no throughput difference beyond noise,
// so the microtask wins on principle: it never waits for another event-loop phase.
const scheduleFlush = queueMicrotask;

const QUIT = prepareRawCommand(['QUIT']);

/**
 * One socket to one server, speaking RESP3 (or RESP2) with implicit auto-pipelining: every
 * command issued in the same tick leaves in one socket write (a big batch in parts), and
 * replies settle a FIFO of pending entries where a batch of N commands is one entry and one
 * Promise. It connects on
 * first use and reconnects with backoff after a drop or a failed attempt; commands issued
 * meanwhile wait in a bounded offline queue (each at most its deadline), while commands already
 * written reject with a `ConnectionError` and are never sent twice.
 *
 * @example
 * const connection = await new RedisConnection({ port: 6379 }).connect();
 * await connection.send(prepareRawCommand(['SET', 'greeting', 'hello']));
 * await connection.quit();
 */
export class RedisConnection extends EventEmitter<RedisConnectionEvents> {
  /** Host and port change when a locator (Sentinel) finds the server elsewhere. */
  private options: ResolvedConnectionOptions;
  private readonly locator: ServerLocator | undefined;
  private readonly decoder: RespDecoder;
  private readonly encoder = new RespEncoder();
  private readonly inflight = new InflightQueue();
  /** Entries waiting for the connection to be ready; they still carry their arguments. */
  private readonly offline: OfflineQueue;
  private readonly deadlines = new DeadlineTimer(() => this.sweepDeadlines());
  private readonly subscriptions = new SubscriptionTracker();
  private readonly waiters = new ReadyWaiters();
  private socket: Socket | undefined;
  private serverInfo: ServerInfo | undefined;
  private state: ConnectionStatus = 'idle';
  private flushScheduled = false;
  /** `performance.now()` as read for this write's first command; 0 once the write is flushed. */
  private writeClock = 0;
  private attempts = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Why the connection closed for good, for the errors of commands issued afterwards. */
  private closedBecause = 'it was closed';
  /**
   * Runs after every handshake, before the connection is ready and anything queued is written:
   * state the server must hold for every command on this socket (client-side caching turns
   * `CLIENT TRACKING` on here, so no read goes untracked after a reconnect). Its failure fails
   * the attempt. Set before the first connection.
   * @internal
   */
  afterHandshake: ((exchange: HandshakeExchange, server: ServerInfo) => Promise<void>) | undefined;
  private traceFieldsMemo: ServerTraceFields | undefined;

  constructor(options: ConnectionSettings = {}) {
    super();
    this.options = resolveConnectionOptions(options);
    this.locator = options.locator;
    this.offline = new OfflineQueue(this.options.offlineQueueLimit);
    this.decoder = new RespDecoder({
      onReply: (reply) => this.onReply(reply),
      onPush: (frame) => this.onPush(frame),
      onError: (error) => this.onProtocolError(error),
      maxDepth: this.options.maxReplyDepth,
      maxBulkLength: this.options.maxBulkLength,
      maxLineLength: this.options.maxLineLength,
    });
    this.decoder.pushBuffers = this.options.pushBuffers;
    // With nothing awaited, a RESP2 reply can only be a published message: decode it as pushes.
    this.decoder.returnBuffers = this.options.pushBuffers;
  }

  /** Where this connection goes, as trace contexts carry it; made on first use. */
  private get traceFields(): ServerTraceFields {
    return (this.traceFieldsMemo ??= {
      serverAddress: this.options.path ?? this.options.host,
      serverPort: this.options.path === undefined ? this.options.port : undefined,
      database: this.options.db,
    });
  }

  /** What the server said about itself in the last handshake; undefined before the first. */
  get server(): ServerInfo | undefined {
    return this.serverInfo;
  }

  get status(): ConnectionStatus {
    return this.state;
  }

  /**
   * Connects (if not yet) and resolves once the handshake is done. Rejects when the attempt
   * under way fails (refused, timed out, wrong password); the connection itself keeps trying
   * with backoff, unless `reconnect` is off or the server refused the credentials.
   *
   * @example
   * const connection = await new RedisConnection({ port: 6380, password: 's3cret' }).connect();
   */
  connect(): Promise<this> {
    // Each attempt is bounded by connectTimeout, and this learns of its failure: no timer here.
    return this.untilReady(true, 0).then(() => this);
  }

  /**
   * Resolves once ready, waiting through failed attempts for at most `timeoutMs` (0: no limit);
   * rejects earlier only when the connection closes for good. What a first command waits with.
   */
  whenReady(timeoutMs: number): Promise<ServerInfo> {
    return this.untilReady(false, timeoutMs).then(() => this.serverInfo!);
  }

  /**
   * Sends one command; resolves with its reply shaped by the command's plan, rejects with its
   * `ReplyError` (named after it) or why no reply came. Connects first if it never did.
   *
   * @example
   * const connection = await new RedisConnection({ port: 6379 }).connect();
   * const value = await connection.send(prepareRawCommand(['GET', 'key']), { buffers: true });
   */
  send(command: PreparedCommand, options?: SendOptions): Promise<unknown> {
    // Tracing and call sites cost a check each when nobody asked for them (bench: tracing-cost).
    const traced = isTraced(commandTracing);
    if (traced || this.options.captureCallSite) {
      return observeCommand(this.traceFields, command, traced, this.options.captureCallSite, () =>
        this.sendNow(command, options),
      );
    }
    return this.sendNow(command, options);
  }

  private sendNow(command: PreparedCommand, options: SendOptions | undefined): Promise<unknown> {
    const signal = command.signal;
    if (signal?.aborted === true) {
      return Promise.reject(new AbortError(command.name, signal.reason, false));
    }
    const entry = new PendingReply(
      command,
      undefined,
      options?.buffers === true,
      options?.timeoutMs ?? replyTimeout(command.blockingMs, this.options),
      options?.bigints === true,
    );
    this.dispatch(entry);
    if (signal !== undefined && !entry.settled) this.abortOn(signal, entry);
    return entry.promise;
  }

  /**
   * Sends a batch back to back (inside MULTI … EXEC when it is a transaction; a big one in parts
   * as it is encoded, see encode-batch.ts); resolves with every reply in place, errors included.
   * If the connection drops after the batch was written, the replies that came are kept and the
   * rest hold the error (see `BatchReplies.interrupted`).
   *
   * @example
   * const connection = await new RedisConnection({ port: 6379 }).connect();
   * const { replies } = await connection.sendBatch({ commands, transaction: false });
   */
  sendBatch(
    batch: CommandBatch,
    options?: Pick<SendOptions, 'buffers' | 'bigints'>,
  ): Promise<BatchReplies> {
    const traced = isTraced(batchTracing);
    if (traced || this.options.captureCallSite) {
      return observeBatch(this.traceFields, batch, traced, this.options.captureCallSite, () =>
        this.sendBatchNow(batch, options),
      );
    }
    return this.sendBatchNow(batch, options);
  }

  private sendBatchNow(
    batch: CommandBatch,
    options: Pick<SendOptions, 'buffers' | 'bigints'> | undefined,
  ): Promise<BatchReplies> {
    if (batch.commands.length === 0) {
      return Promise.resolve(batch.transaction ? { replies: [], exec: [] } : { replies: [] });
    }
    const entry = new PendingReply(
      undefined,
      batch,
      options?.buffers === true,
      batch.timeoutMs ?? batchTimeout(batch, this.options),
      options?.bigints === true,
    );
    this.dispatch(entry);
    return entry.promise as Promise<BatchReplies>;
  }

  /** Sends `QUIT`, waits for its reply (and every reply before it), then closes. */
  async quit(): Promise<void> {
    if (this.state !== 'ready') {
      this.close(undefined, 'quit() was called');
      return;
    }
    this.state = 'closing';
    const entry = new PendingReply(QUIT, undefined, false, this.options.connectTimeout);
    entry.deadline = performance.now() + entry.timeoutMs;
    this.write(entry);
    try {
      await entry.promise;
    } catch {
      // The server may close before replying, or time out; we are closing either way.
    }
    this.close(undefined, 'quit() was called');
  }

  /** Closes now. Commands in flight or queued reject with `ConnectionClosedError`. */
  disconnect(): void {
    this.close(undefined, 'disconnect() was called');
  }

  /**
   * Settles `entry` with `AbortError` when `signal` fires first. Not yet written: dropped from
   * the offline queue, never sent. Written and blocking: the connection is reset, since the
   * server holds it until the command's timeout (a dedicated connection, whose only command it
   * is, closes). Written otherwise: the entry stays in line, so its reply is read and dropped
   * when it comes and the replies behind it keep their owners.
   */
  private abortOn(signal: AbortSignal, entry: PendingReply): void {
    const abort = (): void => {
      if (entry.settled) return;
      const error = new AbortError(entry.name, signal.reason, entry.written);
      if (!entry.written) {
        this.offline.cancel(entry, error);
        return;
      }
      entry.fail(error);
      if (entry.blocking && this.socket !== undefined) {
        this.lost(this.socket, new ConnectionError(`${entry.name} was aborted while blocked`));
      }
    };
    const forget = onAbort(signal, abort);
    entry.promise.then(forget, forget);
  }

  /**
   * Drops the socket and connects again now, asking the locator where: Sentinel announced a
   * new primary, or this server answered READONLY. Commands in flight reject as on any drop
   * (`ConnectionError`, never resent); queued ones wait for the new server. An attempt already
   * under way is left to finish: it located the server after the news.
   */
  relocate(reason: string): void {
    if (this.state === 'ready' && this.socket !== undefined) {
      this.lost(this.socket, new ConnectionError(reason));
    }
    if (this.state === 'reconnecting' && this.reconnectTimer !== undefined) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
      this.attempt();
    }
  }

  private untilReady(failOnAttempt: boolean, timeoutMs: number): Promise<void> {
    if (this.state === 'ready') return Promise.resolve();
    if (this.state === 'closing' || this.state === 'closed') {
      return Promise.reject(new ConnectionClosedError(`Not connected: ${this.closedBecause}`));
    }
    const waiting = this.waiters.wait(failOnAttempt, timeoutMs, this.describeTarget());
    if (this.state === 'idle') this.attempt();
    else if (this.reconnectTimer !== undefined) this.reconnectTimer.ref();
    return waiting;
  }

  private dispatch(entry: PendingReply): void {
    if (this.state === 'ready') {
      if (entry.timeoutMs > 0) entry.deadline = this.issuedAt() + entry.timeoutMs;
      this.write(entry);
      return;
    }
    // While not connected, even a command that blocks until answered waits at most the command
    // timeout for a connection.
    const wait = entry.blocking ? this.options.commandTimeout : entry.timeoutMs;
    if (wait > 0) entry.deadline = performance.now() + wait;
    this.enqueueOffline(entry);
    // Every entry point connects on first use: a first call that is a batch must not wait for
    // somebody else to connect.
    if (this.state === 'idle') this.attempt();
    else if (this.reconnectTimer !== undefined) this.reconnectTimer.ref();
  }

  /** Encodes the entry into this tick's write and queues it for its replies. */
  private write(entry: PendingReply): void {
    if (this.inflight.commands + entry.count > this.options.maxInflight) {
      entry.fail(new InflightLimitError(entry.name, this.options.maxInflight));
      return;
    }
    try {
      // Commands prepared before the server was known are checked against it now, unsent.
      if (entry.unverified) entry.verify(this.serverInfo!);
      if (entry.batch !== undefined) encodeBatch(this.encoder, entry.batch, this.writePart);
      else this.encodeOne(entry);
    } catch (error) {
      entry.fail(error as Error);
      return;
    }
    entry.written = true;
    this.inflight.push(entry);
    if (this.inflight.length === 1) {
      this.decoder.returnBuffers = entry.buffers;
      this.decoder.returnBigInts = entry.bigints;
    }
    if (entry.deadline !== 0) this.deadlines.arm(entry.deadline);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      scheduleFlush(this.flush);
    }
  }

  private encodeOne(entry: PendingReply): void {
    writeCommand(this.encoder, entry.command!);
    this.subscriptions.tag(entry);
  }

  /**
   * The time commands issued now count their deadline from: read once per socket write and
   * shared by every command that joins it before the flush (microseconds apart). Reading the
   * clock per command cost ~200 ns each, 2.5% of a 10k Promise.all's CPU profile and most of
   * the +9% CPU per command that `pnpm --filter @redspec/bench run compare fa02c16` showed.
   */
  private issuedAt(): number {
    if (!this.flushScheduled || this.writeClock === 0) this.writeClock = performance.now();
    return this.writeClock;
  }

  /** A part of a big batch, written while the rest is encoded (encode-batch.ts). */
  private readonly writePart = (bytes: Buffer): void => {
    this.socket!.write(bytes);
  };

  private readonly flush = (): void => {
    this.flushScheduled = false;
    this.writeClock = 0;
    if (this.socket !== undefined && this.encoder.length > 0)
      this.socket.write(this.encoder.take());
  };

  private enqueueOffline(entry: PendingReply): void {
    if (this.state === 'closing' || this.state === 'closed') {
      const message = `${entry.name} rejected: the connection is closed (${this.closedBecause})`;
      entry.fail(new ConnectionClosedError(message));
    } else if (this.offline.add(entry) && entry.deadline !== 0) {
      this.deadlines.arm(entry.deadline);
    }
  }

  private drainOffline(): void {
    while (this.state === 'ready') {
      const entry = this.offline.shift();
      if (entry === undefined) return;
      // A blocking command's reply deadline counts from now, when the server gets it.
      if (entry.blocking) {
        entry.deadline = entry.timeoutMs > 0 ? performance.now() + entry.timeoutMs : 0;
      }
      this.write(entry);
    }
  }

  private onReply(reply: RespValue): void {
    const entry = this.inflight.head();
    // RESP2 has no push type: while subscribed, messages and confirmations are plain arrays.
    if (
      (this.inflight.pubsubPending > 0 || this.subscriptions.active) &&
      this.serverInfo?.protocol === 2 &&
      (isPushed(reply) || this.subscriptions.confirms(entry, reply))
    ) {
      this.onPush(reply as RespValue[]);
    } else if (entry === undefined) {
      this.onProtocolError(new ProtocolError('Received a reply while no command was waiting'));
    } else if (entry.take(reply)) {
      this.shiftHead();
    }
  }

  private shiftHead(): void {
    const next = this.inflight.shift();
    this.decoder.returnBuffers = next !== undefined ? next.buffers : this.options.pushBuffers;
    this.decoder.returnBigInts = next !== undefined && next.bigints;
  }

  private onPush(frame: RespValue[]): void {
    const entry = this.inflight.head();
    if (!this.subscriptions.confirms(entry, frame)) this.subscriptions.droppedByServer(frame);
    else if (entry!.confirm(frame[2] ?? null)) this.shiftHead();
    try {
      this.emit('push', frame);
    } catch (error) {
      // A throwing listener must not abort decoding halfway through a socket chunk, which would
      // desynchronize every later reply; rethrow it on its own instead.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  private onProtocolError(error: ProtocolError): void {
    this.emitError(error);
    if (this.socket !== undefined) this.lost(this.socket, error);
  }

  /** One connection attempt; a failure schedules the next one, or closes for good. */
  private attempt(): void {
    const establishing = isTraced(connectTracing)
      ? observeConnect(this.traceFields, this.attempts, this.options.tls !== undefined, () =>
          this.establish(),
        )
      : this.establish();
    establishing.then(
      () => this.waiters.ready(),
      (error: Error) => this.onAttemptFailed(error),
    );
  }

  /** Opens a socket and runs the handshake; resolves once ready. */
  private async establish(): Promise<void> {
    this.state = 'connecting';
    if (this.locator !== undefined) {
      const { host, port } = await this.locator.locate();
      this.options = { ...this.options, host, port };
    }
    const started = performance.now();
    const timeout = this.options.connectTimeout;
    const socket = await openSocket(this.options, timeout, this.onSocketData);
    if (this.state !== 'connecting') {
      socket.destroy();
      throw new ConnectionClosedError('The connection was closed while connecting');
    }
    this.attach(socket);
    const remaining = Math.max(1, timeout - (performance.now() - started));
    const exchange: HandshakeExchange = (commands) => this.exchange(commands, remaining);
    try {
      this.serverInfo = await handshake(exchange, this.options);
      await this.locator?.verify?.(exchange, this.options);
      if (this.afterHandshake !== undefined) await this.afterHandshake(exchange, this.serverInfo);
    } catch (error) {
      if (this.socket === socket) this.detach(error as Error);
      if (!(error instanceof CommandTimeoutError)) throw error;
      throw new ConnectionError(`Handshake timed out after ${timeout} ms`, { cause: error });
    }
    if (this.socket !== socket || this.state !== 'connecting') {
      throw new ConnectionError('The connection dropped right after the handshake');
    }
    this.state = 'ready';
    this.attempts = 0;
    this.emit('ready', this.serverInfo);
    this.drainOffline();
  }

  /** Handshake commands go straight to the socket, ahead of the offline queue. */
  private async exchange(commands: RedisArgument[][], timeoutMs: number): Promise<RespValue[]> {
    const batch = { commands: commands.map(prepareRawCommand), transaction: false };
    const entry = new PendingReply(undefined, batch, false, timeoutMs);
    entry.deadline = performance.now() + timeoutMs;
    this.write(entry);
    const { replies, interrupted } = (await entry.promise) as BatchReplies;
    if (interrupted !== undefined) throw interrupted;
    return replies;
  }

  /** Bytes from a socket; a dropped socket's last reads are ignored. */
  private readonly onSocketData = (socket: Socket, chunk: Buffer): void => {
    if (this.socket === socket) this.decoder.feed(chunk);
  };

  private attach(socket: Socket): void {
    this.socket = socket;
    this.decoder.reset();
    // Only now: bytes that came with the TLS handshake wait in the stream until this connection
    // owns the socket. TCP and unix sockets read into onSocketData (openSocket), from the next
    // poll on, which is after this.
    if (socket instanceof TLSSocket)
      socket.on('data', (chunk: Buffer) => this.onSocketData(socket, chunk));
    socket.on('error', (error) => this.lost(socket, error));
    socket.on('close', () =>
      this.lost(socket, new ConnectionError('The server closed the connection')),
    );
  }

  /** Drops the socket; in-flight commands reject, since their replies can no longer arrive. */
  private detach(cause: Error): void {
    const socket = this.socket;
    if (socket === undefined) return;
    this.socket = undefined;
    socket.destroy();
    this.encoder.take(); // unsent bytes of in-flight entries, which reject below
    this.decoder.reset();
    this.subscriptions.clear();
    this.inflight.failAll(
      this.state === 'closed'
        ? (entry) =>
            new ConnectionClosedError(
              `${entry.name} rejected: the connection was closed before its reply ` +
                `(${this.closedBecause}); it may or may not have run`,
              { cause },
            )
        : (entry) =>
            new ConnectionError(
              `${entry.name} failed: connection lost before its reply (${cause.message}); ` +
                'it may or may not have run',
              { cause },
            ),
    );
  }

  private lost(socket: Socket, error: Error): void {
    if (this.socket !== socket) return;
    this.detach(error);
    if (this.state === 'ready') {
      this.emitError(error);
      this.scheduleReconnect(error);
    } else if (this.state === 'closing') {
      this.close(undefined, 'quit() was called');
    }
    // While connecting, the pending establish() rejects and decides what happens next.
  }

  private onAttemptFailed(error: Error): void {
    if (this.state === 'closed' || this.state === 'closing') {
      this.waiters.failed(error, true);
      return;
    }
    this.emitError(error);
    // A handshake refused by the server (wrong password, bad db) will not improve by retrying.
    if (isFatalConnectError(error)) {
      this.waiters.failed(error, true);
      this.close(error, `the server refused the connection: ${error.message}`);
      return;
    }
    this.waiters.failed(error, this.options.reconnect === undefined);
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: Error): void {
    const reconnect = this.options.reconnect;
    this.attempts++;
    if (reconnect === undefined) {
      this.close(error, `the connection failed and reconnect is off (${error.message})`);
      return;
    }
    if (this.attempts > reconnect.maxAttempts) {
      const why = `gave up after ${reconnect.maxAttempts} reconnect attempts (${error.message})`;
      this.close(error, why);
      return;
    }
    const delayMs = reconnectDelay(this.attempts, reconnect);
    this.state = 'reconnecting';
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.attempt();
    }, delayMs);
    // Nothing waiting: an abandoned client's retries must not keep the process alive.
    if (this.offline.isEmpty && this.waiters.size === 0) this.reconnectTimer.unref();
    this.emit('reconnecting', { attempt: this.attempts, delayMs, error });
  }

  /** Fails queued commands whose deadline passed; a timed-out command in flight resets the socket. */
  private sweepDeadlines(): void {
    const now = performance.now();
    const last = this.waiters.lastFailure;
    const waitingFor =
      `not connected to ${this.describeTarget()}` +
      (last === undefined ? '' : ` (last attempt: ${last.message})`);
    const offlineNext = this.offline.expire(now, waitingFor);
    const expired = this.inflight.firstExpired(now);
    const next = Math.min(offlineNext, this.inflight.nextDeadline);
    if (expired !== undefined) {
      // Its reply may still come, and would be read as the next command's: start over.
      expired.fail(new CommandTimeoutError(expired.name, expired.timeoutMs));
      const reason = `${expired.name} timed out after ${expired.timeoutMs} ms`;
      this.lost(this.socket!, new ConnectionError(reason));
    }
    if (next !== Infinity) this.deadlines.arm(next);
  }

  private close(error: Error | undefined, because: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.closedBecause = because;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.detach(error ?? new ConnectionClosedError('The connection was closed'));
    this.deadlines.cancel();
    this.offline.rejectAll(error, because);
    this.waiters.failed(
      new ConnectionClosedError(`Not connected: ${because}`, { cause: error }),
      true,
    );
    this.emit('end', error);
  }

  /** What the connection is trying to reach, for errors: an address, or what the locator seeks. */
  private describeTarget(): string {
    return this.locator?.description ?? describeAddress(this.options);
  }

  private emitError(error: Error): void {
    // An 'error' event without a listener would throw; the failed commands already report it.
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
