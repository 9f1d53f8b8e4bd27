import type {
  BatchReplies,
  CommandBatch,
  LeasedChannel,
  PreparedCommand,
  ServerInfo,
} from '@redspec/types/internal';
import type { ClientEventEmitter } from '../backend/client-events.js';
import type { CommandBackend, ReplyMode } from '../backend/command-backend.js';
import type { ReadFrom } from '../cluster/cluster-config.js';
import type { RedisConnection } from '../connection/redis-connection.js';
import { ConnectionError } from '../errors.js';
import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import { isReplicaBatch, isReplicaRead } from './read-route.js';
import type { ReplicaSet } from './replica-set.js';

/** A replica's connection, the primary (undefined), or why no server may take the read. */
type Choice = RedisConnection | undefined | ConnectionError;

/**
 * Reads from replicas, without a cluster: a command whose spec says READONLY (and a pipeline
 * of nothing else) goes to a replica under `readFrom: 'replica'`, or under `'prefer-replica'`
 * when one is connected (else to the primary, which also takes over a read whose replica
 * connection dropped before its reply); writes, mixed pipelines, transactions, WATCH,
 * blocking commands and pub/sub always go to the primary backend underneath.
 */
export class ReplicaReadBackend implements CommandBackend {
  constructor(
    private readonly primary: CommandBackend,
    private readonly replicas: ReplicaSet,
    private readonly readFrom: Exclude<ReadFrom, 'primary'>,
  ) {}

  get events(): ClientEventEmitter {
    return this.primary.events;
  }

  get server(): ServerInfo | undefined {
    return this.primary.server;
  }

  ready(): Promise<ServerInfo> {
    return this.primary.ready();
  }

  connect(): Promise<ServerInfo> {
    if (!this.replicas.known) void this.replicas.refresh();
    return this.primary.connect();
  }

  send(command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    if (!isReplicaRead(command)) return this.primary.send(command, mode);
    const replica = this.replica();
    if (replica instanceof Promise) {
      return replica.then((connection) => this.sendOne(connection, command, mode));
    }
    return this.sendOne(replica, command, mode);
  }

  sendBatch(batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    if (!isReplicaBatch(batch)) return this.primary.sendBatch(batch, mode);
    const replica = this.replica();
    if (replica instanceof Promise) {
      return replica.then((connection) => this.sendMany(connection, batch, mode));
    }
    return this.sendMany(replica, batch, mode);
  }

  lease(mode: ReplyMode): Promise<LeasedChannel> {
    return this.primary.lease(mode);
  }

  pubsub(mode: ReplyMode): PubSubBackend {
    return this.primary.pubsub(mode);
  }

  async quit(): Promise<void> {
    await Promise.all([this.replicas.close(true), this.primary.quit()]);
  }

  disconnect(): void {
    void this.replicas.close(false);
    this.primary.disconnect();
  }

  /**
   * The replica for the next read; undefined means the primary, an error that none may serve
   * it. Waits for the first listing (Sentinel is asked on first use).
   */
  private replica(): Choice | Promise<Choice> {
    if (!this.replicas.known) return this.replicas.refresh().then(() => this.choose());
    return this.choose();
  }

  private choose(): Choice {
    const strict = this.readFrom === 'replica';
    const replica = this.replicas.pick(strict);
    if (replica === undefined && strict) {
      return new ConnectionError("readFrom is 'replica' but no replica is known");
    }
    return replica;
  }

  private sendOne(replica: Choice, command: PreparedCommand, mode: ReplyMode): Promise<unknown> {
    if (replica instanceof Error) return Promise.reject(replica);
    if (replica === undefined) return this.primary.send(command, mode);
    const sent = replica.send(command, mode);
    if (this.readFrom !== 'prefer-replica') return sent;
    // A read is safe to run twice: a replica lost mid-read hands it to the primary.
    return sent.catch((error: unknown) => {
      if (!(error instanceof ConnectionError)) throw error;
      return this.primary.send(command, mode);
    });
  }

  private sendMany(replica: Choice, batch: CommandBatch, mode: ReplyMode): Promise<BatchReplies> {
    if (replica instanceof Error) return Promise.reject(replica);
    if (replica === undefined) return this.primary.sendBatch(batch, mode);
    const sent = replica.sendBatch(batch, mode);
    if (this.readFrom !== 'prefer-replica') return sent;
    const toPrimary = (): Promise<BatchReplies> => this.primary.sendBatch(batch, mode);
    return sent.then(
      (result) => (result.interrupted instanceof ConnectionError ? toPrimary() : result),
      (error: unknown) => {
        if (!(error instanceof ConnectionError)) throw error;
        return toPrimary();
      },
    );
  }
}
