import { describe, expect, it } from 'vitest';
import { parseRedisUrl, resolveClientConfig } from './client-config.js';

describe('client URLs', () => {
  it('reads host, port, credentials and the database from the path or ?db=', () => {
    expect(parseRedisUrl('redis://app:s%40cret@cache.local:6380/2')).toEqual({
      host: 'cache.local',
      port: 6380,
      username: 'app',
      password: 's@cret',
      db: 2,
    });
    expect(parseRedisUrl('redis://127.0.0.1?db=5')).toMatchObject({ db: 5, port: 6379 });
    expect(parseRedisUrl('rediss://[::1]:7000')).toEqual({ host: '::1', port: 7000, tls: true });
  });

  it('reaches unix sockets through unix:// and redis+unix://', () => {
    expect(parseRedisUrl('unix:///var/run/redis.sock')).toEqual({ path: '/var/run/redis.sock' });
    expect(parseRedisUrl('redis+unix:///tmp/r.sock?db=3')).toEqual({ path: '/tmp/r.sock', db: 3 });
  });

  it('lets explicit settings win over the URL', () => {
    expect(resolveClientConfig({ url: 'redis://h:1/4', db: 0, port: 2 })).toEqual({
      host: 'h',
      port: 2,
      db: 0,
    });
  });

  it('refuses what it cannot read, never showing the password', () => {
    expect(() => parseRedisUrl('http://h')).toThrow(/redis:\/\/, rediss:\/\/, unix:\/\//);
    expect(() => parseRedisUrl('redis://h/abc')).toThrow(/database must be a number/);
    const malformed = (): unknown => parseRedisUrl('redis://user:hunter2@exa mple:6379');
    expect(malformed).toThrow(TypeError);
    expect(malformed).toThrow(/redis:\/\/user:<redacted>@/);
    expect(malformed).not.toThrow(/hunter2/);
  });
});

describe('createClient option combinations', () => {
  it('refuses client-side caching with replica reads, before connecting anything', async () => {
    const { createClient } = await import('./redis-client.js');
    const create = (): unknown =>
      createClient({
        port: 1,
        clientSideCache: { maxEntries: 10 },
        replicas: ['redis://127.0.0.1:2'],
        readFrom: 'replica',
      });
    expect(create).toThrow(TypeError);
    expect(create).toThrow(/clientSideCache cannot be combined with readFrom 'replica'/);
  });
});
