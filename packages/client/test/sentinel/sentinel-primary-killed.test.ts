import {
  rawCommand,
  startSentinelGroup,
  waitUntil,
  type SentinelGroupHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSentinel, type RedisClient } from '../../src/index.js';
import { reportFigure } from './failover-report.js';
import { WriteTraffic } from './write-traffic.js';

/**
 * The primary SIGKILLed while a client writes: the sentinels agree it is down (after
 * down-after-milliseconds, 1 s here), promote the replica, and the client, which keeps asking
 * them on each reconnect attempt and follows `+switch-master`, writes there.
 */
describe('createSentinel: primary killed', () => {
  let group: SentinelGroupHandle;
  let client: RedisClient;
  beforeAll(async () => {
    group = await startSentinelGroup({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  });
  afterAll(async () => {
    client?.disconnect();
    await group.stop();
  });

  it(
    'the client reaches the promoted replica; acknowledged writes survive',
    { timeout: 60_000 },
    async () => {
      client = createSentinel({ sentinels: group.sentinelAddresses, name: group.name });
      const traffic = new WriteTraffic(client, 'killed:');
      await waitUntil('acknowledged writes', async () => traffic.records.some((r) => r.acked));

      const killedAt = performance.now();
      await group.primary.kill();
      await waitUntil(
        'a write after the kill',
        async () => traffic.firstSuccessAfter(killedAt) !== undefined,
        {
          timeoutMs: 30_000,
        },
      );
      await traffic.stop();

      const promoted = group.replicas[0]!;
      expect(await group.primaryPort()).toBe(promoted.port);
      const first = traffic.firstSuccessAfter(killedAt)!;
      reportFigure(
        'sentinel primary killed',
        'first write after SIGKILL of the primary',
        first.endedAt - killedAt,
        first.key,
      );
      const failed = traffic.records.filter((r) => !r.ok);
      reportFigure(
        'sentinel primary killed',
        'writes failed',
        failed.length,
        [...new Set(failed.map((r) => r.error))].join(' | ').slice(0, 500),
      );
      // Bounded: each write settled within the default command timeout (10 s), never hung.
      expect(Math.max(...traffic.records.map((r) => r.endedAt - r.startedAt))).toBeLessThan(10_500);
      for (const record of traffic.records.filter((r) => r.acked && r.startedAt < killedAt)) {
        expect(await rawCommand(promoted, ['GET', record.key])).toBe(record.key.split(':')[1]);
      }
      expect(await client.get(first.key)).toBe(first.key.split(':')[1]);
    },
  );
});
