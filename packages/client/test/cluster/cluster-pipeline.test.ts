import { backendOf } from './cluster-internals.js';
import {
  rawCommand,
  redisUrl,
  startRedisCluster,
  type RedisClusterHandle,
  type RedisClusterNode,
} from '@redspec/test-utils';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CommandTimeoutError,
  createClient,
  createCluster,
  CrossSlotError,
  keySlot,
  pipeline,
  WatchError,
  type RedisCluster,
} from '../../src/index.js';
import { registerClient, unregisterClient } from '@redspec/pipeline';
import { commandCalls } from './cluster-helpers.js';

/** Cluster pipelines, transactions and WATCH on one real cluster (3 primaries, 3 replicas). */
describe('pipelines on a cluster', () => {
  let handle: RedisClusterHandle;
  let cluster: RedisCluster;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
    cluster = await createCluster({ rootNodes: handle.rootNodes }).connect();
  });
  afterAll(async () => {
    await cluster?.quit();
    await handle?.stop();
  });

  const portOf = (key: string): number => backendOf(cluster).nodeForSlot(keySlot(key), false).port;
  const byPort = (port: number): RedisClusterNode => handle.nodes.find((n) => n.port === port)!;
  /** Calls of `command` on every primary, by port. */
  async function callsPerPrimary(command: string): Promise<Map<number, number>> {
    const primaries = cluster.nodes('primary');
    const stats = await Promise.all(primaries.map((node) => commandCalls(node)));
    return new Map(primaries.map((node, i) => [node.port, stats[i]![command] ?? 0]));
  }
  const countBy = (keys: readonly string[]): Map<number, number> => {
    const counts = new Map<number, number>();
    for (const key of keys) counts.set(portOf(key), (counts.get(portOf(key)) ?? 0) + 1);
    return counts;
  };
  const difference = (after: Map<number, number>, before: Map<number, number>) =>
    new Map([...after].map(([port, calls]) => [port, calls - (before.get(port) ?? 0)]));

  it('sends 1000 keys over every slot in one round trip per node, results in call order', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `spread:${i}`);
    const primaries = cluster.nodes('primary');
    const spies = primaries.map((node) =>
      vi.spyOn(backendOf(cluster).pool.get(node).connection, 'sendBatch'),
    );
    const before = await callsPerPrimary('set');

    const pipe = cluster.pipeline();
    const futures = keys.map((key) => [pipe.set(key, `v:${key}`), pipe.get(key)] as const);
    const results = await pipe.execute();

    expect(results).toEqual(keys.flatMap((key) => ['OK', `v:${key}`]));
    expect(futures.map(([, get]) => get.result)).toEqual(keys.map((key) => `v:${key}`));
    const share = countBy(keys);
    expect(share.size).toBe(3);
    spies.forEach((spy, i) => {
      expect(spy).toHaveBeenCalledOnce();
      expect(spy.mock.calls[0]![0].commands).toHaveLength(2 * share.get(primaries[i]!.port)!);
    });
    expect(difference(await callsPerPrimary('set'), before)).toEqual(share);
    for (const spy of spies) spy.mockRestore();
  });

  it('resends a command whose slot moved (MOVED) or is migrating (ASK), and only it', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `redirect:${i}`);
    const [moved, asked] = [keys[10]!, keys[20]!];
    await cluster.del(keys);
    const setSlot = async (slot: number, ...args: string[]): Promise<void> => {
      for (const node of cluster.nodes('primary')) {
        await rawCommand(node, ['CLUSTER', 'SETSLOT', String(slot), ...args]);
      }
    };
    /** Moves `key` (set to 0) to another primary; its slot stays migrating unless `finish`. */
    const migrate = async (key: string, finish: boolean): Promise<RedisClusterNode> => {
      const slot = String(keySlot(key));
      const source = byPort(portOf(key));
      const target = byPort(cluster.nodes('primary').find((n) => n.port !== source.port)!.port);
      await rawCommand(source, ['SET', key, '0']);
      await rawCommand(target, ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', source.nodeId]);
      await rawCommand(source, ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', target.nodeId]);
      await rawCommand(source, [
        'MIGRATE',
        target.host,
        String(target.port),
        '',
        '0',
        '5000',
        'KEYS',
        key,
      ]);
      if (finish) await setSlot(keySlot(key), 'NODE', target.nodeId);
      return target;
    };
    const movedTo = await migrate(moved, true); // the client's slot map still names the old owner
    const askedTo = await migrate(asked, false); // the old owner answers ASK for the moved key
    const resend = vi.spyOn(backendOf(cluster), 'resend');
    const incrs = await callsPerPrimary('incr');

    const results = await cluster.pipeline((p) => keys.map((key) => p.incr(key)));

    expect(results).toEqual(keys.map(() => 1));
    const resent = resend.mock.calls.map(([target, error]) => [target.command.args, error]);
    expect(resent).toEqual([
      [['INCR', moved], expect.objectContaining({ name: 'MovedError' })],
      [['INCR', asked], expect.objectContaining({ name: 'AskError' })],
    ]);
    // Each INCR ran exactly once: the redirected ones on their new node, the rest untouched.
    expect(await cluster.mget(keys)).toEqual(keys.map(() => '1'));
    const added = [...difference(await callsPerPrimary('incr'), incrs).values()];
    expect(added.reduce((a, b) => a + b, 0)).toBe(keys.length);
    expect(portOf(moved)).toBe(movedTo.port);
    resend.mockRestore();
    await setSlot(keySlot(asked), 'NODE', askedTo.nodeId); // leave a settled cluster
  });

  it('fails the commands of a node that stops answering, and only those, never resending', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `stalled:${i}`);
    const stalled = portOf(keys[0]!);
    await rawCommand({ port: stalled }, ['CLIENT', 'PAUSE', '300', 'ALL']);
    const pipe = cluster.pipeline({ raiseOnError: false, timeout: 100 });
    for (const key of keys) pipe.set(key, 'once');
    // A batch cut short is reported whatever raiseOnError says; its results stay readable.
    await expect(pipe.execute()).rejects.toBeInstanceOf(CommandTimeoutError);
    const results = pipe.results;
    const onStalled = (key: string): boolean => portOf(key) === stalled;
    keys.forEach((key, i) => {
      if (onStalled(key)) expect(results[i]).toBeInstanceOf(CommandTimeoutError);
      else expect(results[i]).toBe('OK');
    });
    await sleep(300);
    // The timeout closed that node's connection before the node read the SETs, and nothing
    // sent them again: its keys stay unset, the other nodes' are set.
    expect(await cluster.mget(keys)).toEqual(keys.map((key) => (onStalled(key) ? null : 'once')));
  });

  it('splits multi-slot commands and fans out keyless ones inside a pipeline', async () => {
    const keys = ['mix:a', 'mix:b', 'mix:c', 'mix:d'];
    expect(new Set(keys.map(portOf)).size).toBeGreaterThan(1);
    const [ok, values, size, existing] = await cluster.pipeline((p) => [
      p.mset(keys.map((key) => [key, key] as const)),
      p.mget([...keys].reverse()),
      p.dbsize(),
      p.exists(keys),
    ]);
    expect([ok, values, existing]).toEqual(['OK', [...keys].reverse(), 4]);
    expect(size).toBe(await cluster.dbsize());
    const [bytes] = await cluster.withBuffers().pipeline((p) => [p.get('mix:a')]);
    expect(bytes).toEqual(Buffer.from('mix:a'));
  });

  it('runs transactions whose keys share a slot on that slot’s primary', async () => {
    const [a, b] = ['{tx}a', '{tx}b'];
    const owner = portOf(a);
    const multis = await callsPerPrimary('multi');
    const [count, ok, values] = await cluster.pipeline(
      (p) => [p.incrby(a, 5), p.set(b, 'x'), p.mget([a, b])],
      { transaction: true },
    );
    expect([count, ok, values]).toEqual([5, 'OK', ['5', 'x']]);
    const added = difference(await callsPerPrimary('multi'), multis);
    expect([...added].filter(([, n]) => n > 0)).toEqual([[owner, 1]]);
  });

  it('refuses a cross-slot transaction before sending anything', async () => {
    const multis = await callsPerPrimary('multi');
    const refused = cluster.pipeline((p) => [p.incr('tx:one'), p.incr('tx:two')], {
      transaction: true,
    });
    await expect(refused).rejects.toBeInstanceOf(CrossSlotError);
    await expect(refused).rejects.toMatchObject({
      command: 'MULTI/EXEC',
      slots: [keySlot('tx:one'), keySlot('tx:two')],
    });
    expect(await callsPerPrimary('multi')).toEqual(multis);
    expect(await cluster.exists(['tx:one', 'tx:two'])).toBe(0);
  });

  it('watches on the node owning the keys and aborts when another client changes one', async () => {
    const key = '{watch}balance';
    await cluster.set(key, '10');
    const watches = await callsPerPrimary('watch');
    const pipe = cluster.pipeline();
    await pipe.watch(key);
    const balance = Number(await pipe.immediate.get(key));
    await cluster.set(key, '0'); // another connection writes the watched key
    pipe.set(key, String(balance - 5));
    await expect(pipe.execute()).rejects.toBeInstanceOf(WatchError);
    expect(await cluster.get(key)).toBe('0');
    const added = difference(await callsPerPrimary('watch'), watches);
    expect([...added].filter(([, n]) => n > 0)).toEqual([[portOf(key), 1]]);
  });

  it('retries optimistic transactions: 20 concurrent client-side INCRs give 20', async () => {
    const key = '{t}seq';
    await cluster.del([key]);
    const increment = (): Promise<unknown> =>
      cluster.transaction(
        async (pipe) => {
          const current = Number((await pipe.immediate.get(key)) ?? 0);
          return [pipe.set(key, String(current + 1))];
        },
        { watch: [key], retries: 40 },
      );
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await cluster.get(key)).toBe('20');
  });

  it('joins a standalone server and the cluster in one root pipeline by connection name', async () => {
    const standalone = await createClient(redisUrl()).connect();
    registerClient(standalone, 'cp-standalone');
    registerClient(cluster, 'cp-cluster');
    try {
      const root = pipeline(undefined, { client: 'cp-standalone' });
      const local = root.incr('cp:named:local');
      const remote: unknown[] = [];
      {
        using onCluster = pipeline(root, { client: 'cp-cluster' });
        for (let i = 0; i < 10; i++) remote.push(onCluster.set(`cp:named:${i}`, 'c'));
      }
      {
        using child = cluster.pipeline({ parent: root });
        remote.push(child.set('cp:named:10', 'c'));
      }
      await root.execute();
      expect(await local).toBeGreaterThan(0);
      expect(await cluster.mget(remote.map((_, i) => `cp:named:${i}`))).toEqual(
        remote.map(() => 'c'),
      );
    } finally {
      unregisterClient('cp-standalone');
      unregisterClient('cp-cluster');
      await standalone.quit();
    }
  });
});
