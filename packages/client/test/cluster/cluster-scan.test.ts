import { backendOf } from './cluster-internals.js';
import {
  rawCommand,
  startRedisCluster,
  waitUntil,
  type RedisClusterHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, createCluster, keySlot, type RedisCluster } from '../../src/index.js';
import { commandCalls } from './cluster-helpers.js';

const KEYS = 20_000;
const key = (i: number): string => `ck:{${i % 64}}:${i}`;

describe('scan iterators and AbortSignal on a cluster', () => {
  let handle: RedisClusterHandle;
  let cluster: RedisCluster;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
    cluster = await createCluster({ rootNodes: handle.rootNodes }).connect();
    // 64 hash tags: the keys spread over every primary in 64 slots, so MSET splits into 64.
    for (let start = 0; start < KEYS; start += 5000) {
      const batch: Record<string, string> = {};
      for (let i = start; i < start + 5000; i++) batch[key(i)] = String(i);
      await cluster.mset(batch);
    }
  }, 120_000);
  afterAll(async () => {
    await cluster?.quit();
    await handle?.stop();
  });

  it('walks every primary once: each key seen exactly once, none from a replica twice', async () => {
    const seen = new Map<string, number>();
    for await (const each of cluster.scanIterator({ match: 'ck:*', count: 1000 })) {
      seen.set(each, (seen.get(each) ?? 0) + 1);
    }
    expect(seen.size).toBe(KEYS);
    expect(seen.has(key(0)) && seen.has(key(KEYS - 1))).toBe(true);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    const owners = new Set(
      [...seen.keys()].map((each) => backendOf(cluster).nodeForSlot(keySlot(each), false).port),
    );
    expect(owners.size).toBe(3);
    // SCAN went to the primaries only.
    for (const node of handle.nodes) {
      const scans = (await commandCalls(node)).scan ?? 0;
      const primary = cluster.nodes('primary').some((p) => p.port === node.port);
      expect(scans > 0).toBe(primary);
    }
  }, 60_000);

  it('walks the primaries in binary mode too', async () => {
    let count = 0;
    const scan = cluster.withBuffers().scanIterator({ match: 'ck:{7}:*', count: 1000 });
    for await (const page of scan.batches()) {
      for (const each of page) expect(Buffer.isBuffer(each)).toBe(true);
      count += page.length;
    }
    expect(count).toBe([...Array(KEYS).keys()].filter((i) => i % 64 === 7).length);
  }, 30_000);

  it('routes hscan/sscan/zscan iterators by their key', async () => {
    await cluster.hset('{scan}:h', { a: '1', b: '2' });
    await cluster.sadd('{scan}:s', ['x', 'y']);
    await cluster.zadd('{scan}:z', [[2.5, 'm']]);
    const pairs: [string, string][] = [];
    for await (const pair of cluster.hscanIterator('{scan}:h')) pairs.push(pair);
    expect(Object.fromEntries(pairs)).toEqual({ a: '1', b: '2' });
    const members: string[] = [];
    for await (const member of cluster.sscanIterator('{scan}:s')) members.push(member);
    expect(members.sort()).toEqual(['x', 'y']);
    const scored: [string, number][] = [];
    for await (const entry of cluster.zscanIterator('{scan}:z')) scored.push(entry);
    expect(scored).toEqual([['m', 2.5]]);
  });

  it('ends a cluster-wide scan with AbortError', async () => {
    const controller = new AbortController();
    let seen = 0;
    const walk = async (): Promise<void> => {
      const scan = cluster.scanIterator({ match: 'ck:*', count: 100, signal: controller.signal });
      for await (const _ of scan) if (++seen === 500) controller.abort();
    };
    await expect(walk()).rejects.toBeInstanceOf(AbortError);
    expect(seen).toBe(500);
  });

  it('cancels a blocked BLPOP on its node, which sees the connection closed', async () => {
    const controller = new AbortController();
    const blpop = cluster.withSignal(controller.signal).blpop('{scan}:none', 0);
    const owner = backendOf(cluster).nodeForSlot(keySlot('{scan}:none'), false);
    const node = handle.nodes.find((n) => n.port === owner.port)!;
    const blocked = async (): Promise<number> =>
      String(await rawCommand(node, ['CLIENT', 'LIST']))
        .split('\n')
        .filter((line) => line.includes(' cmd=blpop ')).length;
    await waitUntil('BLPOP to block', async () => (await blocked()) === 1);
    controller.abort();
    await expect(blpop).rejects.toMatchObject({ name: 'AbortError', command: 'BLPOP' });
    await waitUntil('the connection to close', async () => (await blocked()) === 0);
  });
});
