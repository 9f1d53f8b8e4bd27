import { rawCommand, startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';

describe('a user allowed only the commands the app uses', () => {
  let server: RedisServerHandle;
  beforeAll(async () => {
    server = await startRedisServer();
    await rawCommand(server, ['ACL', 'SETUSER', 'app', 'on', '>app-pw', '~*', '+get', '+set']);
  });
  afterAll(() => server.stop());

  it.each([2, 3] as const)(
    'connects over RESP%i (the handshake needs neither INFO nor CLIENT)',
    async (protocol) => {
      const client = createClient({
        url: server.url,
        username: 'app',
        password: 'app-pw',
        protocol,
        clientName: 'restricted',
      });
      try {
        expect(await client.set('k', 'v')).toBe('OK');
        expect(await client.get('k')).toBe('v');
        expect(client.server).toMatchObject({ product: 'redis', protocol });
        expect(client.server?.version).toMatch(/^\d+\.\d+/);
      } finally {
        await client.quit();
      }
    },
  );
});
