import {
  createReplyError,
  prepareRawCommand,
  settleReply,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type PreparedCommand,
  type RespValue,
  type ServerInfo,
} from '@redspec/types/internal';
import { RedspecError } from '@redspec/types';
import { ClientEventEmitter } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import { untilAborted } from '../backend/until-aborted.js';
import { IoredisSubscriber } from './ioredis-subscriber.js';
import { serverInfoFromInfo } from '../connection/server-info.js';
import { AbortError, ConnectionError } from '../errors.js';
import type { IoredisLike, IoredisPipelineLike } from './ioredis-like.js';

const MULTI = prepareRawCommand(['MULTI']);
const EXEC = prepareRawCommand(['EXEC']);
const UNWATCH = prepareRawCommand(['UNWATCH']);

/** ioredis rejects with its own ReplyError; ours carries the code and the typed subclass. */
function translate(error: unknown): Error {
  if (error instanceof Error && error.name === 'ReplyError') return createReplyError(error.message);
  if (error instanceof Error) return new ConnectionError(error.message, { cause: error });
  return new ConnectionError(String(error));
}

/** ioredis decodes integers to numbers, rounded past 2^53: a bigint mode cannot be kept. */
function refuseBigInts(mode: ReplyMode, command: string): void {
  if (mode.bigints) {
    throw new RedspecError(
      `${command}: withBigInts() needs Redspec's own connection; ioredis decodes integers as numbers`,
    );
  }
}

function call(redis: IoredisLike, command: PreparedCommand, mode: ReplyMode): Promise<RespValue> {
  const [name, ...rest] = command.args;
  const sent = mode.buffers
    ? redis.callBuffer(String(name), ...rest)
    : redis.call(String(name), ...rest);
  return (sent as Promise<RespValue>).catch((error: unknown) => {
    throw translate(error);
  });
}

function queue(pipeline: IoredisPipelineLike, command: PreparedCommand, mode: ReplyMode): void {
  const [name, ...rest] = command.args;
  if (mode.buffers) pipeline.callBuffer(String(name), ...rest);
  else pipeline.call(String(name), ...rest);
}

function whenReady(redis: IoredisLike): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('error', reject);
  });
}

/**
 * Runs the typed client over an existing ioredis instance (which speaks RESP2). Transactions
 * are sent as MULTI … EXEC inside one ioredis pipeline, as our own connection frames them.
 */
export class IoredisBackend implements CommandBackend {
  /** ioredis reports its own connection's life on the instance you gave; none is repeated here. */
  readonly events = new ClientEventEmitter();
  private readonly subscribers = new Map<boolean, IoredisSubscriber>();
  private info: ServerInfo | undefined;
  private connecting: Promise<ServerInfo> | undefined;
  /** Duplicates for blocking commands and WATCH, kept for reuse. */
  private readonly idle: IoredisLike[] = [];
  /** Every duplicate opened, idle or busy: closing the client closes them all. */
  private readonly duplicates = new Set<IoredisLike>();

  /** `closeWrapped`: whether closing the client closes `redis` too (`fromIoredis` option). */
  constructor(
    private readonly redis: IoredisLike,
    private readonly closeWrapped = true,
  ) {}

  get server(): ServerInfo | undefined {
    return this.info;
  }

  ready(): Promise<ServerInfo> {
    this.connecting ??= whenReady(this.redis)
      .then(() => this.redis.call('INFO', 'server'))
      .then((reply) => (this.info = serverInfoFromInfo(reply as RespValue, 2)));
    return this.connecting;
  }

  connect(): Promise<ServerInfo> {
    return this.ready();
  }

