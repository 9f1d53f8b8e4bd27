import { backendOf } from './cluster-internals.js';
import { rawCommand, type RawTarget } from '@redspec/test-utils';
import { keySlot, type RedisCluster } from '../../src/index.js';

/** `cmdstat_<name>` call counts from a node's INFO commandstats (`cluster|shards` style names). */
export async function commandCalls(node: RawTarget): Promise<Record<string, number>> {
  const info = String(await rawCommand(node, ['INFO', 'commandstats']));
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_(\S+?):calls=(\d+)/gm)) {
    calls[match[1]!] = Number(match[2]);
  }
  return calls;
}

/** One key per primary port, found by hashing `prefix0`, `prefix1` … against the slot map. */
export function keysPerPrimary(cluster: RedisCluster, prefix: string): Map<number, string> {
  const byPort = new Map<number, string>();
  const primaries = cluster.nodes('primary').length;
  for (let i = 0; byPort.size < primaries; i++) {
    const key = `${prefix}${i}`;
    const port = backendOf(cluster).nodeForSlot(keySlot(key), false).port;
    if (!byPort.has(port)) byPort.set(port, key);
  }
  return byPort;
}
