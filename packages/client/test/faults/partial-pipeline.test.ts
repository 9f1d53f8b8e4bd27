import {
  rawCommand,
  startFaultProxy,
  startRedisServer,
  type FaultProxy,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { ConnectionError, createClient, type RedisClient } from '../../src/index.js';

/** A fresh client with default options, through a fault proxy to a server of its own. */
async function throughProxy(
  run: (client: RedisClient, proxy: FaultProxy, server: RedisServerHandle) => Promise<void>,
): Promise<void> {
  const server = await startRedisServer();
  const proxy = await startFaultProxy(server);
  const client = createClient(proxy.url);
  try {
    await run(client, proxy, server);
  } finally {
    client.disconnect();
    await proxy.close();
    await server.stop();
  }
}

/** What the server holds for `prefix:0` … `prefix:<count - 1>`, read past the proxy. */
async function valuesOf(
  server: RedisServerHandle,
  prefix: string,
  count: number,
): Promise<(string | null)[]> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}:${i}`);
  return (await rawCommand(server, ['MGET', ...keys])) as (string | null)[];
}

describe('a pipeline of 10 000 cut off mid-flight', () => {
  it(
    'keeps every reply that arrived; only the others reject, saying they may have run',
    { timeout: 30_000 },
    () =>
      throughProxy(async (client, proxy, server) => {
        // Connected first, so the cut counts this pipeline's replies and not the handshake's.
        await client.ping();
        // Each INCR reply is `:1\r\n`, 4 bytes: cut after about 4 000 of them.
        proxy.cutAfter(4 * 4_000 + 2);
        const pipe = client.pipeline({ raiseOnError: false });
        const futures = Array.from({ length: 10_000 }, (_, i) => pipe.incr(`partial:${i}`));
        const error = await pipe.execute().catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(ConnectionError);
        const outcomes = await Promise.allSettled(futures);
        const resolved = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        expect(resolved.length).toBe(4_000);
        expect(outcomes.slice(0, 4_000).every((outcome) => outcome.status === 'fulfilled')).toBe(
          true,
        );
        const rejected = outcomes[4_000] as PromiseRejectedResult;
        expect(String(rejected.reason)).toMatch(/may or may not have run/);
        // What the server applied: every resolved INCR, each exactly once; nothing was resent.
        const values = await valuesOf(server, 'partial', 10_000);
        expect(values.slice(0, 4_000).every((value) => value === '1')).toBe(true);
        expect(values.every((value) => value === null || value === '1')).toBe(true);
      }),
  );
});

describe('a big batch cut off while its parts are on the way to the server', () => {
  // A batch of 3000 INCRs is about 90 KB, written in parts as it is encoded; the proxy lets the
  // first 20 000 bytes through (the handshake's too: the client is cold, and the batch is its
  // first call; a command may end halfway) and then cuts the connection.
  const KEYS = 3_000;

  it('settles every future; what ran ran once, and nothing is resent', { timeout: 30_000 }, () =>
    throughProxy(async (client, proxy, server) => {
      proxy.cutRequestAfter(20_000);
      const pipe = client.pipeline({ raiseOnError: false });
      const futures = Array.from({ length: KEYS }, (_, i) => pipe.incr(`cut-request:${i}`));
      const error = await pipe.execute().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ConnectionError);
      const outcomes = await Promise.allSettled(futures);
      const values = await valuesOf(server, 'cut-request', KEYS);
      // The server ran at most the commands of the bytes it got, each once.
      expect(values.every((value) => value === null || value === '1')).toBe(true);
      // About 600 whole commands fit in 20 000 bytes (none, if the cut reset the connection
      // before the server read them); never the rest of the batch.
      expect(values.filter((value) => value === '1').length).toBeLessThan(KEYS / 2);
      // A resolved future is a command the server ran; the others say they may have run.
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') expect(values[i]).toBe('1');
        else expect(String(outcome.reason)).toMatch(/may or may not have run/);
      });
    }),
  );

  it('applies nothing of a transaction whose EXEC never arrived', { timeout: 30_000 }, () =>
    throughProxy(async (client, proxy, server) => {
      proxy.cutRequestAfter(20_000);
      const tx = client.pipeline({ transaction: true, raiseOnError: false });
      const futures = Array.from({ length: KEYS }, (_, i) => tx.incr(`cut-tx:${i}`));
      const error = await tx.execute().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ConnectionError);
      const outcomes = await Promise.allSettled(futures);
      expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
      const values = await valuesOf(server, 'cut-tx', KEYS);
      expect(values.every((value) => value === null)).toBe(true);
    }),
  );
});
