import type { PubSubBackend } from '../pubsub/pubsub-backend.js';
import type { SubscriptionKind } from '../pubsub/pubsub-types.js';
import { SinkRegistry, type Sink } from '../pubsub/sink-registry.js';
import type { IoredisLike } from './ioredis-like.js';

type Names = (...names: string[]) => Promise<unknown>;

/**
 * Pub/sub through an adapted ioredis instance: a `duplicate()` of it in subscriber mode, whose
 * own reconnect logic subscribes again after a drop (ioredis' `autoResubscribe`).
 */
export class IoredisSubscriber implements PubSubBackend {
  private readonly registry = new SinkRegistry();
  private connection: IoredisLike | undefined;

  constructor(
    private readonly redis: IoredisLike,
    private readonly buffers: boolean,
  ) {}

  names(kind: SubscriptionKind): string[] {
    return this.registry.names(kind);
  }

  async subscribe(kind: SubscriptionKind, names: readonly string[], sink: Sink): Promise<void> {
    const fresh = this.registry.add(kind, names, sink);
    if (fresh.length === 0) return;
    try {
      await this.command(kind, true)(...fresh);
    } catch (error) {
      this.registry.remove(kind, fresh, sink);
      throw error;
    }
  }

  async unsubscribe(kind: SubscriptionKind, names: readonly string[], sink?: Sink): Promise<void> {
    const emptied = this.registry.remove(kind, names, sink);
    if (emptied.length > 0 && this.connection !== undefined) {
      await this.command(kind, false)(...emptied);
    }
  }

  async quit(): Promise<void> {
    this.registry.endAll();
    await this.connection?.quit();
  }

  disconnect(): void {
    this.registry.endAll();
    this.connection?.disconnect();
  }

  private command(kind: SubscriptionKind, subscribe: boolean): Names {
    const connection = this.open();
    const method: Names | undefined =
      kind === 'channel'
        ? subscribe
          ? connection.subscribe
          : connection.unsubscribe
        : kind === 'pattern'
          ? subscribe
            ? connection.psubscribe
            : connection.punsubscribe
          : subscribe
            ? connection.ssubscribe
            : connection.sunsubscribe;
    if (method === undefined) throw new TypeError('This ioredis version has no shard channels');
    return method.bind(connection);
  }

  private open(): IoredisLike {
    if (this.connection !== undefined) return this.connection;
    const connection = this.redis.duplicate();
    const suffix = this.buffers ? 'Buffer' : '';
    const dispatch = (frame: (string | Buffer)[]): void => void this.registry.dispatch(frame);
    connection.on(`message${suffix}`, (channel: string | Buffer, message: string | Buffer) =>
      dispatch(['message', channel, message]),
    );
    connection.on(
      `pmessage${suffix}`,
      (pattern: string | Buffer, channel: string | Buffer, message: string | Buffer) =>
        dispatch(['pmessage', pattern, channel, message]),
    );
    connection.on(`smessage${suffix}`, (channel: string | Buffer, message: string | Buffer) =>
      dispatch(['smessage', channel, message]),
    );
    this.connection = connection;
    return connection;
  }
}
