import type { RespValue, ServerInfo } from '@redspec/types';

/**
 * Reads product and version from a `HELLO` reply: a map under RESP3, a flat field/value array
 * under RESP2 (`server`, `version`, `proto` …).
 */
export function serverInfoFromHello(reply: RespValue): ServerInfo {
  const map: Record<string, RespValue> = {};
  if (Array.isArray(reply)) {
    for (let i = 0; i + 1 < reply.length; i += 2) map[String(reply[i])] = reply[i + 1]!;
  } else if (reply !== null && typeof reply === 'object' && !Buffer.isBuffer(reply)) {
    Object.assign(map, reply);
  }
  return {
    product: String(map.server) === 'valkey' ? 'valkey' : 'redis',
    version: String(map.version ?? '0.0.0'),
    protocol: map.proto === 2 ? 2 : 3,
  };
}

/**
 * Reads product and version from `INFO server`. Valkey keeps reporting `redis_version` (7.2.4)
 * for compatibility and adds `valkey_version` and `server_name`, which win when present.
 */
export function serverInfoFromInfo(reply: RespValue, protocol: 2 | 3): ServerInfo {
  const text = Buffer.isBuffer(reply) ? reply.toString() : String(reply);
  const field = (name: string): string | undefined =>
    new RegExp(`^${name}:([^\\r\\n]*)`, 'm').exec(text)?.[1];
  const valkeyVersion = field('valkey_version');
  const valkey = valkeyVersion !== undefined || field('server_name') === 'valkey';
  return {
    product: valkey ? 'valkey' : 'redis',
    version: valkeyVersion ?? field('redis_version') ?? '0.0.0',
    protocol,
  };
}
