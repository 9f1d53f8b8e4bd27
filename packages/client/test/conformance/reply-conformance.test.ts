import { redisUrl, redisVersionAtLeast } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClient } from '../../src/index.js';
import {
  commandTable,
  prepareCommand,
  type CommandMethod,
  type CommandSpec,
} from '@redspec/types/internal';
import { RedisConnection } from '../../src/connection/redis-connection.js';
import { allCases } from './cases/all-cases.js';
import type { CaseContext, ConformanceCase } from './conformance-case.js';
import { knownIssueFor, type KnownIssueCheck } from './known-issues.js';
import { ReplySchemas } from './reply-schemas.js';

/** The issue's goal: this many distinct commands validated live on each protocol. */
const MIN_COMMANDS = 150;
const PROTOCOLS = [2, 3] as const;
type Protocol = (typeof PROTOCOLS)[number];

const schemas = new ReplySchemas();
/** Each protocol's replies by case id, with protocol-specific names made neutral. */
const replies = new Map<Protocol, Map<string, unknown>>(PROTOCOLS.map((p) => [p, new Map()]));

/** Cases are written for the oldest server we test (7.0); older ones lack their commands. */
const onServer = allCases.filter((c) => redisVersionAtLeast(commandTable[c.method].since));

/** `it`, or `it.fails` where a known issue makes the check fail today. */
const test = (testCase: ConformanceCase, check: KnownIssueCheck): typeof it.fails =>
  knownIssueFor(testCase.id, check) === undefined ? it : it.fails;

/** `conf:2:k`, `conf-2-user`, `conf_2_lib` → `conf:P:k`, … so both protocols' replies compare. */
function neutral(value: unknown, protocol: Protocol): unknown {
  const names = new RegExp(`conf([:_-])${protocol}\\1`, 'g');
  const text = (string: string): string => string.replace(names, 'conf$1P$1');
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((item) => neutral(item, protocol));
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [text(k), neutral(v, protocol)]);
  return Object.fromEntries(entries);
}

async function removeSuiteKeys(client: RedisClient, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, { match: `${prefix}*`, count: 1000 });
    if (keys.length > 0) await client.unlink(keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Commands a client refuses on its shared connection: they run on a connection of their own. */
const ownConnection = new Set<CommandMethod>(['hello']);

async function onOwnConnection(
  spec: CommandSpec,
  params: readonly unknown[],
  protocol: Protocol,
): Promise<unknown> {
  const { hostname, port } = new URL(redisUrl());
  const options = { host: hostname, port: Number(port), protocol, reconnect: false } as const;
  const connection = await new RedisConnection(options).connect();
  try {
    return await connection.send(prepareCommand(spec, params, connection.server));
  } finally {
    connection.disconnect();
  }
}

describe.each(PROTOCOLS)('replies over RESP%i match their reply_schema', (protocol) => {
  const prefix = `conf:${protocol}:`;
  const validated = new Set<string>();
  const cleanups: (() => Promise<unknown>)[] = [];
  let ctx: CaseContext;

  beforeAll(async () => {
    const client = await createClient({ url: redisUrl(), protocol }).connect();
    ctx = {
      client,
      protocol,
      key: (name) => `${prefix}${name}`,
      name: (name, separator = '-') => ['conf', protocol, name].join(separator),
      onCleanup: (cleanup) => cleanups.push(cleanup),
    };
    await removeSuiteKeys(client, prefix);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await removeSuiteKeys(ctx.client, prefix);
    await ctx.client.quit();
  });

  const run = async (testCase: ConformanceCase): Promise<void> => {
    const spec = commandTable[testCase.method];
    await testCase.setup?.(ctx);
    const params = testCase.args(ctx);
    const surface = ctx.client as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const reply = ownConnection.has(testCase.method)
      ? await onOwnConnection(spec, params, protocol)
      : await surface[testCase.method]!.apply(ctx.client, [...params]);
    const comparable = testCase.comparable?.(reply) ?? reply;
    replies.get(protocol)!.set(testCase.id, neutral(comparable, protocol));
    const chosen = schemas.choose(spec, params);
    if (chosen === undefined) expect.fail(`${spec.name} has no reply schema`);
    if (!chosen.validate(reply)) expect.fail(schemas.explain(chosen, reply));
    testCase.check?.(reply, ctx);
    validated.add(spec.name);
  };
  for (const testCase of onServer) {
    test(testCase, protocol)(testCase.id, () => run(testCase));
  }

  it(`validates at least ${MIN_COMMANDS} distinct commands, none with a known issue`, () => {
    const known = onServer.filter((c) => knownIssueFor(c.id, protocol) !== undefined);
    for (const testCase of known) validated.delete(commandTable[testCase.method].name);
    // The count this run measured, for the log and the issue's notes.
    console.info(
      `conformance RESP${protocol}: ${validated.size} distinct commands validated live ` +
        `(${onServer.length} cases on this server, ${known.length} with a known issue)`,
    );
    expect(validated.size).toBeGreaterThanOrEqual(MIN_COMMANDS);
  });
});

describe('RESP2 and RESP3 replies are the same value', () => {
  for (const testCase of onServer.filter((c) => c.volatile !== true)) {
    test(testCase, 'same-value')(testCase.id, () => {
      const [resp2, resp3] = PROTOCOLS.map((protocol) => replies.get(protocol)!);
      expect(resp2!.has(testCase.id) && resp3!.has(testCase.id), 'replied on both').toBe(true);
      expect(resp2!.get(testCase.id)).toStrictEqual(resp3!.get(testCase.id));
    });
  }
});
