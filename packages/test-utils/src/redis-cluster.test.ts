import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessRunning } from './is-process-running.js';
import { rawCommand } from './raw-command.js';
import type { RawReply } from './resp-reply.js';
import { startRedisCluster } from './redis-cluster.js';
import type { RedisClusterHandle, RedisClusterNode } from './redis-cluster.js';

const infoField = (info: RawReply, field: string): string | undefined =>
  new RegExp(`^${field}:(\\S+)`, 'm').exec(String(info))?.[1];

describe('startRedisCluster', () => {
  let cluster: RedisClusterHandle;
  beforeAll(async () => {
    cluster = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
  }, 30_000);
  afterAll(() => cluster?.stop());

  it('forms 3 primaries and 3 replicas on distinct ports', () => {
    expect(cluster.nodes).toHaveLength(6);
    expect(cluster.nodes.filter((node) => node.role === 'primary')).toHaveLength(3);
    expect(new Set(cluster.nodes.map((node) => node.port)).size).toBe(6);
    expect(cluster.rootNodes).toEqual(cluster.nodes.map(({ host, port }) => ({ host, port })));
  });

  it('is cluster_state:ok with all 16384 slots on every node', async () => {
    for (const node of cluster.nodes) {
      const info = await rawCommand(node, ['CLUSTER', 'INFO']);
      expect(infoField(info, 'cluster_state')).toBe('ok');
      expect(infoField(info, 'cluster_slots_ok')).toBe('16384');
      expect(infoField(info, 'cluster_known_nodes')).toBe('6');
      expect(infoField(info, 'cluster_size')).toBe('3');
    }
  });

  it('serves CLUSTER SLOTS covering every slot, each range with a primary and a replica', async () => {
    const slots = (await rawCommand(cluster.nodes[0]!, ['CLUSTER', 'SLOTS'])) as RawReply[][];
    const ranges = slots
      .map(([start, end]) => [Number(start), Number(end)])
      .sort((a, b) => a[0]! - b[0]!);
    let next = 0;
    for (const [start, end] of ranges) {
      expect(start).toBe(next);
      next = end! + 1;
    }
    expect(next).toBe(16_384);
    for (const range of slots) expect(range.slice(2)).toHaveLength(2);
  });

  it('fails a killed primary over to its replica, and takes it back as a replica', async () => {
    const primary = cluster.nodes.find((node) => node.role === 'primary') as RedisClusterNode;
    const replica = await replicaOf(primary);
    await cluster.killNode(primary.port);
    expect(isProcessRunning(primary.pid)).toBe(false);
    await cluster.waitUntilReady();
    expect(((await rawCommand(replica, ['ROLE'])) as RawReply[])[0]).toBe('master');

    await primary.restart(); // kill() kept its nodes.conf, so it rejoins
    await cluster.waitUntilReady();
    expect(((await rawCommand(primary, ['ROLE'])) as RawReply[])[0]).toBe('slave');
  }, 30_000);

  it('stops every node by pid', async () => {
    const pids = cluster.nodes.map((node) => node.pid);
    await cluster.stop();
    expect(pids.filter(isProcessRunning)).toEqual([]);
  });

  async function replicaOf(primary: RedisClusterNode): Promise<RedisClusterNode> {
    const [, , replicas] = (await rawCommand(primary, ['ROLE'])) as [string, number, string[][]];
    const port = Number(replicas[0]?.[1]);
    return cluster.nodes.find((node) => node.port === port) as RedisClusterNode;
  }
});
