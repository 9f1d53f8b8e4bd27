import { describe, expect, it } from 'vitest';
import { rawCommand, redisUrl, redisVersion, redisVersionAtLeast } from '@redspec/test-utils';
import { targetFromUrl } from '@redspec/test-utils';

describe('the live project global setup', () => {
  it('provides the URL of a server that answers', async () => {
    expect(await rawCommand(targetFromUrl(redisUrl()), ['PING'])).toBe('PONG');
  });

  it("provides the server's version from INFO server", async () => {
    expect(redisVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(redisVersionAtLeast('2.0')).toBe(true);
    expect(redisVersionAtLeast('99')).toBe(false);
    expect(redisVersionAtLeast(redisVersion())).toBe(true);
  });
});
