import {
  rawCommand,
  startSentinelGroup,
  waitUntil,
  type RedisServerHandle,
  type SentinelGroupHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSentinel, type FailoverEvent, type RedisClient } from '../../src/index.js';
import { reportFigure } from './failover-report.js';
import { WriteTraffic } from './write-traffic.js';

/** Every acknowledged write, read back from `server`: those missing or wrong. */
async function missing(server: RedisServerHandle, traffic: WriteTraffic): Promise<string[]> {
  const lost: string[] = [];
  for (const record of traffic.records.filter((r) => r.acked)) {
    const value = await rawCommand(server, ['GET', record.key]);
    if (value !== record.key.split(':').at(-1)) lost.push(record.key);
  }
  return lost;
}

/**
 * `SENTINEL FAILOVER` while a client writes: the client follows `+switch-master` to the new
 * primary, writes resume there, no write goes to the demoted primary, and every write a
 * replica acknowledged (WAIT 1) before the switch is on the new primary afterwards.
 */
describe('createSentinel: SENTINEL FAILOVER under write traffic', () => {
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
    'writes resume on the promoted replica; acknowledged writes survive',
    { timeout: 60_000 },
    async () => {
      client = createSentinel({ sentinels: group.sentinelAddresses, name: group.name });
      const failovers: FailoverEvent[] = [];
      let switchedAt = Infinity;
      client.on('failover', (event) => {
        failovers.push(event);
        switchedAt = performance.now();
      });
      const traffic = new WriteTraffic(client, 'failover:');
      await waitUntil('acknowledged writes', async () => traffic.records.some((r) => r.acked));
      const oldPrimary = group.primary;
      const newPrimary = group.replicas[0]!;

      const askedAt = performance.now();
      expect(await rawCommand(group.sentinels[0]!, ['SENTINEL', 'FAILOVER', group.name])).toBe(
        'OK',
      );
      await waitUntil('the client to follow +switch-master', async () => failovers.length > 0, {
        timeoutMs: 20_000,
      });
      await waitUntil(
        'a write after the switch',
        async () => traffic.firstSuccessAfter(switchedAt) !== undefined,
        {
          timeoutMs: 15_000,
        },
      );
      // Sentinel turns the old primary into a replica a few seconds after the switch: writing on
      // until then shows none of ours lands there while it still accepts writes.
      await waitUntil(
        'the old primary to be demoted',
        async () => {
          const role = (await rawCommand(oldPrimary, ['ROLE'])) as string[];
          return role[0] === 'slave';
        },
        { timeoutMs: 30_000 },
      );
      await traffic.stop();

      expect(failovers[0]).toMatchObject({
        name: group.name,
        from: { port: oldPrimary.port },
        to: { port: newPrimary.port },
      });
      const firstWrite = traffic.firstSuccessAfter(switchedAt)!;
      reportFigure(
        'sentinel failover',
        'first write after SENTINEL FAILOVER',
        firstWrite.endedAt - askedAt,
        firstWrite.key,
      );
      reportFigure(
        'sentinel failover',
        'first write after +switch-master',
        firstWrite.endedAt - switchedAt,
        firstWrite.key,
      );
      const failed = traffic.records.filter((r) => !r.ok);
      reportFigure(
        'sentinel failover',
        'writes failed',
        failed.length,
        failed
          .map((r) => r.error)
          .join(' | ')
          .slice(0, 500),
      );
      // Bounded: no write waited longer than the default command timeout (10 s).
      expect(Math.max(...traffic.records.map((r) => r.endedAt - r.startedAt))).toBeLessThan(10_500);
      expect(await missing(newPrimary, traffic)).toEqual([]);
      // Every write that succeeded after the switch is on the new primary: none went to the old one.
      const after = traffic.records.filter((r) => r.ok && r.startedAt >= switchedAt);
      expect(after.length).toBeGreaterThan(0);
      for (const record of after) {
        expect(await rawCommand(newPrimary, ['GET', record.key])).toBe(record.key.split(':')[1]);
      }
      expect(await client.get(firstWrite.key)).toBe(firstWrite.key.split(':')[1]);
    },
  );
});
