import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort, startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import { ConnectionError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'redspec-transports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unix socket', () => {
  const path = join(dir, 'redis.sock');
  let server: RedisServerHandle;
  beforeAll(async () => {
    server = await startRedisServer({ args: ['--unixsocket', path, '--unixsocketperm', '700'] });
  });
  afterAll(() => server.stop());

  it('connects through `path`', async () => {
    const connection = await createRawConnection({ path });
    expect(await connection.call(['PING'])).toBe('PONG');
    expect(String(await connection.call(['CLIENT', 'INFO']))).toMatch(/ flags=U /); // U: a unix-socket client
    await connection.quit();
  });
});

describe('TLS', () => {
  let server: RedisServerHandle;
  let tlsPort: number;
  let ca: Buffer;
  beforeAll(async () => {
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
        ...['-keyout', key, '-out', cert, '-subj', '/CN=localhost'],
        ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(cert);
    tlsPort = await getFreePort();
    server = await startRedisServer({
      args: [
        ...['--tls-port', String(tlsPort), '--tls-cert-file', cert, '--tls-key-file', key],
        ...['--tls-ca-cert-file', cert, '--tls-auth-clients', 'no'],
      ],
    });
  });
  afterAll(() => server.stop());

  it('connects with a trusted CA and runs the handshake over TLS', async () => {
    const connection = await createRawConnection({ port: tlsPort, tls: { ca } });
    expect(connection.server?.protocol).toBe(3);
    expect(await connection.call(['PING'])).toBe('PONG');
    await connection.quit();
  });

  it('rejects an untrusted certificate with a ConnectionError', async () => {
    const attempt = createRawConnection({ port: tlsPort, tls: true });
    await expect(attempt).rejects.toBeInstanceOf(ConnectionError);
    await expect(attempt).rejects.toThrow(
      /Could not connect to 127\.0\.0\.1:\d+: self[- ]signed certificate/,
    );
  });
});
