import { backendOf } from './cluster-internals.js';
import {
  rawCommand,
  startRedisCluster,
  type RedisClusterHandle,
  type RedisClusterNode,
} from '@redspec/test-utils';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCluster, keySlot, type RedisCluster } from '../../src/index.js';

/**
 * Slot migration, TRYAGAIN, CLUSTERDOWN and failover on one cluster, in this order: each test
 * leaves the cluster serving every slot, the failover test last since it loses a node.
 */
describe('a cluster client under resharding and failures', () => {
  let handle: RedisClusterHandle;
  let cluster: RedisCluster;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
    cluster = await createCluster({ rootNodes: handle.rootNodes, maxRetries: 8 }).connect();
  });
  afterAll(async () => {
    await cluster?.quit();
    await handle?.stop();
  });

  /** The handle's node at the address the client routes `key` to now. */
  const ownerOf = (key: string): RedisClusterNode =>
    byPort(backendOf(cluster).nodeForSlot(keySlot(key), false).port);
  const byPort = (port: number): RedisClusterNode => handle.nodes.find((n) => n.port === port)!;
  const otherPrimary = (node: RedisClusterNode): RedisClusterNode =>
    byPort(cluster.nodes('primary').find((n) => n.port !== node.port)!.port);
  const setSlot = (node: RedisClusterNode, slot: number, ...args: string[]): Promise<unknown> =>
    rawCommand(node, ['CLUSTER', 'SETSLOT', String(slot), ...args]);
  const migrate = (from: RedisClusterNode, to: RedisClusterNode, ...keys: string[]) =>
    rawCommand(from, ['MIGRATE', to.host, String(to.port), '', '0', '5000', 'KEYS', ...keys]);
  /** `CLUSTER SETSLOT slot NODE target` on the target, the source, then every other primary. */
  async function finishMigration(slot: number, source: RedisClusterNode, target: RedisClusterNode) {
    const rest = cluster
      .nodes('primary')
      .filter((n) => n.port !== source.port && n.port !== target.port);
    for (const node of [target, source, ...rest.map((n) => byPort(n.port))]) {
      await setSlot(node, slot, 'NODE', target.nodeId);
    }
  }
  async function errorCount(node: RedisClusterNode, code: string): Promise<number> {
    const info = String(await rawCommand(node, ['INFO', 'errorstats']));
    return Number(new RegExp(`^errorstat_${code}:count=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  }

  it('follows ASK, then MOVED, while a slot migrates under INCR traffic', async () => {
    const key = 'migrating:counter';
    const slot = keySlot(key);
    const source = ownerOf(key);
    const target = otherPrimary(source);
    const topology = backendOf(cluster).topology;
    const moved = vi.spyOn(topology, 'moved');
    let applied = 0;
    const failures: unknown[] = [];
    let running = true;
    const traffic = (async () => {
      while (running) {
        await cluster.incr(key).then(
          () => applied++,
          (error: unknown) => failures.push(error),
        );
      }
    })();
    const started = performance.now();
    await sleep(30);
    await setSlot(target, slot, 'IMPORTING', source.nodeId);
    await setSlot(source, slot, 'MIGRATING', target.nodeId);
    await sleep(30);
    await migrate(source, target, key);
    await sleep(100); // INCRs now get ASK from the source and run on the target
    const askingCalls = String(await rawCommand(target, ['INFO', 'commandstats']));
    await finishMigration(slot, source, target);
    await sleep(100); // INCRs now get MOVED once, then go to the target directly
    running = false;
    await traffic;
    const elapsed = performance.now() - started;

    expect(failures).toEqual([]);
    expect(applied).toBeGreaterThan(10);
    expect(await cluster.get(key)).toBe(String(applied));
    expect(askingCalls).toMatch(/^cmdstat_asking:calls=[1-9]/m);
    expect(moved).toHaveBeenCalledWith(slot, target.host, target.port);
    expect(backendOf(cluster).nodeForSlot(slot, false).port).toBe(target.port);
    expect(elapsed).toBeLessThan(2_000);
    moved.mockRestore();
  });

  it('retries TRYAGAIN while the keys of a multi-key command are split by a migration', async () => {
    const [a, b] = ['{half}a', '{half}b'];
    const slot = keySlot(a);
    await cluster.mset({ [a]: '1', [b]: '2' });
    const source = ownerOf(a);
    const target = otherPrimary(source);
    await setSlot(target, slot, 'IMPORTING', source.nodeId);
    await setSlot(source, slot, 'MIGRATING', target.nodeId);
    await migrate(source, target, a);
    const tryAgainBefore = await errorCount(source, 'TRYAGAIN');
    const reading = cluster.mget([a, b]);
    await sleep(120); // a few TRYAGAIN answers and backoffs
    await migrate(source, target, b); // now the source answers ASK, the target has both
    expect(await reading).toEqual(['1', '2']);
    expect(await errorCount(source, 'TRYAGAIN')).toBeGreaterThan(tryAgainBefore);
    await finishMigration(slot, source, target);
  });

  it('retries CLUSTERDOWN until the slot is served again', async () => {
    const key = 'down:key';
    const slot = keySlot(key);
    await cluster.set(key, 'still here');
    const owner = ownerOf(key);
    const downBefore = await errorCount(owner, 'CLUSTERDOWN');
    await rawCommand(owner, ['CLUSTER', 'DELSLOTS', String(slot)]);
    const reading = cluster.get(key);
    await sleep(200);
    await rawCommand(owner, ['CLUSTER', 'ADDSLOTS', String(slot)]);
    expect(await reading).toBe('still here');
    expect(await errorCount(owner, 'CLUSTERDOWN')).toBeGreaterThan(downBefore);
  });

  it('serves commands again once a replica replaces a killed primary', async () => {
    const key = 'failover:key';
    await cluster.set(key, 'before');
    expect(await cluster.wait(1, 2_000)).toBe(1);
    const primary = ownerOf(key);
    const replica = await findReplicaOf(primary);
    const refresh = vi.spyOn(backendOf(cluster).topology, 'refresh');
    // Written before the crash: it may or may not have run, so it fails rather than resend.
    const blocked = cluster.blpop(`{${key}}list`, 10).catch((error: unknown) => error);
    await sleep(50);

    await handle.killNode(primary.port);
    expect(await blocked).toMatchObject({ name: 'ConnectionError' });
    const killed = performance.now();
    await rawCommand(replica, ['CLUSTER', 'FAILOVER', 'FORCE']);
    const errors: string[] = [];
    let value: string | null | undefined;
    while (performance.now() - killed < 15_000) {
      try {
        value = await cluster.get(key);
        break;
      } catch (error) {
        errors.push((error as Error).name);
        await sleep(100);
      }
    }
    const recoveredAfter = performance.now() - killed;
    expect(value).toBe('before');
    expect(await cluster.set(key, 'after')).toBe('OK');
    expect(backendOf(cluster).nodeForSlot(keySlot(key), false).port).toBe(replica.port);
    for (const name of errors) {
      expect(['NodeUnreachableError', 'ClusterDownError', 'ClusterRoutingError']).toContain(name);
    }
    expect(recoveredAfter).toBeLessThan(10_000);
    expect(refresh).toHaveBeenCalled();
    refresh.mockRestore();

    // The shard has no replica left: prefer-replica reads fall back to the new primary.
    const reader = await createCluster({
      rootNodes: [replica],
      readFrom: 'prefer-replica',
    }).connect();
    expect(await reader.get(key)).toBe('after');
    await reader.quit();
  });

  async function findReplicaOf(primary: RedisClusterNode): Promise<RedisClusterNode> {
    for (const node of handle.nodes) {
      if (node.port === primary.port) continue;
      const role = await rawCommand(node, ['ROLE']);
      if (Array.isArray(role) && role[0] === 'slave' && Number(role[2]) === primary.port)
        return node;
    }
    throw new Error(`no replica of ${primary.port}`);
  }
});
