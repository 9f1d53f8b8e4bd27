import {
  rawCommand,
  startRedisCluster,
  waitUntil,
  type RedisClusterHandle,
  type RedisClusterNode,
} from '@redspec/test-utils';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createCluster,
  keySlot,
  type PubSubMessage,
  type RedisCluster,
} from '../../src/index.js';

/**
 * Pub/sub on a real 3-primary cluster: shard channels at their slot's owner, classic channels
 * and patterns from any node, order, binary payloads, and the PUBSUB introspection replies
 * aggregated over the cluster. Nothing here moves slots (see cluster-pubsub-faults.test.ts).
 */
describe('pub/sub on a cluster', () => {
  let handle: RedisClusterHandle;
  let cluster: RedisCluster;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 0 });
  });
  afterAll(() => handle?.stop());
  beforeEach(() => {
    cluster = createCluster({ rootNodes: handle.rootNodes });
  });
  afterEach(() => cluster.quit());

  const unique = (name: string): string => `ps:${name}:${randomUUID()}`;
  const byPort = (port: number): RedisClusterNode => handle.nodes.find((n) => n.port === port)!;
  /** The node owning `channel`'s slot, asked of the server rather than of the client. */
  async function ownerOf(channel: string): Promise<RedisClusterNode> {
    const slot = keySlot(channel);
    const ranges = (await rawCommand(handle.nodes[0]!, ['CLUSTER', 'SLOTS'])) as unknown[][];
    const range = ranges.find(([start, end]) => Number(start) <= slot && slot <= Number(end))!;
    return byPort(Number((range[2] as unknown[])[1]));
  }
  /** One shard channel per primary, so a test touches every shard. */
  async function channelPerShard(name: string): Promise<Map<number, string>> {
    const byOwner = new Map<number, string>();
    const base = unique(name);
    for (let i = 0; byOwner.size < handle.nodes.length; i++) {
      const channel = `${base}:${i}`;
      const owner = await ownerOf(channel);
      if (!byOwner.has(owner.port)) byOwner.set(owner.port, channel);
    }
    return byOwner;
  }
  const shardSubscribers = async (node: RedisClusterNode, channel: string): Promise<number> =>
    Number(((await rawCommand(node, ['PUBSUB', 'SHARDNUMSUB', channel])) as unknown[])[1]);

  it('ssubscribes each shard channel at its slot’s owner, cold, and spublish reaches it', async () => {
    const channels = await channelPerShard('shard');
    const got: PubSubMessage[] = [];
    const sub = await cluster.ssubscribe([...channels.values()], (message, channel) =>
      got.push({ channel, message }),
    );
    for (const [port, channel] of channels) {
      for (const node of handle.nodes) {
        expect(await shardSubscribers(node, channel)).toBe(node.port === port ? 1 : 0);
      }
    }
    for (const channel of channels.values()) expect(await cluster.spublish(channel, 'hi')).toBe(1);
    await waitUntil('one message per shard', async () => got.length === channels.size);
    expect(got.map((m) => m.channel).sort()).toEqual([...channels.values()].sort());

    await sub.unsubscribe();
    for (const [port, channel] of channels)
      expect(await shardSubscribers(byPort(port), channel)).toBe(0);
  });

  it('delivers the messages of each shard channel in order', async () => {
    const channels = [...(await channelPerShard('order')).values()];
    const got = new Map<string, number[]>(channels.map((c) => [c, []]));
    await cluster.ssubscribe(channels, (message, channel) =>
      got.get(channel)!.push(Number(message)),
    );
    const total = 300;
    // Issued in one go: each channel's SPUBLISHes share its node's connection, so keep order.
    await Promise.all(
      Array.from({ length: total }, (_, i) => cluster.spublish(channels[i % 3]!, String(i))),
    );
    await waitUntil('every message', async () =>
      [...got.values()].every((list) => list.length === total / 3),
    );
    for (const [i, channel] of channels.entries()) {
      const expected = Array.from({ length: total / 3 }, (_, n) => n * 3 + i);
      expect(got.get(channel)).toEqual(expected);
    }
  });

  it('subscribe and psubscribe hear PUBLISH sent to any node, in order per publisher', async () => {
    const base = unique('classic');
    const channels: string[] = [];
    const patterns: PubSubMessage[] = [];
    await cluster.subscribe(base, (message) => channels.push(message));
    await cluster.psubscribe(`${base}*`, (message, channel, pattern) =>
      patterns.push({ channel, message, pattern: pattern! }),
    );
    const sent: string[] = [];
    for (const node of handle.nodes) {
      for (let i = 0; i < 5; i++) {
        sent.push(`${node.port}:${i}`);
        await rawCommand(node, ['PUBLISH', base, `${node.port}:${i}`]);
      }
    }
    await cluster.publish(base, 'via the client');
    sent.push('via the client');
    await waitUntil('every PUBLISH', async () => channels.length === sent.length);
    await waitUntil('every pattern match', async () => patterns.length === sent.length);
    // The cluster bus carries each node's messages in order; different nodes' interleave.
    const from = (port: number) => (list: string[]) => list.filter((m) => m.startsWith(`${port}:`));
    for (const node of handle.nodes) {
      expect(from(node.port)(channels)).toEqual(from(node.port)(sent));
      expect(from(node.port)(patterns.map((m) => m.message))).toEqual(from(node.port)(sent));
    }
    expect([...channels].sort()).toEqual([...sent].sort());
    expect(patterns[0]).toMatchObject({ channel: base, pattern: `${base}*` });
  });

  it('reads shard channels with for await and delivers Buffers in binary mode', async () => {
    const channel = unique('bin');
    const bytes = Buffer.from([0, 255, 0x80, 10, 13, 0]);
    const binary = cluster.withBuffers();
    await using sub = await binary.ssubscribe(channel);
    const classic: Buffer[] = [];
    await binary.subscribe(channel, (message) => classic.push(message));
    await binary.spublish(channel, bytes);
    await cluster.publish(channel, bytes);
    for await (const { channel: from, message } of sub) {
      expect(from).toBe(channel);
      expect(Buffer.isBuffer(message)).toBe(true);
      expect(message).toEqual(bytes);
      break;
    }
    await waitUntil('the classic binary message', async () => classic.length === 1);
    expect(classic[0]).toEqual(bytes);
  });

  describe('PUBSUB introspection', () => {
    /** A plain client on `node` subscribed to `channel`, so node-local counts differ. */
    async function nodeSubscriber(
      node: RedisClusterNode,
      subscribe: (c: ReturnType<typeof createClient>) => Promise<unknown>,
    ) {
      const client = createClient(node.url);
      await subscribe(client);
      return client;
    }

    it('NUMSUB sums, CHANNELS unites and NUMPAT sums every node’s view', async () => {
      const channel = unique('numsub');
      const nobody = unique('nobody');
      const clients = await Promise.all(
        handle.nodes.map((node) =>
          nodeSubscriber(node, async (c) => {
            await c.subscribe(channel, () => undefined);
            await c.psubscribe(`${channel}:*`, () => undefined);
          }),
        ),
      );
      try {
        // The first call, cold: the fan-out waits for the slot map to know every node.
        const counts = await cluster.pubsubNumsub([channel, nobody]);
        expect(counts).toEqual({ [channel]: 3, [nobody]: 0 });
        expect(await cluster.pubsubChannels(`${channel}*`)).toEqual([channel]);
        expect(await cluster.pubsubNumpat()).toBe(3); // one pattern on each node
        const local = await cluster.nodeClient(handle.nodes[0]!).pubsubNumsub(channel);
        expect(local).toEqual({ [channel]: 1 });
        // A pipeline fans them out and combines them the same way.
        const [piped, patterns] = await cluster.pipeline((p) => [
          p.pubsubNumsub(channel),
          p.pubsubNumpat(),
        ]);
        expect([piped, patterns]).toEqual([{ [channel]: 3 }, 3]);
      } finally {
        await Promise.all(clients.map((c) => c.quit()));
      }
    });

    it('SHARDNUMSUB asks each channel’s owner; SHARDCHANNELS unites every shard', async () => {
      const channels = [...(await channelPerShard('shardnumsub')).values()];
      await cluster.ssubscribe(channels.slice(0, 2), () => undefined);
      const counts = await cluster.pubsubShardnumsub(channels);
      expect(counts).toEqual({ [channels[0]!]: 1, [channels[1]!]: 1, [channels[2]!]: 0 });
      expect(Object.keys(counts)).toEqual(channels);
      const base = channels[0]!.replace(/:\d+$/, '');
      const listed = await cluster.pubsubShardchannels(`${base}:*`);
      expect(listed.sort()).toEqual(channels.slice(0, 2).sort());
    });
  });
});
