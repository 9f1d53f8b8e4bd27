import { describe, expect, it } from 'vitest';
import { serverInfoFromHello, serverInfoFromInfo } from './server-info.js';

// Excerpts of `INFO server` as each product prints it (Valkey 8 keeps redis_version at 7.2.4).
const redisInfo =
  '# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:00000000\r\nredis_mode:standalone\r\n';
const valkeyInfo =
  '# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.1.0\r\nredis_mode:standalone\r\n';

describe('serverInfoFromInfo', () => {
  it('reads redis_version', () => {
    expect(serverInfoFromInfo(redisInfo, 2)).toEqual({
      product: 'redis',
      version: '7.0.15',
      protocol: 2,
    });
  });

  it('prefers valkey_version and server_name on Valkey', () => {
    expect(serverInfoFromInfo(valkeyInfo, 2)).toEqual({
      product: 'valkey',
      version: '8.1.0',
      protocol: 2,
    });
  });

  it('accepts the reply as a Buffer', () => {
    expect(serverInfoFromInfo(Buffer.from(redisInfo), 2).version).toBe('7.0.15');
  });
});

describe('serverInfoFromHello', () => {
  it('reads server, version and proto from the HELLO map', () => {
    const hello = { server: 'valkey', version: '8.1.0', proto: 3, id: 7, mode: 'standalone' };
    expect(serverInfoFromHello(hello)).toEqual({
      product: 'valkey',
      version: '8.1.0',
      protocol: 3,
    });
  });
});

describe('serverInfoFromHello', () => {
  it('reads a RESP3 map and a RESP2 flat array alike', () => {
    const fields = { server: 'redis', version: '7.0.15', proto: 2, id: 7 };
    expect(serverInfoFromHello(fields)).toEqual({
      product: 'redis',
      version: '7.0.15',
      protocol: 2,
    });
    const flat = Object.entries(fields).flat();
    expect(serverInfoFromHello(flat)).toEqual({ product: 'redis', version: '7.0.15', protocol: 2 });
    const valkey = serverInfoFromHello({ server: 'valkey', version: '8.1.0', proto: 3 });
    expect(valkey).toEqual({ product: 'valkey', version: '8.1.0', protocol: 3 });
  });
});
