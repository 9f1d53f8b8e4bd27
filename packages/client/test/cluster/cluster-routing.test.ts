import { backendOf } from './cluster-internals.js';
import {
  rawCommand,
  rawCommands,
  startRedisCluster,
  waitUntil,
  type RedisClusterHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, CrossSlotError, keySlot, type RedisCluster } from '../../src/index.js';
import { commandCalls, keysPerPrimary } from './cluster-helpers.js';

describe('a cluster client', () => {
  let handle: RedisClusterHandle;
  let cluster: RedisCluster;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
    cluster = await createCluster({ rootNodes: handle.rootNodes.slice(0, 1) }).connect();
  });
  afterAll(async () => {
    await cluster?.quit();
    await handle?.stop();
  });

  it('discovers every node from one root node', () => {
    expect(cluster.nodes('primary')).toHaveLength(3);
    expect(cluster.nodes('replica')).toHaveLength(3);
    expect(cluster.server).toMatchObject({ product: 'redis' });
  });

  it('computes the slot the server computes (CLUSTER KEYSLOT), hashtags and UTF-8 included', async () => {
    const keys = [
      'foo',
      '',
      'user:{42}:name',
      '{}x',
      'a{}b}',
      'a{b}{c}',
      '{',
      '}{',
      'é',
      'user:{é}:1',
      '{ключ}x',
      '😀{a}',
      'x{😀}',
      ...Array.from({ length: 200 }, (_, i) => `k:${i * 7919}`),
    ];
    const replies = await rawCommands(
      handle.rootNodes[0]!,
      keys.map((key) => ['CLUSTER', 'KEYSLOT', key]),
    );
    expect(keys.map((key) => keySlot(key))).toEqual(replies);
    expect(keys.map((key) => keySlot(Buffer.from(key)))).toEqual(replies);
  });

  it.each([
    [2, 'CLUSTER SHARDS'],
    [3, 'CLUSTER SLOTS'],
    [2, 'CLUSTER SLOTS'],
  ] as const)('reads the same slot map over RESP%i from %s', async (protocol, source) => {
    const other = createCluster({ rootNodes: handle.rootNodes, protocol });
    const topology = backendOf(other).topology as unknown as { slotsOnly: boolean };
    // Servers before 7.0 lack CLUSTER SHARDS; this takes their path on a 7.x server.
    topology.slotsOnly = source === 'CLUSTER SLOTS';
    await other.connect();
    const summary = (c: RedisCluster): string[] =>
      c
        .nodes()
        .map((node) => `${node.role} ${node.address} ${node.id}`)
        .sort();
    expect(summary(other)).toEqual(summary(cluster));
    expect(await other.get('nothing:here')).toBeNull();
    await other.quit();
  });

  it('routes single-key commands to the primary owning the slot, on every shard', async () => {
    const keys = keysPerPrimary(cluster, 'route:');
    expect(keys.size).toBe(3);
    for (const [port, key] of keys) {
      expect(await cluster.set(key, `at ${port}`)).toBe('OK');
      expect(await cluster.get(key)).toBe(`at ${port}`);
      // The owner answers directly (no MOVED), so the key really lives there.
      expect(await rawCommand({ port }, ['GET', key])).toBe(`at ${port}`);
    }
  });

  it('splits MSET, MGET, EXISTS and DEL over many slots and reassembles in order', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `split:${i}`);
    expect(new Set(keys.map(keySlot)).size).toBeGreaterThan(3);
    expect(await cluster.mset(keys.map((key) => [key, `v-${key}`] as const))).toBe('OK');
    const asked = [...keys.slice(10), 'split:missing', ...keys.slice(0, 10)];
    const expected = asked.map((key) => (key === 'split:missing' ? null : `v-${key}`));
    expect(await cluster.mget(asked)).toEqual(expected);
    expect(await cluster.exists(asked)).toBe(20);
    expect(await cluster.del([...keys, 'split:missing'])).toBe(20);
    expect(await cluster.mget(keys.slice(0, 3))).toEqual([null, null, null]);
  });

  it('sums DBSIZE over every primary', async () => {
    await cluster.mset({ 'db:a': '1', 'db:b': '2', 'db:c': '3' });
    const perNode = await Promise.all(
      cluster.nodes('primary').map((node) => rawCommand(node, ['DBSIZE'])),
    );
    expect(await cluster.dbsize()).toBe(perNode.reduce((sum, n) => Number(sum) + Number(n), 0));
    expect(await cluster.ping()).toBe('PONG');
  });

  it('sums DBSIZE as a bigint, and routes bigint-mode commands and pipelines (issue 15)', async () => {
    const big = cluster.withBigInts();
    expect(await big.dbsize()).toBe(BigInt(await cluster.dbsize()));
    await cluster.set('big:{n}', '9223372036854775806');
    expect(await big.incr('big:{n}')).toBe(2n ** 63n - 1n);
    expect(await big.pipeline((p) => [p.decr('big:{n}'), p.strlen('big:{n}')])).toEqual([
      2n ** 63n - 2n,
      19n,
    ]);
  });

  it('refuses cross-slot commands before sending anything', async () => {
    expect(keySlot('cross:a')).not.toBe(keySlot('cross:b'));
    await expect(cluster.rename('cross:a', 'cross:b')).rejects.toBeInstanceOf(CrossSlotError);
    await expect(cluster.sunionstore('cross:d', ['cross:a', 'cross:b'])).rejects.toMatchObject({
      name: 'CrossSlotError',
      command: 'SUNIONSTORE',
    });
    for (const node of handle.nodes) {
      const calls = await commandCalls(node);
      expect(calls.rename).toBeUndefined();
      expect(calls.sunionstore).toBeUndefined();
    }
    // With a hashtag they share a slot and run.
    await cluster.set('{cross}a', '1');
    expect(await cluster.rename('{cross}a', '{cross}b')).toBe('OK');
  });

  it('reads from replicas with readFrom: replica', async () => {
    const reader = await createCluster({
      rootNodes: handle.rootNodes,
      readFrom: 'replica',
    }).connect();
    try {
      const key = 'replica:key';
      await cluster.set(key, 'copied');
      expect(await cluster.wait(1, 2000)).toBe(1);
      const slot = keySlot(key);
      const replica = backendOf(reader).nodeForSlot(slot, true);
      const primary = backendOf(cluster).nodeForSlot(slot, false);
      expect(replica.role).toBe('replica');
      const [replicaBefore, primaryBefore] = await Promise.all([
        commandCalls(replica),
        commandCalls(primary),
      ]);
      for (let i = 0; i < 5; i++) expect(await reader.get(key)).toBe('copied');
      // Writes still go to the primary.
      expect(await reader.incr('{replica:key}n')).toBe(1);
      const [replicaAfter, primaryAfter] = await Promise.all([
        commandCalls(replica),
        commandCalls(primary),
      ]);
      expect((replicaAfter.get ?? 0) - (replicaBefore.get ?? 0)).toBe(5);
      expect(primaryAfter.get).toBe(primaryBefore.get);
      expect(replicaAfter.readonly).toBeGreaterThan(0);
    } finally {
      await reader.quit();
    }
  });

  it('returns Buffers from withBuffers(), split commands included', async () => {
    await cluster.mset({ 'buf:a': 'x', 'buf:b': 'y' });
    const binary = cluster.withBuffers();
    expect(await binary.get('buf:a')).toEqual(Buffer.from('x'));
    expect(await binary.mget(['buf:b', 'buf:a'])).toEqual([Buffer.from('y'), Buffer.from('x')]);
  });

  it('routes sendCommand by the key given', async () => {
    await cluster.set('raw:key', 'v');
    expect(await cluster.sendCommand(['GET', 'raw:key'], { key: 'raw:key' })).toBe('v');
    expect(await cluster.sendCommand(['PING'])).toBe('PONG');
  });

  it('leaves no socket open after quit()', async () => {
    const sockets = (): number =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
    const before = sockets();
    const other = await createCluster({ rootNodes: handle.rootNodes }).connect();
    await other.mset({ 'q:a': '1', 'q:b': '2', 'q:c': '3' });
    expect(await other.blpop('q:list', 0.01)).toBeNull(); // a dedicated connection too
    expect(sockets()).toBeGreaterThan(before);
    expect(await other.quit()).toBe('OK');
    // Sockets finish closing on a later turn of the event loop.
    await waitUntil(
      'every socket to close',
      () => Promise.resolve(sockets() === before || `${sockets() - before} still open`),
      { timeoutMs: 2_000, intervalMs: 10 },
    );
    await expect(other.get('q:a')).rejects.toMatchObject({ name: 'ConnectionClosedError' });
  });

  it('talks to one node through nodeClient', async () => {
    const sizes = await Promise.all(
      cluster.nodes('primary').map((node) => cluster.nodeClient(node).dbsize()),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(await cluster.dbsize());
    const [cursor, keys] = await cluster.nodeClient(cluster.nodes('primary')[0]!).scan('0');
    expect(typeof cursor).toBe('string');
    expect(Array.isArray(keys)).toBe(true);
  });
});
