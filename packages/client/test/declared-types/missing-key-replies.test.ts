import { redisUrl, redisVersionAtLeast } from '@redspec/test-utils';
import { createClient, type RedisClient } from '@redspec/client';
import {
  CommandFlag,
  Product,
  ReplyError,
  commandTable,
  type CommandMethod,
  type CommandSpec,
} from '@redspec/types/internal';
import { minimalParams } from '../../../types/test/minimal-params.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplySchemas } from '../conformance/reply-schemas.js';

/**
 * Every command that takes a key, called with its fewest arguments on keys that do not exist,
 * over RESP2 and RESP3: whatever the server sends back (null, an empty list, 0…) must be a value
 * of the method's declared type. The declared type and the reply schema (specs plus overlay)
 * come from the same data, so a reply that fails the schema is one the type excludes: OBJECT
 * FREQ's null on a missing key was such a case (issue 15).
 */
const PROTOCOLS = [2, 3] as const;

/** Commands whose call would reach outside the test server or wait on something never coming. */
const NOT_CALLED: ReadonlySet<CommandMethod> = new Set<CommandMethod>([
  'migrate', // connects to the host it is given
]);

const entries = (Object.entries(commandTable) as [CommandMethod, CommandSpec][]).filter(
  ([method, spec]) =>
    !NOT_CALLED.has(method) &&
    (spec.products & Product.REDIS) !== 0 &&
    redisVersionAtLeast(spec.since) &&
    spec.args.some((arg) => arg.kind === 'key' && arg.param !== undefined),
);

/** Samples the server accepts where a made-up `'x'` would be refused: cursors, ranges, ids. */
const SAMPLES: Partial<Record<CommandMethod, Record<string, unknown>>> = {
  hscan: { cursor: '0' },
  sscan: { cursor: '0' },
  zscan: { cursor: '0' },
  zrange: { start: 0, stop: -1 },
  zrangestore: { min: 0, max: -1 },
  zlexcount: { min: '-', max: '+' },
  zrangebylex: { min: '-', max: '+' },
  zrevrangebylex: { max: '+', min: '-' },
  zremrangebylex: { min: '-', max: '+' },
  xrange: { start: '-', end: '+' },
  xrevrange: { end: '+', start: '-' },
  xautoclaim: { 'min-idle-time': '0', start: '0-0' },
};

/** The minimal call, with every positional key a fresh one and timeouts short. */
function missingKeyParams(method: CommandMethod, spec: CommandSpec, prefix: string): unknown[] {
  const params = minimalParams(spec);
  const samples = SAMPLES[method] ?? {};
  for (const arg of spec.args) {
    if (arg.param === undefined) continue;
    if (arg.name in samples) {
      params[arg.param] = samples[arg.name];
    } else if (arg.kind === 'key') {
      const key = `${prefix}${method}:${arg.name}`;
      params[arg.param] = arg.multiple === true ? [key] : key;
    } else if (arg.name === 'timeout' && (spec.flags & CommandFlag.BLOCKING) !== 0) {
      params[arg.param] = 0.01;
    }
  }
  return params;
}

async function removeKeys(client: RedisClient, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, { match: `${prefix}*`, count: 1000 });
    if (keys.length > 0) await client.unlink(keys);
    cursor = next;
  } while (cursor !== '0');
  await client.unlink('sample:key');
}

describe.each(PROTOCOLS)(
  'replies on missing keys over RESP%i fit the declared type',
  (protocol) => {
    const prefix = `missing:${protocol}:`;
    const schemas = new ReplySchemas();
    let client: RedisClient;

    beforeAll(async () => {
      client = await createClient({ url: redisUrl(), protocol }).connect();
      await removeKeys(client, prefix);
    });
    afterAll(async () => {
      await removeKeys(client, prefix);
      await client.quit();
    });

    it(`covers every key-taking command the server has (${entries.length})`, async () => {
      const mismatches: string[] = [];
      const counts = { fit: 0, refused: 0 };
      for (const [method, spec] of entries) {
        const params = missingKeyParams(method, spec, prefix);
        const surface = client as unknown as Record<
          string,
          (...args: unknown[]) => Promise<unknown>
        >;
        const call = surface[method]!;
        let reply: unknown;
        try {
          reply = await call.apply(client, params);
        } catch (error) {
          // Sample arguments the server (or the client's guard) rejects say nothing about types.
          counts.refused++;
          if (error instanceof ReplyError || error instanceof Error) continue;
          throw error;
        }
        const chosen = schemas.choose(spec, params);
        if (chosen === undefined || chosen.validate(reply)) counts.fit++;
        else mismatches.push(`${method}: ${schemas.explain(chosen, reply)}`);
      }
      console.info(
        `RESP${protocol}: ${entries.length} commands on missing keys, ${counts.fit} replies fit, ` +
          `${counts.refused} refused the sample arguments, ${mismatches.length} did not fit`,
      );
      expect(mismatches).toEqual([]);
    });
  },
);
