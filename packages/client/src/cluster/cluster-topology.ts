import {
  commandTable,
  prepareCommand,
  ReplyError,
  type ClusterShardsReply,
  type ClusterSlotsReply,
  type ServerInfo,
} from '@redspec/types/internal';
import type { NodeAddress, ReadFrom } from './cluster-config.js';
import { ClusterDiscoveryError, ClusterRoutingError } from './cluster-errors.js';
import type { NodePool } from './node-pool.js';
import { shardsFromClusterShards, shardsFromClusterSlots } from './parse-topology.js';
import { clusterNode, SlotMap, type ClusterNode, type Shard } from './slot-map.js';

/**
 * The cluster's slot map and how it stays current: discovered from the first node that answers
 * CLUSTER SHARDS (CLUSTER SLOTS before Redis 7), patched by MOVED, and rediscovered when asked
 * (MOVED, CLUSTERDOWN, a lost node). Concurrent refreshes share one discovery.
 */
export class ClusterTopology {
  private map: SlotMap | undefined;
  private refreshing: Promise<void> | undefined;
  /** Set once a node said it has no CLUSTER SHARDS, so later refreshes ask for SLOTS at once. */
  private slotsOnly = false;
  private serverInfo: ServerInfo | undefined;
  /** Told once, when the first slot map is known: the cluster client's `ready` event. */
  onFirstMap: ((server: ServerInfo) => void) | undefined;

  constructor(
    private readonly rootNodes: readonly NodeAddress[],
    readonly readFrom: ReadFrom,
    private readonly pool: NodePool,
    private readonly tls: boolean,
  ) {}

  /** The server of the node that answered the last discovery; undefined before. */
  get server(): ServerInfo | undefined {
    return this.serverInfo;
  }

  get slotMap(): SlotMap | undefined {
    return this.map;
  }

  /** Resolves once a slot map is known, discovering it the first time. */
  ready(): Promise<void> {
    return this.map !== undefined ? Promise.resolve() : this.refresh();
  }

  /** Rediscovers the slot map; joins the discovery already running, if any. */
  refresh(): Promise<void> {
    this.refreshing ??= this.discover().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /**
   * Rediscovers the slot map asking `node` first, after the discovery already running (which
   * may have asked a node that had not heard yet): `node` just showed it knows of a change,
   * e.g. by dropping the shard channels of a slot it gave up.
   */
  refreshFrom(node: NodeAddress): Promise<void> {
    const run: Promise<void> = (this.refreshing ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.discover(node))
      .finally(() => {
        if (this.refreshing === run) this.refreshing = undefined;
      });
    this.refreshing = run;
    return run;
  }

  /** A refresh nobody waits for; its failure is forgotten (the next command asks again). */
  scheduleRefresh(): void {
    this.refresh().catch(() => undefined);
  }

  /** Told of every MOVED (a client-side cache flushes: the slot's keys changed hands). */
  onMoved: (() => void) | undefined;

  /** `MOVED`: patch the map now, so the retry goes to the right node, and rediscover soon. */
  moved(slot: number, host: string, port: number): void {
    this.onMoved?.();
    this.map?.moveSlot(slot, host, port);
    this.scheduleRefresh();
  }

  /**
   * The node a command for `slot` goes to: the primary, or for reads (with `readFrom` set) a
   * random replica of the shard. Throws `ClusterRoutingError` when no node serves the slot.
   */
  nodeForSlot(slot: number, read: boolean): ClusterNode {
    const shard = this.map?.shardOf(slot);
    if (shard === undefined) {
      throw new ClusterRoutingError(`No node serves slot ${slot} in the current slot map`);
    }
    if (!read || this.readFrom === 'primary') return shard.primary;
    const replica = randomItem(shard.replicas);
    if (replica !== undefined) return replica;
    if (this.readFrom === 'prefer-replica') return shard.primary;
    throw new ClusterRoutingError(`No replica serves slot ${slot} (readFrom: 'replica')`);
  }

  /** Any primary, for keyless commands. */
  randomPrimary(): ClusterNode {
    const node = randomItem(this.map?.primaries() ?? []);
    if (node === undefined) throw new ClusterRoutingError('The slot map has no primary');
    return node;
  }

  private async discover(first?: NodeAddress): Promise<void> {
    const errors: Error[] = [];
    for (const node of this.candidates(first)) {
      try {
        const shards = await this.askNode(node);
        if (shards.length === 0) throw new ClusterRoutingError(`${node.address} knows no slots`);
        const first = this.map === undefined;
        this.map = new SlotMap(shards);
        this.pool.retain(new Set(this.map.nodes().map((known) => known.address)));
        if (first) this.onFirstMap?.(this.serverInfo!);
        return;
      } catch (error) {
        errors.push(error as Error);
      }
    }
    const reasons = errors.map((error) => error.message).join('; ');
    throw new ClusterDiscoveryError(`No cluster node returned the slot map: ${reasons}`, {
      cause: new AggregateError(errors),
    });
  }

  /** `first`, known nodes with a working connection, the rest, then the root nodes. */
  private candidates(first?: NodeAddress): ClusterNode[] {
    const known = this.map?.nodes() ?? [];
    const roots = this.rootNodes.map(({ host, port }) => clusterNode(host, port, 'primary'));
    const head = first === undefined ? [] : [clusterNode(first.host, first.port, 'primary')];
    const seen = new Set(head.map((node) => node.address));
    const unique = [...known, ...roots].filter((node) => {
      if (seen.has(node.address)) return false;
      seen.add(node.address);
      return true;
    });
    const live = (node: ClusterNode): boolean => this.pool.isReady(node.address);
    return [...head, ...unique.filter(live), ...unique.filter((node) => !live(node))];
  }

  private async askNode(node: ClusterNode): Promise<Shard[]> {
    const { connection } = this.pool.get(node);
    if (!this.slotsOnly) {
      try {
        const shards = await connection.send(
          prepareCommand(commandTable.clusterShards, [], undefined),
        );
        this.serverInfo = connection.server;
        return shardsFromClusterShards(shards as ClusterShardsReply, node.host, this.tls);
      } catch (error) {
        if (!isUnknownCommand(error)) throw error;
        this.slotsOnly = true;
      }
    }
    const slots = await connection.send(prepareCommand(commandTable.clusterSlots, [], undefined));
    this.serverInfo = connection.server;
    return shardsFromClusterSlots(slots as ClusterSlotsReply, node.host);
  }
}

/** `ERR unknown subcommand 'SHARDS'` on servers before 7.0. */
function isUnknownCommand(error: unknown): boolean {
  return error instanceof ReplyError && /unknown (sub)?command/i.test(error.message);
}

function randomItem<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}
