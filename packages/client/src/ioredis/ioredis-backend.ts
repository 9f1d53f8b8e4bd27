import {
  createReplyError,
  type LeasedChannel,
  type RedisArgument,
  type RespValue,
  type ServerInfo,
} from '@redspec/types';
import type { BackendSendOptions, ClientBackend } from '../client-backend.js';
import { serverInfoFromInfo } from '../connection/server-info.js';
import { ConnectionError } from '../errors.js';
import type { IoredisLike } from './ioredis-like.js';

/** ioredis rejects with its own ReplyError; ours carries the code and the typed subclass. */
function translate(error: unknown): Error {
  if (error instanceof Error && error.name === 'ReplyError') return createReplyError(error.message);
  if (error instanceof Error) return new ConnectionError(error.message, { cause: error });
  return new ConnectionError(String(error));
}

function call(
  redis: IoredisLike,
  args: readonly RedisArgument[],
  options: BackendSendOptions,
): Promise<RespValue> {
  const [command, ...rest] = args;
  const sent = options.returnBuffers
    ? redis.callBuffer(String(command), ...rest)
    : redis.call(String(command), ...rest);
  return (sent as Promise<RespValue>).catch((error: unknown) => {
    throw translate(error);
  });
}

function whenReady(redis: IoredisLike): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('error', reject);
  });
}

/** Runs the typed client over an existing ioredis instance (which speaks RESP2). */
export class IoredisBackend implements ClientBackend {
  private info: ServerInfo | undefined;
  private connecting: Promise<void> | undefined;
  /** Duplicates for blocking commands and WATCH, kept for reuse. */
  private readonly idle: IoredisLike[] = [];

  constructor(private readonly redis: IoredisLike) {}

  get server(): ServerInfo | undefined {
    return this.info;
  }

  connect(): Promise<void> {
    this.connecting ??= whenReady(this.redis)
      .then(() => this.redis.call('INFO', 'server'))
      .then((reply) => {
        this.info = serverInfoFromInfo(reply as RespValue, 2);
      });
    return this.connecting;
  }

  send(args: readonly RedisArgument[], options: BackendSendOptions): Promise<RespValue> {
    return call(this.redis, args, options);
  }

  async sendBlocking(
    args: readonly RedisArgument[],
    options: BackendSendOptions,
  ): Promise<RespValue> {
    const connection = this.idle.pop() ?? this.redis.duplicate();
    try {
      return await call(connection, args, options);
    } finally {
      this.idle.push(connection);
    }
  }

  async sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    _timeoutMs: number | undefined,
    options: BackendSendOptions,
    redis: IoredisLike = this.redis,
  ): Promise<RespValue[]> {
    const pipeline = redis.pipeline();
    for (const [command, ...rest] of commands) {
      if (options.returnBuffers) pipeline.callBuffer(String(command), ...rest);
      else pipeline.call(String(command), ...rest);
    }
    const results = await pipeline.exec().catch((error: unknown) => {
      throw translate(error);
    });
    if (results === null) throw new ConnectionError('ioredis did not execute the batch');
    return results.map(([error, value]) =>
      error !== null ? translate(error) : (value as RespValue),
    );
  }

  async lease(): Promise<LeasedChannel> {
    const connection = this.idle.pop() ?? this.redis.duplicate();
    await whenReady(connection);
    return {
      server: this.info,
      sendBatch: (commands, timeoutMs, options) =>
        this.sendBatch(
          commands,
          timeoutMs,
          { returnBuffers: options?.returnBuffers === true },
          connection,
        ),
      // The pipeline leaves the connection unwatched (UNWATCH when EXEC was never sent).
      release: () => {
        this.idle.push(connection);
        return Promise.resolve();
      },
    };
  }

  /** Closes the duplicates this adapter opened; the wrapped instance stays the caller's. */
  async quit(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((connection) => connection.quit()));
  }

  disconnect(): void {
    for (const connection of this.idle.splice(0)) connection.disconnect();
  }
}
