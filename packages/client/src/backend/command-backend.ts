import type { CacheStats } from '../cache/client-side-cache.js';
import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import type { ClientEventEmitter } from './client-events.js';
import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  PreparedCommand,
  ServerInfo,
} from '@redspec/types/internal';

/** How a client view wants replies decoded: bulk strings as strings or Buffers, integers as numbers or bigints. */
export interface ReplyMode {
  readonly buffers: boolean;
  /** Integer replies as bigints (`withBigInts()`). */
  readonly bigints: boolean;
}

/**
 * What a client runs on: one server over our own connection (`StandaloneBackend`), a Redis
 * Cluster routed by spec (`ClusterBackend`), or an adapted ioredis instance (`IoredisBackend`).
 * Every backend takes prepared commands, so none guesses a fact back from wire words; the
 * standalone connection frames transactions itself, the cluster routes them by slot.
 */
export interface CommandBackend {
  /** What the server said about itself; undefined before the first connection. */
  readonly server: ServerInfo | undefined;
  /**
   * Resolves once connected, connecting now if needed: what a command waits on. Waits through
   * failed attempts, up to the command timeout, since the server may just be starting.
   */
  ready(): Promise<ServerInfo>;
  /** `client.connect()`: connects now and rejects as soon as the attempt under way fails. */
  connect(): Promise<ServerInfo>;
  /**
   * One command. Resolves with its reply shaped by its plan; rejects with its `ReplyError`
   * (named after it) or why no reply came. A blocking one runs on a connection of its own.
   * One command has its own path, not a batch of one, because it is the hot path: it costs
   * one entry and one Promise (bench: `Promise.all of 10k GET`).
   */
  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown>;
  /** A pipeline's or a transaction's commands, one round trip per server; errors in place. */
  sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies>;
  /** A dedicated connection, for WATCH. */
  lease(mode: ReplyMode): Promise<LeasedChannel>;
  /** The client's events (connections' life, resubscriptions), shared by its views. */
  readonly events: ClientEventEmitter;
  /** The pub/sub side, decoding messages in `mode`; created on first use. */
  pubsub(mode: ReplyMode): PubSubBackend;
  /** Waits for pending replies, then closes every connection. */
  quit(): Promise<void>;
  /** Closes every connection now; pending commands reject. */
  disconnect(): void;
  /** The client-side cache's counters; absent when `clientSideCache` is off. */
  cacheStats?(): CacheStats;
}
