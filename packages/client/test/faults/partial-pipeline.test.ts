import { rawCommand, startFaultProxy, startRedisServer } from '@redspec/test-utils';
import { describe, expect, it } from 'vitest';
import { ConnectionError, createClient } from '../../src/index.js';

describe('a pipeline of 10 000 cut off mid-flight', () => {
  it(
    'keeps every reply that arrived; only the others reject, saying they may have run',
    { timeout: 30_000 },
    async () => {
      const server = await startRedisServer();
      const proxy = await startFaultProxy(server);
      const client = createClient(proxy.url);
      try {
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
        const values = (await rawCommand(server, [
          'MGET',
          ...futures.map((_, i) => `partial:${i}`),
        ])) as (string | null)[];
        expect(values.slice(0, 4_000).every((value) => value === '1')).toBe(true);
        expect(values.every((value) => value === null || value === '1')).toBe(true);
      } finally {
        client.disconnect();
        await proxy.close();
        await server.stop();
      }
    },
  );
});
