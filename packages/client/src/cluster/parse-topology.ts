import type { ClusterShardsReply, ClusterSlotsReply } from '@redspec/types';
import { clusterNode, type ClusterNode, type Shard } from './slot-map.js';

type ShardNode = NonNullable<ClusterShardsReply[number]['nodes']>[number];
type SlotsNode = ClusterSlotsReply[number][2];

/**
 * Shards from a normalized CLUSTER SHARDS reply (Redis 7+). Failed or loading replicas are
 * left out, so reads never go to them; shards without slots are skipped. `askedHost` stands in
 * for nodes whose endpoint the server does not know (`?`).
 */
export function shardsFromClusterShards(
  reply: ClusterShardsReply,
  askedHost: string,
  tls: boolean,
): Shard[] {
  const shards: Shard[] = [];
  for (const entry of reply) {
    const slots = (entry.slots ?? []).map(Number);
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < slots.length; i += 2) ranges.push([slots[i]!, slots[i + 1]!]);
    const nodes = entry.nodes ?? [];
    const primary = nodes.find((node) => node.role === 'master');
    if (ranges.length === 0 || primary === undefined) continue;
    const replicas = nodes
      .filter((node) => node.role !== 'master' && node.health === 'online')
      .map((node) => shardNode(node, 'replica', askedHost, tls));
    shards.push({ primary: shardNode(primary, 'primary', askedHost, tls), replicas, ranges });
  }
  return shards;
}

function shardNode(
  node: ShardNode,
  role: ClusterNode['role'],
  askedHost: string,
  tls: boolean,
): ClusterNode {
  const port = Number(tls && node['tls-port'] !== undefined ? node['tls-port'] : node.port);
  return clusterNode(endpointHost(node.endpoint ?? node.ip, askedHost), port, role, node.id);
}

/**
 * Shards from a normalized CLUSTER SLOTS reply, for servers before 7.0: one entry per slot
 * range, primary first, then the (non-failed) replicas. Ranges of one primary are merged.
 */
export function shardsFromClusterSlots(reply: ClusterSlotsReply, askedHost: string): Shard[] {
  const byPrimary = new Map<string, Shard & { ranges: [number, number][] }>();
  for (const [start, end, primary, ...replicas] of reply) {
    const primaryNode = slotsNode(primary, 'primary', askedHost);
    let shard = byPrimary.get(primaryNode.address);
    if (shard === undefined) {
      const replicaNodes = replicas.map((node) => slotsNode(node, 'replica', askedHost));
      shard = { primary: primaryNode, replicas: replicaNodes, ranges: [] };
      byPrimary.set(primaryNode.address, shard);
    }
    shard.ranges.push([Number(start), Number(end)]);
  }
  return [...byPrimary.values()];
}

function slotsNode(node: SlotsNode, role: ClusterNode['role'], askedHost: string): ClusterNode {
  const [host, port, id] = node;
  return clusterNode(endpointHost(host, askedHost), Number(port), role, id);
}

/** `?`, empty or null endpoints mean "the address you reached me on". */
function endpointHost(endpoint: string | null | undefined, askedHost: string): string {
  return endpoint === undefined || endpoint === null || endpoint === '' || endpoint === '?'
    ? askedHost
    : endpoint;
}
