import { rawCommand, type RedisClusterHandle, type RedisClusterNode } from '@redspec/test-utils';
import { keySlot } from '../../src/index.js';

/**
 * Moving slots and primaries on a test cluster the way an operator would, with raw commands,
 * asking the servers (not the client under test) who owns what.
 */
export class SlotMoves {
  constructor(private readonly handle: RedisClusterHandle) {}

  byPort(port: number): RedisClusterNode {
    const node = this.handle.nodes.find((candidate) => candidate.port === port);
    if (node === undefined) throw new Error(`no cluster node on port ${port}`);
    return node;
  }

  /** The primary serving `name`'s slot, as `node`'s CLUSTER SLOTS says. */
  async ownerOf(name: string, node = this.handle.nodes[0]!): Promise<RedisClusterNode> {
    const slot = keySlot(name);
    const ranges = (await rawCommand(node, ['CLUSTER', 'SLOTS'])) as unknown[][];
    const range = ranges.find(([start, end]) => Number(start) <= slot && slot <= Number(end));
    if (range === undefined) throw new Error(`no node serves slot ${slot}`);
    return this.byPort(Number((range[2] as unknown[])[1]));
  }

  /** A primary other than `node`. */
  async otherPrimary(node: RedisClusterNode): Promise<RedisClusterNode> {
    const ranges = (await rawCommand(node, ['CLUSTER', 'SLOTS'])) as unknown[][];
    const ports = ranges.map((range) => Number((range[2] as unknown[])[1]));
    return this.byPort(ports.find((port) => port !== node.port)!);
  }

  /** The replica `primary` has now (ROLE lists it once it synced). */
  async replicaOf(primary: RedisClusterNode): Promise<RedisClusterNode> {
    const [, , replicas] = (await rawCommand(primary, ['ROLE'])) as [string, number, unknown[][]];
    const port = Number(replicas[0]?.[1]);
    return this.byPort(port);
  }

  /**
   * Migrates `name`'s slot from `source` to `target` with its `keys`: IMPORTING on the target,
   * MIGRATING on the source, MIGRATE, then SETSLOT NODE on the target, the source and every
   * other primary (the order redis-cli uses). Resolves when the source has given the slot up.
   */
  async migrate(name: string, source: RedisClusterNode, target: RedisClusterNode, keys: string[]) {
    const slot = String(keySlot(name));
    const setSlot = (node: RedisClusterNode, ...args: string[]) =>
      rawCommand(node, ['CLUSTER', 'SETSLOT', slot, ...args]);
    await setSlot(target, 'IMPORTING', source.nodeId);
    await setSlot(source, 'MIGRATING', target.nodeId);
    const { host, port } = target;
    await rawCommand(source, ['MIGRATE', host, String(port), '', '0', '5000', 'KEYS', ...keys]);
    await setSlot(target, 'NODE', target.nodeId);
    await setSlot(source, 'NODE', target.nodeId);
    for (const node of this.handle.nodes) {
      if (node.port === source.port || node.port === target.port) continue;
      const [role] = (await rawCommand(node, ['ROLE'])) as [string];
      if (role === 'master') await setSlot(node, 'NODE', target.nodeId);
    }
  }
}
