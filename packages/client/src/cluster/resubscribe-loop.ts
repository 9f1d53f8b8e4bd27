import { setTimeout as sleep } from 'node:timers/promises';
import type { ResubscribedEvent, SubscriptionKind } from '../pubsub/pubsub-types.js';
import type { NodeAddress } from './cluster-config.js';

/** What the loop needs from the cluster subscriber. */
export interface ResubscribeTarget {
  /** Whether a name is still wanted (its subscription may have ended meanwhile). */
  wants(kind: SubscriptionKind, name: string): boolean;
  /**
   * Rediscovers the slot map (asking `informed` first, when known), then subscribes the names
   * where they belong now.
   */
  place(
    lost: Readonly<Record<SubscriptionKind, readonly string[]>>,
    informed: NodeAddress | undefined,
  ): Promise<void>;
  resubscribed(event: ResubscribedEvent): void;
  error(error: Error): void;
}

export type LostNames = Partial<Record<SubscriptionKind, readonly string[]>>;

const KINDS = ['channel', 'pattern', 'shard'] as const;

/** 50, 100, 200 … ms, at most 1 s: a failover takes seconds, a slot move milliseconds. */
const retryDelay = (attempt: number): number => Math.min(1000, 50 * 2 ** attempt);

/**
 * Subscriptions a node dropped (its slot moved, it failed over, its connection died), waiting
 * to be made again at their new homes. One loop serves them all, however many connections
 * fail at once: names lost meanwhile join the next try, so a storm of failures never starts
 * a storm of retries. It keeps trying (the delays capped at 1 s) until the client closes;
 * each success emits one `resubscribed` with the gap since the earliest drop it covers.
 */
export class ResubscribeLoop {
  private readonly pending: Record<SubscriptionKind, Set<string>> = {
    channel: new Set(),
    pattern: new Set(),
    shard: new Set(),
  };
  private droppedAt: number | undefined;
  /** The node that last dropped names on its own: it knows where they went. */
  private informed: NodeAddress | undefined;
  private running = false;

  constructor(
    private readonly target: ResubscribeTarget,
    private readonly closed: AbortSignal,
  ) {}

  /**
   * Names a node no longer delivers, noticed at `droppedAt`; `informed` when that node dropped
   * them itself (a moved slot, a demotion), so its slot map is newer than others'.
   */
  add(lost: LostNames, droppedAt = performance.now(), informed?: NodeAddress): void {
    for (const kind of KINDS) for (const name of lost[kind] ?? []) this.pending[kind].add(name);
    this.informed = informed ?? this.informed;
    this.droppedAt = Math.min(this.droppedAt ?? droppedAt, droppedAt);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let attempt = 0; !this.closed.aborted; attempt++) {
        const names = this.take();
        if (names === undefined) {
          this.droppedAt = undefined;
          return;
        }
        const since = this.droppedAt!;
        const informed = this.informed;
        this.droppedAt = this.informed = undefined;
        try {
          await this.target.place(names, informed);
        } catch (error) {
          this.add(names, since, informed);
          this.target.error(error as Error);
          await sleep(retryDelay(attempt), undefined, { signal: this.closed }).catch(() => {});
          continue;
        }
        attempt = -1;
        this.target.resubscribed({
          channels: names.channel,
          patterns: names.pattern,
          shardChannels: names.shard,
          gapMs: Math.round(performance.now() - since),
        });
      }
    } finally {
      this.running = false;
    }
  }

  /** The pending names still wanted, emptying the queue; undefined when there are none. */
  private take(): Record<SubscriptionKind, string[]> | undefined {
    const names = { channel: [], pattern: [], shard: [] } as Record<SubscriptionKind, string[]>;
    let any = false;
    for (const kind of KINDS) {
      for (const name of this.pending[kind]) {
        if (!this.target.wants(kind, name)) continue;
        names[kind].push(name);
        any = true;
      }
      this.pending[kind].clear();
    }
    return any ? names : undefined;
  }
}
