import { rawCommands } from './raw-command.js';
import type { RawTarget } from './raw-command.js';
import type { RawReply } from './resp-reply.js';

/** Redis Cluster's fixed number of hash slots. */
export const CLUSTER_SLOTS = 16_384;

/** What one cluster node reports about itself and the cluster. */
export interface ClusterNodeView {
  port: number;
  nodeId: string;
  role: 'primary' | 'replica';
  /** `cluster_state` from CLUSTER INFO: `ok` or `fail`. */
  state: string;
  /** CLUSTER SLOTS as sorted `start-end:primaryPort/replicaPorts` lines, for comparing nodes. */
  slotMap: string;
  slotCount: number;
  /** Ports listed anywhere in CLUSTER SLOTS; Redis lists replicas only once they have synced. */
  listedPorts: Set<number>;
  /** For a replica, its link to the primary from ROLE: `connected` once synced. */
  replicaLink: string | undefined;
}

/** Reads CLUSTER INFO, CLUSTER SLOTS, ROLE and CLUSTER MYID from one node over a raw socket. */
export async function readClusterNodeView(node: RawTarget): Promise<ClusterNodeView> {
  const [info, slots, role, myId] = await rawCommands(node, [
    ['CLUSTER', 'INFO'],
    ['CLUSTER', 'SLOTS'],
    ['ROLE'],
    ['CLUSTER', 'MYID'],
  ]);
  const ranges = asArray(slots ?? null).map((entry) => asArray(entry));
  const roleReply = asArray(role ?? null);
  return {
    port: node.port,
    nodeId: String(myId),
    role: roleReply[0] === 'master' ? 'primary' : 'replica',
    state: /^cluster_state:(\w+)/m.exec(String(info))?.[1] ?? 'unknown',
    slotMap: ranges.map(describeRange).sort().join('\n'),
    slotCount: ranges.reduce((sum, [start, end]) => sum + Number(end) - Number(start) + 1, 0),
    listedPorts: new Set(ranges.flatMap((range) => range.slice(2).map(nodePort))),
    replicaLink: roleReply[0] === 'slave' ? String(roleReply[3]) : undefined,
  };
}

/**
 * Resolves true when every node in `nodes` says `cluster_state:ok`, all return the same
 * CLUSTER SLOTS covering all 16384 slots and listing exactly these nodes, and every replica
 * is connected to its primary; otherwise resolves why not.
 */
export async function checkClusterReady(nodes: readonly RawTarget[]): Promise<true | string> {
  const views = await Promise.all(nodes.map(readClusterNodeView));
  const first = views[0];
  for (const view of views) {
    const at = `node ${view.port}`;
    if (view.state !== 'ok') return `${at}: cluster_state:${view.state}`;
    if (view.slotCount !== CLUSTER_SLOTS) return `${at}: CLUSTER SLOTS covers ${view.slotCount}`;
    if (view.listedPorts.size !== nodes.length) {
      return `${at}: CLUSTER SLOTS lists ${view.listedPorts.size} of ${nodes.length} nodes`;
    }
    if (view.slotMap !== first?.slotMap)
      return `${at} and ${first?.port} disagree on CLUSTER SLOTS`;
    if (view.replicaLink !== undefined && view.replicaLink !== 'connected') {
      return `${at}: replica link is ${view.replicaLink}`;
    }
  }
  return true;
}

function describeRange([start, end, primary, ...replicas]: RawReply[]): string {
  const replicaPorts = replicas.map(nodePort).sort((a, b) => a - b);
  return `${String(start)}-${String(end)}:${nodePort(primary ?? null)}/${replicaPorts.join(',')}`;
}

function nodePort(node: RawReply): number {
  return Number(asArray(node)[1]);
}

function asArray(reply: RawReply): RawReply[] {
  if (!Array.isArray(reply)) throw new Error(`expected an array reply, got ${String(reply)}`);
  return reply;
}
