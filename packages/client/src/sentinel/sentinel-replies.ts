import type { RespValue } from '@redspec/types/internal';
import type { ServerAddress } from '../connection/server-locator.js';

/** An instance as `SENTINEL REPLICAS` or `SENTINEL SENTINELS` lists it. */
export interface SentinelListing extends ServerAddress {
  /** Sentinel's flags: `slave`, `s_down`, `o_down`, `disconnected` … */
  readonly flags: readonly string[];
}

/** `SENTINEL GET-MASTER-ADDR-BY-NAME`: `[ip, port]`, or null when the name is not monitored. */
export function parseAddress(reply: RespValue): ServerAddress | undefined {
  if (!Array.isArray(reply) || reply.length !== 2) return undefined;
  const port = Number(String(reply[1]));
  if (!Number.isInteger(port)) return undefined;
  return { host: String(reply[0]), port };
}

/**
 * `SENTINEL REPLICAS` / `SENTINEL SENTINELS`: one entry per instance, a map under RESP3 or a
 * flat name/value list under RESP2.
 */
export function parseListing(reply: RespValue): SentinelListing[] {
  if (!Array.isArray(reply)) return [];
  const listed: SentinelListing[] = [];
  for (const entry of reply) {
    const fields = fieldsOf(entry);
    const port = Number(fields['port']);
    if (fields['ip'] === undefined || !Number.isInteger(port)) continue;
    listed.push({ host: fields['ip'], port, flags: (fields['flags'] ?? '').split(',') });
  }
  return listed;
}

/** Whether Sentinel thinks an instance can serve: not down (subjectively or objectively), not disconnected. */
export function isHealthy(instance: SentinelListing): boolean {
  return !instance.flags.some(
    (flag) => flag === 's_down' || flag === 'o_down' || flag === 'disconnected',
  );
}

function fieldsOf(entry: RespValue): Record<string, string> {
  const fields: Record<string, string> = {};
  if (Array.isArray(entry)) {
    for (let i = 0; i + 1 < entry.length; i += 2) fields[String(entry[i])] = String(entry[i + 1]);
  } else if (entry !== null && typeof entry === 'object' && !(entry instanceof Error)) {
    for (const [name, value] of Object.entries(entry)) fields[name] = String(value);
  }
  return fields;
}
