import type { LeasedChannel, RedisArgument, RespValue, ServerInfo } from '@redspec/types';

/** Per-call reply decoding for a backend. */
export interface BackendSendOptions {
  returnBuffers: boolean;
}

/**
 * What a client runs on: our own RESP connection (the default, and the fast one) or an adapted
 * ioredis instance. The typed surface, encoding and reply shaping live in the client, once.
 */
export interface ClientBackend {
  readonly server: ServerInfo | undefined;
  connect(): Promise<void>;
  /** Resolves with the decoded reply; rejects with its `ReplyError`. */
  send(args: readonly RedisArgument[], options: BackendSendOptions): Promise<RespValue>;
  /** A blocking command, on a connection nobody else is using meanwhile. */
  sendBlocking(args: readonly RedisArgument[], options: BackendSendOptions): Promise<RespValue>;
  /** Replies in order, errors in place. */
  sendBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs: number | undefined,
    options: BackendSendOptions,
  ): Promise<RespValue[]>;
  lease(): Promise<LeasedChannel>;
  quit(): Promise<void>;
  disconnect(): void;
}
