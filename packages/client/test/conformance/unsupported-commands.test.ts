import { redisUrl, redisVersion } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { UnsupportedCommandError, createClient, type RedisClient } from '../../src/index.js';
import {
  Product,
  commandTable,
  compareVersions,
  encodeCommand,
  type CommandMethod,
  type CommandSpec,
} from '@redspec/types/internal';
import { RedisConnection } from '../../src/connection/redis-connection.js';
import { knownIssueFor } from './known-issues.js';
import { minimalParams } from '../../../types/test/minimal-params.js';

/** The shared server's version, known when tests are collected. */
const serverVersion = redisVersion();

const valkeyOnly = (spec: CommandSpec): boolean => (spec.products & Product.REDIS) === 0;

/** Commands the shared server lacks: introduced after its version, or Valkey's alone. */
const unsupported = (version: string): [CommandMethod, CommandSpec][] =>
  (Object.entries(commandTable) as [CommandMethod, CommandSpec][]).filter(
    ([, spec]) => valkeyOnly(spec) || compareVersions(version, spec.since) < 0,
  );

/** A newer argument of a command the server has: the call must fail for the argument alone. */
interface NewerArgument {
  readonly id: string;
  readonly argument: string;
  /** Where Redis introduced it; undefined for an argument only Valkey has. */
  readonly since?: string;
  readonly call: (client: RedisClient) => Promise<unknown>;
}

const newerArguments: readonly NewerArgument[] = [
  {
    id: 'clientKill maxage',
    argument: 'maxage',
    since: '7.4.0',
    call: (c) => c.clientKill({ newFormat: { maxage: 1_000_000 } }),
  },
  {
    id: 'zscan noscores',
    argument: 'noscores',
    call: (c) => c.zscan('conf:unsupported', 0, { noscores: true }),
  },
  {
    id: 'zrank withscore',
    argument: 'withscore',
    since: '7.2.0',
    call: (c) => c.zrank('conf:unsupported', 'm', { withscore: true }),
  },
  {
    id: 'zrevrank withscore',
    argument: 'withscore',
    since: '7.2.0',
    call: (c) => c.zrevrank('conf:unsupported', 'm', { withscore: true }),
  },
  {
    id: 'hscan novalues',
    argument: 'novalues',
    since: '7.4.0',
    call: (c) => c.hscan('conf:unsupported', 0, { novalues: true }),
  },
];

describe.each([2, 3] as const)('commands the server lacks, over RESP%i', (protocol) => {
  let client: RedisClient;
  let sends: MockInstance[] = [];
  /** Commands handed to any connection so far (batches count once). */
  const sent = (): number => sends.reduce((sum, spy) => sum + spy.mock.calls.length, 0);

  beforeAll(async () => {
    sends = [
      vi.spyOn(RedisConnection.prototype, 'send'),
      vi.spyOn(RedisConnection.prototype, 'sendBatch'),
    ];
    client = await createClient({ url: redisUrl(), protocol }).connect();
  });
  afterAll(async () => {
    await client.quit();
    vi.restoreAllMocks();
  });

  it('runs against a Redis server older than some commands of the table', () => {
    expect(client.server).toMatchObject({ product: 'redis', version: serverVersion });
    expect(unsupported(serverVersion).length).toBeGreaterThan(0);
  });

  it('sees what the client sends (the control for the checks below)', async () => {
    const before = sent();
    await client.ping();
    expect(sent()).toBe(before + 1);
  });

  for (const [method, spec] of unsupported(serverVersion)) {
    it(`${spec.name} (${valkeyOnly(spec) ? 'Valkey only' : `since ${spec.since}`}) fails before sending`, async () => {
      const params = minimalParams(spec);
      // The parameters are valid for the command: only the server's version rules it out.
      expect(() => encodeCommand(spec, params)).not.toThrow();
      const before = sent();
      const surface = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const call = surface[method]!;
      const error = await call.apply(client, params).then(
        (reply) => expect.fail(`${spec.name} resolved with ${String(reply)}`),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnsupportedCommandError);
      expect(error).toMatchObject({ command: spec.name, since: spec.since, serverVersion });
      expect((error as Error).message).toContain(
        valkeyOnly(spec)
          ? `${spec.name} exists only on valkey (since ${spec.since}); the server runs redis ${serverVersion}`
          : `${spec.name} needs redis ${spec.since} or newer; the server runs ${serverVersion}`,
      );
      expect(sent(), 'commands sent').toBe(before);
    });
  }

  const runnable = newerArguments.filter(
    (newer) => newer.since === undefined || compareVersions(serverVersion, newer.since) < 0,
  );
  for (const newer of runnable) {
    // A known issue runs as an expected failure, so its fix shows.
    const test = knownIssueFor(`unsupported ${newer.id}`, protocol) === undefined ? it : it.fails;
    test(`${newer.id} (a newer argument) fails before sending`, async () => {
      const before = sent();
      const error = await newer.call(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedCommandError);
      expect(error).toMatchObject({ argument: newer.argument, serverVersion });
      if (newer.since !== undefined) expect(error).toMatchObject({ since: newer.since });
      // A Valkey-only argument has no Redis version to name.
      expect((error as Error).message).not.toContain('needs redis ?');
      expect(sent(), 'commands sent').toBe(before);
    });
  }
});