  async send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    refuseBigInts(mode, command.name);
    // Prepared before the server was known: check it first (ioredis sends at once).
    const { signal, name } = command;
    if (signal?.aborted === true) throw new AbortError(name, signal.reason, false);
    if (command.verify !== undefined) command.verify(await this.ready());
    if (command.blockingMs === undefined) {
      const reply = settled(call(this.redis, command, mode));
      return settleReply(command, await untilAborted(reply, signal, name));
    }
    const connection = this.takeDuplicate();
    // Aborted while blocked, the duplicate is closed: the server would hold it until the timeout.
    let aborted = false;
    try {
      const reply = settled(call(connection, command, mode));
      const closeBlocked = (): void => {
        aborted = true;
        connection.disconnect();
      };
      return settleReply(command, await untilAborted(reply, signal, name, closeBlocked));
    } finally {
      if (aborted) this.duplicates.delete(connection);
      else this.giveBack(connection);
    }
  }

  async sendBatch(
    batch: CommandBatch,
    mode: ReplyMode,
    redis: IoredisLike = this.redis,
  ): Promise<BatchReplies> {
    refuseBigInts(mode, batch.commands[0]?.name ?? 'batch');
    const pipeline = redis.pipeline();
    if (batch.transaction) queue(pipeline, MULTI, mode);
    for (const command of batch.commands) queue(pipeline, command, mode);
    if (batch.transaction) queue(pipeline, EXEC, mode);
    const results = await pipeline.exec().catch((error: unknown) => {
      throw translate(error);
    });
    if (results === null) throw new ConnectionError('ioredis did not execute the batch');
    const replies = results.map(([error, value]) =>
      error !== null ? translate(error) : (value as RespValue),
    );
    if (!batch.transaction) return { replies };
    const multi = replies[0];
    return { replies: replies.slice(1, -1), exec: multi instanceof Error ? multi : replies.at(-1) };
  }

  async lease(mode: ReplyMode): Promise<LeasedChannel> {
    refuseBigInts(mode, 'WATCH');
    const connection = this.takeDuplicate();
    await whenReady(connection);
    let released = false;
    return {
      server: this.info,
      sendBatch: (batch) => this.sendBatch(batch, mode, connection),
      release: async ({ unwatch }) => {
        if (released) return;
        released = true;
        if (unwatch) await call(connection, UNWATCH, mode).catch(() => undefined);
        this.giveBack(connection);
      },
    };
  }

  pubsub(mode: ReplyMode): IoredisSubscriber {
    let subscriber = this.subscribers.get(mode.buffers);
    if (subscriber === undefined) {
      subscriber = new IoredisSubscriber(this.redis, mode.buffers);
      this.subscribers.set(mode.buffers, subscriber);
    }
    return subscriber;
  }

  /**
   * Closes what this adapter opened (duplicates, subscribers), then the wrapped instance unless
   * it was given with `closeWrapped: false`: a client left open would keep the process alive.
   */
  async quit(): Promise<void> {
    const subscribers = [...this.subscribers.values()].map((subscriber) => subscriber.quit());
    const duplicates = [...this.duplicates].map((connection) => quietly(connection.quit()));
    this.duplicates.clear();
    this.idle.length = 0;
    await Promise.all([...duplicates, ...subscribers]);
    if (this.closeWrapped && this.redis.status !== 'end') {
      const ended = whenEnded(this.redis);
      await quietly(this.redis.quit());
      await ended;
    }
  }

  disconnect(): void {
    for (const connection of this.duplicates) connection.disconnect();
    this.duplicates.clear();
    this.idle.length = 0;
    for (const subscriber of this.subscribers.values()) subscriber.disconnect();
    if (this.closeWrapped) this.redis.disconnect();
  }

  private takeDuplicate(): IoredisLike {
    const idle = this.idle.pop();
    if (idle !== undefined) return idle;
    const connection = this.redis.duplicate();
    this.duplicates.add(connection);
    return connection;
  }

  /** Back to the idle list, unless the client was closed meanwhile (then it is closed too). */
  private giveBack(connection: IoredisLike): void {
    if (this.duplicates.has(connection)) this.idle.push(connection);
  }
}

/**
 * ioredis resolves `quit()` on QUIT's reply, before the server closes the socket; its `end`
 * event comes after. Waits for it, at most `END_WAIT_MS`: the socket is being closed anyway.
 */
function whenEnded(redis: IoredisLike): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, END_WAIT_MS);
    timer.unref();
    redis.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
const END_WAIT_MS = 1000;

/** A close that may find the connection already closed (ioredis then rejects): done either way. */
const quietly = (closing: Promise<unknown>): Promise<void> =>
  closing.then(
    () => undefined,
    () => undefined,
  );

/** A reply or its error as a value, so `settleReply` names the error after its command. */
const settled = (reply: Promise<RespValue>): Promise<RespValue> =>
  reply.catch((error: unknown) => error as Error);
