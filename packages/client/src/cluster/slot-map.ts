import type { NodeAddress } from './cluster-config.js';
import { SLOT_COUNT } from './key-slot.js';

/** A node of the slot map. `address` (`host:port`) identifies it and its connection. */
export interface ClusterNode extends NodeAddress {
  readonly address: string;
  readonly role: 'primary' | 'replica';
  /** The node id, where the server told it (MOVED redirections do not). */
  readonly id: string | undefined;
}

/** A primary, the replicas serving reads for it, and the slot ranges they own. */
export interface Shard {
  readonly primary: ClusterNode;
  readonly replicas: readonly ClusterNode[];
  /** Inclusive `[start, end]` ranges. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Builds a node description; `address` is derived so every node of one host:port matches. */
export function clusterNode(
  host: string,
  port: number,
  role: ClusterNode['role'],
  id?: string,
): ClusterNode {
  return { host, port, address: `${host}:${port}`, role, id };
}

/**
 * Which shard owns each of the 16384 slots. Built from CLUSTER SHARDS or CLUSTER SLOTS, then
 * patched by MOVED replies until the next full refresh replaces it.
 */
export class SlotMap {
  private readonly owners: (Shard | undefined)[] = new Array<Shard | undefined>(SLOT_COUNT);
  private readonly shardList: Shard[] = [];

  constructor(shards: readonly Shard[]) {
    for (const shard of shards) {
      this.shardList.push(shard);
      for (const [start, end] of shard.ranges) this.owners.fill(shard, start, end + 1);
    }
  }

  shardOf(slot: number): Shard | undefined {
    return this.owners[slot];
  }

  get shards(): readonly Shard[] {
    return this.shardList;
  }

  /** Every primary, then every replica. */
  nodes(): ClusterNode[] {
    return [...this.primaries(), ...this.shardList.flatMap((shard) => shard.replicas)];
  }

  primaries(): ClusterNode[] {
    return this.shardList.map((shard) => shard.primary);
  }

  /** `MOVED slot host:port`: the slot now belongs to that primary's shard (a new one if unknown). */
  moveSlot(slot: number, host: string, port: number): void {
    const address = `${host}:${port}`;
    let shard = this.shardList.find((candidate) => candidate.primary.address === address);
    if (shard === undefined) {
      shard = { primary: clusterNode(host, port, 'primary'), replicas: [], ranges: [] };
      this.shardList.push(shard);
    }
    this.owners[slot] = shard;
  }
}
