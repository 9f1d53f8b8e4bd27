import {
  rawCommand,
  startSentinelGroup,
  waitUntil,
  type SentinelGroupHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSentinel, type FailoverEvent, type RedisClient } from '../../src/index.js';

/**
 * Client-side caching behind Sentinel (issue 14): the primary's connection tracks what it read,
 * another client's write invalidates it, and a failover, which moves the connection to the new
 * primary, empties the cache so no entry outlives the tracking it came with.
 */
describe('createSentinel with clientSideCache', () => {
  let group: SentinelGroupHandle;
  let client: RedisClient;
  beforeAll(async () => {
    group = await startSentinelGroup({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  });
  afterAll(async () => {
    client?.disconnect();
    await group.stop();
  });

  it('refuses caching with replica reads, before connecting', () => {
    const create = (): unknown =>
      createSentinel({
        sentinels: group.sentinelAddresses,
        name: group.name,
        readFrom: 'replica',
        clientSideCache: { maxEntries: 10 },
      });
    expect(create).toThrow(/clientSideCache needs the primary/);
  });

  it(
    'serves hits, is invalidated by another writer, and is emptied by a failover',
    {
      timeout: 60_000,
    },
    async () => {
      client = createSentinel({
        sentinels: group.sentinelAddresses,
        name: group.name,
        clientSideCache: { maxEntries: 100 },
      });
      // Cold: the first read connects, tracks and fills the cache.
      await rawCommand(group.primary, ['SET', 'csc:k', 'v1']);
      expect(await client.get('csc:k')).toBe('v1');
      expect(await client.get('csc:k')).toBe('v1');
      expect(client.cacheStats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });

      await rawCommand(group.primary, ['SET', 'csc:k', 'v2']);
      await waitUntil('the invalidation', async () => client.cacheStats()!.entries === 0);
      expect(await client.get('csc:k')).toBe('v2');

      const failovers: FailoverEvent[] = [];
      client.on('failover', (event) => failovers.push(event));
      const flushesBefore = client.cacheStats()!.flushes;
      expect(await rawCommand(group.sentinels[0]!, ['SENTINEL', 'FAILOVER', group.name])).toBe(
        'OK',
      );
      await waitUntil('the client to follow +switch-master', async () => failovers.length > 0, {
        timeoutMs: 20_000,
      });
      await waitUntil('the cache to be emptied', async () => {
        const stats = client.cacheStats()!;
        return stats.flushes > flushesBefore && stats.entries === 0;
      });
      // A write on the new primary by someone else is seen: the read after the move is tracked there.
      const newPrimary = group.replicas[0]!;
      await waitUntil(
        'the new primary to take writes',
        async () => {
          try {
            return (await rawCommand(newPrimary, ['SET', 'csc:k', 'v3'])) === 'OK';
          } catch {
            return false;
          }
        },
        { timeoutMs: 20_000 },
      );
      expect(await client.get('csc:k')).toBe('v3');
      await rawCommand(newPrimary, ['SET', 'csc:k', 'v4']);
      await waitUntil(
        'the invalidation from the new primary',
        async () => (await client.get('csc:k')) === 'v4',
      );
    },
  );
});
