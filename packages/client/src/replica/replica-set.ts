import type { RedisConnectionOptions } from '../connection/connection-options.js';
import { RedisConnection } from '../connection/redis-connection.js';
import type { ServerAddress } from '../connection/server-locator.js';

/** Where the replicas are: a fixed list, or Sentinel's `SENTINEL REPLICAS`. */
export type ReplicaSource = () => Promise<readonly ServerAddress[]>;

/**
 * One auto-pipelined connection per replica, connected as soon as the replica is known and
 * reconnecting like the primary's. `pick` takes the connected ones in turn; the set is
 * refreshed from its source on demand (Sentinel: after a failover or a replica event), closing
 * the connections of replicas no longer listed.
 */
export class ReplicaSet {
  private readonly connections = new Map<string, RedisConnection>();
  private turn = 0;
  private loading: Promise<void> | undefined;
  private loaded = false;
  private closed = false;

  constructor(
    private readonly settings: RedisConnectionOptions,
    private readonly source: ReplicaSource,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Whether the source was asked once (a read before that waits for it). */
  get known(): boolean {
    return this.loaded;
  }

  /**
   * A connected replica, in turn; with `any`, when none is connected, a known one anyway (its
   * commands wait for it to connect, up to their deadline). Undefined when none fits.
   */
  pick(any: boolean): RedisConnection | undefined {
    const all = [...this.connections.values()];
    const ready = all.filter((connection) => connection.status === 'ready');
    const from = ready.length > 0 ? ready : any ? all : [];
    if (from.length === 0) return undefined;
    return from[this.turn++ % from.length];
  }

  /** Asks the source again; concurrent calls share one request. Never rejects. */
  refresh(): Promise<void> {
    this.loading ??= this.source()
      .then(
        (addresses) => this.update(addresses),
        (error: Error) => this.onError(error),
      )
      .finally(() => {
        this.loaded = true;
        this.loading = undefined;
      });
    return this.loading;
  }

  async close(graceful: boolean): Promise<void> {
    this.closed = true;
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      all.map((connection) => (graceful ? connection.quit() : connection.disconnect())),
    );
  }

  private update(addresses: readonly ServerAddress[]): void {
    if (this.closed) return;
    const wanted = new Map(
      addresses.map((address) => [`${address.host}:${address.port}`, address]),
    );
    for (const [key, connection] of this.connections) {
      if (wanted.has(key)) continue;
      this.connections.delete(key);
      void connection.quit();
    }
    for (const [key, { host, port }] of wanted) {
      if (this.connections.has(key)) continue;
      const connection = new RedisConnection({ ...this.settings, host, port });
      connection.on('error', (error) => this.onError(error));
      this.connections.set(key, connection);
      // Connected now, so `prefer-replica` finds it ready for the next reads.
      connection.connect().catch(() => undefined);
    }
  }
}
