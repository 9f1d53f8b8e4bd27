import { rawCommand, startSentinelGroup, type SentinelGroupHandle } from '@redspec/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CommandTimeoutError, createSentinel, type RedisClient } from '../../src/index.js';

/** Sentinels with `requirepass`: the client authenticates to them with `sentinelPassword`. */
describe('createSentinel: sentinel auth', () => {
  let group: SentinelGroupHandle;
  let client: RedisClient | undefined;
  beforeAll(async () => {
    group = await startSentinelGroup({ sentinelPassword: 'sentinel-s3cret' });
  });
  afterAll(() => group.stop());
  afterEach(async () => {
    await client?.quit();
    client = undefined;
  });

  it('finds the primary with sentinelPassword, on the first call, cold', async () => {
    client = createSentinel({
      sentinels: group.sentinelAddresses,
      name: group.name,
      sentinelPassword: 'sentinel-s3cret',
    });
    expect(await client.set('authed', 'yes')).toBe('OK');
    expect(await rawCommand(group.primary, ['GET', 'authed'])).toBe('yes');
  });

  it('without it, commands fail within their timeout, saying the sentinels refused', async () => {
    client = createSentinel({
      sentinels: group.sentinelAddresses,
      name: group.name,
      commandTimeout: 1500,
    });
    const error = (await client.get('authed').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(error.message).toMatch(/No sentinel gave the primary/);
    expect(error.message).toMatch(/NOAUTH|AUTH/);
    expect(error.message).not.toContain('sentinel-s3cret');
  });

  it('a wrong sentinelPassword never shows in the error', async () => {
    client = createSentinel({
      sentinels: group.sentinelAddresses,
      name: group.name,
      sentinelPassword: 'wrong-pass',
      commandTimeout: 1500,
    });
    const error = (await client.get('authed').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/WRONGPASS|invalid/i);
    expect(error.message).not.toContain('wrong-pass');
  });
});
