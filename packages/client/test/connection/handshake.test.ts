import { startRedisServer, redisVersion, type RedisServerHandle } from '@redspec/test-utils';
import { AuthenticationError, ReplyError } from '@redspec/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import type { RawConnection } from '../helpers/raw-connection.js';
import { sharedServer } from './shared-server.js';

const open: RawConnection[] = [];
async function connect(...args: Parameters<typeof createRawConnection>): Promise<RawConnection> {
  const connection = await createRawConnection(...args);
  open.push(connection);
  return connection;
}
afterAll(() => open.forEach((connection) => connection.disconnect()));

describe('handshake on the shared server', () => {
  it('speaks RESP3 by default and learns the server from HELLO', async () => {
    const connection = await connect(sharedServer());
    expect(connection.server).toEqual({ product: 'redis', version: redisVersion(), protocol: 3 });
    expect(await connection.call(['HGETALL', 'redspec:missing'])).toEqual({});
  });

  it('speaks RESP2 when asked and learns the version from INFO server', async () => {
    const connection = await connect({ ...sharedServer(), protocol: 2 });
    expect(connection.server).toEqual({ product: 'redis', version: redisVersion(), protocol: 2 });
    expect(await connection.call(['HGETALL', 'redspec:missing'])).toEqual([]);
  });

  it.each([2, 3] as const)(
    'selects the database and sets the client name (RESP%s)',
    async (protocol) => {
      const connection = await connect({
        ...sharedServer(),
        protocol,
        db: 3,
        clientName: 'redspec-test',
      });
      const info = String(await connection.call(['CLIENT', 'INFO']));
      expect(info).toMatch(/ db=3 /);
      expect(info).toMatch(/ name=redspec-test /);
      expect(info).toMatch(new RegExp(` resp=${protocol}\\b`));
    },
  );

  it('rejects connect() with the server error when SELECT fails', async () => {
    await expect(createRawConnection({ ...sharedServer(), db: 999 })).rejects.toThrow(
      /ERR DB index is out of range \(SELECT while connecting to 127\.0\.0\.1:\d+\)/,
    );
  });
});

describe('handshake with a password', () => {
  let server: RedisServerHandle;
  beforeAll(async () => {
    server = await startRedisServer({ password: 's3cret' });
  });
  afterAll(() => server.stop());

  it.each([2, 3] as const)('authenticates with the right password (RESP%s)', async (protocol) => {
    const connection = await connect({ port: server.port, password: 's3cret', protocol });
    expect(await connection.call(['PING'])).toBe('PONG');
  });

  it.each([2, 3] as const)(
    'rejects a wrong password with AuthenticationError (RESP%s)',
    async (protocol) => {
      const attempt = createRawConnection({ port: server.port, password: 'wrong', protocol });
      await expect(attempt).rejects.toBeInstanceOf(AuthenticationError);
      await expect(attempt).rejects.toThrow(
        `WRONGPASS invalid username-password pair or user is disabled. (connecting to 127.0.0.1:${server.port} as 'default')`,
      );
    },
  );

  it('rejects a missing password with AuthenticationError', async () => {
    const attempt = createRawConnection({ port: server.port });
    await expect(attempt).rejects.toBeInstanceOf(AuthenticationError);
    await expect(attempt).rejects.toThrow(/^NOAUTH .*without a password\)$/);
  });
});

describe('handshake with a server that has no HELLO', () => {
  let server: RedisServerHandle;
  beforeAll(async () => {
    // Renaming HELLO away makes a current server answer like Redis 5: unknown command.
    server = await startRedisServer({ password: 'pw', args: ['--rename-command', 'HELLO', ''] });
  });
  afterAll(() => server.stop());

  it('falls back to RESP2: AUTH, CLIENT SETNAME, SELECT, INFO server', async () => {
    const connection = await connect({
      port: server.port,
      password: 'pw',
      db: 2,
      clientName: 'old',
    });
    expect(connection.server).toMatchObject({ product: 'redis', protocol: 2 });
    expect(connection.server?.version).toMatch(/^\d+\.\d+\.\d+$/);
    const info = String(await connection.call(['CLIENT', 'INFO']));
    expect(info).toMatch(/ db=2 .* resp=2\b/);
    expect(info).toMatch(/ name=old /);
    const error = await connection.call(['HELLO', '3']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
  });
});
