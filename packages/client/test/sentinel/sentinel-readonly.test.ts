import {
  rawCommand,
  startSentinelGroup,
  waitUntil,
  type SentinelGroupHandle,
} from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSentinel, SentinelRoleError, type RedisClient } from '../../src/index.js';

/**
 * The primary demoted under the client's feet (an operator's REPLICAOF, which, unlike
 * Sentinel's own failover, kills no connection): the next write is refused with READONLY, so
 * the client asks the sentinels again, refuses the demoted server on its ROLE while they still
 * name it, and sends the write once more (READONLY means it was not applied) to the primary
 * Sentinel names after its failover.
 */
describe('createSentinel: a primary demoted without a failover announcement', () => {
  let group: SentinelGroupHandle;
  let client: RedisClient;
  beforeAll(async () => {
    group = await startSentinelGroup();
  });
  afterAll(async () => {
    client?.disconnect();
    await group.stop();
  });

  it(
    'READONLY triggers rediscovery; the write is sent again once, to the new primary',
    { timeout: 40_000 },
    async () => {
      const errors: Error[] = [];
      client = createSentinel({ sentinels: group.sentinelAddresses, name: group.name });
      client.on('error', (error) => errors.push(error));
      expect(await client.set('before', '1')).toBe('OK');

      const [oldPrimary, replica] = [group.primary, group.replicas[0]!];
      await rawCommand(replica, ['REPLICAOF', 'NO', 'ONE']);
      await rawCommand(oldPrimary, ['REPLICAOF', replica.host, String(replica.port)]);
      const write = client.set('after', '2');
      // The sentinels still name the old primary: the client connects there, reads ROLE, refuses.
      await waitUntil('the ROLE check to refuse the demoted primary', async () =>
        errors.some((error) => error instanceof SentinelRoleError),
      );
      expect(errors.some((error) => /answered READONLY/.test(error.message))).toBe(true);
      expect(await rawCommand(group.sentinels[0]!, ['SENTINEL', 'FAILOVER', group.name])).toBe(
        'OK',
      );

      expect(await write).toBe('OK');
      expect(await rawCommand(replica, ['GET', 'after'])).toBe('2');
      expect(await group.primaryPort()).toBe(replica.port);
    },
  );
});
