import {
  rawCommand,
  startRedisCluster,
  waitUntil,
  type RedisClusterHandle,
  type RedisClusterNode,
} from '@redspec/test-utils';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type RedisCluster, type ResubscribedEvent } from '../../src/index.js';
import { createRawConnection } from '../helpers/raw-connection.js';
import { checkReceived, PublishTraffic } from './publish-traffic.js';
import { SlotMoves } from './slot-moves.js';

/**
 * Shard and classic subscriptions on a dedicated 3+3 cluster while slots migrate and primaries
 * fail over, under publish traffic. In this order: migrations, a graceful failover, then a
 * killed primary (last: the cluster loses a node).
 */
describe('cluster subscriptions through slot migrations and failovers', () => {
  let handle: RedisClusterHandle;
  let moves: SlotMoves;
  let publisher: RedisCluster;

  beforeAll(async () => {
    handle = await startRedisCluster({ primaries: 3, replicasPerPrimary: 1 });
    moves = new SlotMoves(handle);
    publisher = createCluster({ rootNodes: handle.rootNodes, maxRetries: 20 });
  });
  afterAll(async () => {
    await publisher?.quit();
    await handle?.stop();
  });
  // A failover is over for its replica before every node has heard: until then another node's
  // CLUSTER SLOTS can leave the moved slots out. Each test starts on a cluster that agrees.
  beforeEach(() => handle.waitUntilReady(), 30_000);

  /** A fresh subscriber client and what it hears. */
  function subscriberClient(protocol: 2 | 3 = 3) {
    const cluster = createCluster({ rootNodes: handle.rootNodes, protocol });
    const events: ResubscribedEvent[] = [];
    const errors: Error[] = [];
    cluster.on('resubscribed', (event) => events.push(event));
    cluster.on('error', (error) => errors.push(error));
    return { cluster, events, errors };
  }
  /** Waits for traffic published after `mark` to arrive, stops it, checks order and loss. */
  async function expectDeliveredAfter(traffic: PublishTraffic, got: number[], mark: number) {
    await waitUntil('messages published after the move', async () =>
      got.some((seq) => seq >= mark + 20),
    );
    const last = await traffic.stop();
    await waitUntil('the last message', async () => got.includes(last));
    expect(checkReceived(got, mark, last), `received ${got.join(' ')}`).toEqual([]);
    expect(traffic.failures.filter(({ seq }) => seq >= mark)).toEqual([]);
  }

  it.for([3, 2] as const)(
    'RESP%i: a shard subscription follows its slot to the new owner (the server sunsubscribes)',
    async (protocol, { annotate }) => {
      const channel = `orders:{${randomUUID()}}`;
      const { cluster, events, errors } = subscriberClient(protocol);
      const source = await moves.ownerOf(channel);
      const target = await moves.otherPrimary(source);
      // A bystander at the source: Redis 7.0 itself tells shard subscribers of a moved slot.
      const bystander = await createRawConnection({ port: source.port, protocol: 3 });
      const pushes: unknown[][] = [];
      bystander.on('push', (frame) => pushes.push(frame));
      await bystander.call(['SSUBSCRIBE', channel]);
      try {
        const got: number[] = [];
        await cluster.ssubscribe(channel, (message) => got.push(Number(message)));
        const traffic = new PublishTraffic(publisher, channel, 'spublish');
        await waitUntil('traffic before the move', async () => got.length > 10);
        const key = `{${channel.slice(8, -1)}}stock`;
        await publisher.set(key, 'in the slot');

        await moves.migrate(channel, source, target, [key]);
        await waitUntil('the resubscription', async () => events.length > 0);
        const mark = traffic.next;
        expect(events).toEqual([
          { channels: [], patterns: [], shardChannels: [channel], gapMs: expect.any(Number) },
        ]);
        await expectDeliveredAfter(traffic, got, mark);
        expect(pushes).toContainEqual(['sunsubscribe', channel, 0]);
        expect(errors).toEqual([]); // the push was understood, not a broken connection
        const count = async (node: RedisClusterNode) =>
          (await rawCommand(node, ['PUBSUB', 'SHARDNUMSUB', channel])) as unknown[];
        expect(await count(target)).toEqual([channel, 1]);
        expect(await count(source)).toEqual([channel, 0]);
        expect(events[0]!.gapMs).toBeLessThan(2_000);
        await annotate(`RESP${protocol} migration gap: ${events[0]!.gapMs} ms`);
      } finally {
        bystander.disconnect();
        await cluster.quit();
      }
    },
  );

  it('CLUSTER FAILOVER of the owning primary: shard and classic subscriptions carry on', async ({
    annotate,
  }) => {
    const channel = `payments:{${randomUUID()}}`;
    const news = `news:${randomUUID()}`;
    const { cluster, events, errors } = subscriberClient();
    try {
      const shard: number[] = [];
      const classic: number[] = [];
      await cluster.ssubscribe(channel, (message) => shard.push(Number(message)));
      await cluster.subscribe(news, (message) => classic.push(Number(message)));
      const shardTraffic = new PublishTraffic(publisher, channel, 'spublish');
      const classicTraffic = new PublishTraffic(publisher, news, 'publish');
      await waitUntil('traffic before the failover', async () => shard.length > 10);
      const primary = await moves.ownerOf(channel);
      const replica = await moves.replicaOf(primary);

      await rawCommand(replica, ['CLUSTER', 'FAILOVER']);
      await waitUntil('the replica to take over', async () => {
        const [role] = (await rawCommand(replica, ['ROLE'])) as [string];
        return role === 'master';
      });
      await waitUntil('the resubscription', async () => events.length > 0, { timeoutMs: 10_000 });
      const mark = shardTraffic.next;
      const classicMark = classicTraffic.next;
      expect(events.flatMap((event) => event.shardChannels)).toEqual([channel]);
      await expectDeliveredAfter(shardTraffic, shard, mark);
      await expectDeliveredAfter(classicTraffic, classic, classicMark);
      const counts = (await rawCommand(replica, ['PUBSUB', 'SHARDNUMSUB', channel])) as unknown[];
      expect(counts).toEqual([channel, 1]);
      expect(errors).toEqual([]); // a planned failover loses no connection
      expect(events[0]!.gapMs).toBeLessThan(2_000);
      await annotate(`CLUSTER FAILOVER gap: ${events[0]!.gapMs} ms`);
    } finally {
      await cluster.quit();
    }
  });

  it(
    'a killed primary: its shard and classic subscriptions move to the promoted replica',
    { timeout: 60_000 },
    async ({ annotate }) => {
      const news = `alerts:${randomUUID()}`;
      const { cluster, events } = subscriberClient();
      try {
        const classic: number[] = [];
        await cluster.subscribe(news, (message) => classic.push(Number(message)));
        // The node holding the classic subscription, and a shard channel it owns.
        const primary = await nodeWithClassicSubscriber();
        let channel = '';
        do channel = `stock:{${randomUUID()}}`;
        while ((await moves.ownerOf(channel)).port !== primary.port);
        const shard: number[] = [];
        await cluster.ssubscribe(channel, (message) => shard.push(Number(message)));
        const shardTraffic = new PublishTraffic(publisher, channel, 'spublish', 5);
        const classicTraffic = new PublishTraffic(publisher, news, 'publish', 5);
        await waitUntil('traffic before the crash', async () => shard.length > 10);

        await handle.killNode(primary.port);
        // Both connections ended at once; their names may come back in one event or two.
        const resubscribed = () => ({
          shardChannels: events.flatMap((event) => event.shardChannels),
          channels: events.flatMap((event) => event.channels),
        });
        await waitUntil(
          'the resubscription',
          async () => resubscribed().shardChannels.length > 0 && resubscribed().channels.length > 0,
          { timeoutMs: 30_000 },
        );
        const mark = shardTraffic.next;
        const classicMark = classicTraffic.next;
        expect(resubscribed()).toEqual({ shardChannels: [channel], channels: [news] });
        await expectDeliveredAfter(shardTraffic, shard, mark);
        await expectDeliveredAfter(classicTraffic, classic, classicMark);
        await annotate(`killed primary gaps: ${events.map((e) => e.gapMs).join(', ')} ms`);
      } finally {
        await cluster.quit();
      }
    },
  );

  /** The live node where a client is subscribed to one classic channel (CLIENT LIST). */
  async function nodeWithClassicSubscriber(): Promise<RedisClusterNode> {
    for (const node of handle.nodes) {
      const clients = String(await rawCommand(node, ['CLIENT', 'LIST', 'TYPE', 'pubsub']));
      if (/ sub=1 /.test(clients)) return node;
    }
    throw new Error('no node holds the classic subscription');
  }
});
