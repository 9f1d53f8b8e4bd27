import { randomUUID } from 'node:crypto';
import { redisUrl, startRedisServer } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConnectionError,
  NoPermissionError,
  createClient,
} from '../src/index.js';

describe('client faults', () => {
  it('rejects in-flight commands when the server dies, then reconnects and works again', async () => {
    const server = await startRedisServer();
    const client = await createClient({
      url: server.url,
      reconnect: { baseDelayMs: 20, maxDelayMs: 100 },
    }).connect();
    try {
      await client.set('fault:n', 0);
      const blocked = client.blpop('fault:q', 5).catch((e: unknown) => e);
      const inflight = Array.from({ length: 20 }, () =>
        client.incr('fault:n').catch((e: unknown) => e),
      );
      await server.kill();
      const outcomes = await Promise.all(inflight);
      // Each INCR either ran before the kill or failed with a connection error; none is resent.
      expect(outcomes.every((o) => typeof o === 'number' || o instanceof ConnectionError)).toBe(
        true,
      );
      expect(await blocked).toBeInstanceOf(ConnectionError);
      await server.restart();
      await expect.poll(() => client.ping().catch(() => 'down'), { timeout: 5_000 }).toBe('PONG');
      expect(await client.incr('fault:after')).toBe(1);
    } finally {
      await client.quit();
      await server.stop();
    }
  });

  it('says clearly when the password is wrong', async () => {
    const server = await startRedisServer({ password: 'right' });
    try {
      const client = createClient({ url: server.url, password: 'wrong' });
      const error = await client.connect().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(String(error)).toMatch(/WRONGPASS/);
    } finally {
      await server.stop();
    }
  });

  it('surfaces NOPERM for an ACL user without the permission as a typed error', async () => {
    const admin = await createClient(redisUrl()).connect();
    const user = `limited-${randomUUID()}`;
    await admin.aclSetuser(user, ['on', '>secret', '~acl:*', '+get', '+hello', '+info', '+ping']);
    const limited = createClient({ url: redisUrl(), username: user, password: 'secret' });
    try {
      expect(await limited.get('acl:x')).toBeNull();
      const error = await limited.set('acl:x', '1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NoPermissionError);
      expect(error).toMatchObject({ code: 'NOPERM', command: 'SET' });
    } finally {
      await limited.quit();
      await admin.aclDeluser(user);
      await admin.quit();
    }
  });
});
