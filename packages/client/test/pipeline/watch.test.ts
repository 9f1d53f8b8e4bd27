import { PipelineStateError, WatchError } from '@redspec/pipeline';
import { prepareRawCommand } from '@redspec/types/internal';
import { openPipeline, runTransaction } from '@redspec/pipeline/internal';
import { rawCommand, targetFromUrl, redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestTransport, uniqueKey } from './test-transport.js';

let transport: TestTransport;
beforeAll(async () => {
  transport = await TestTransport.open();
});
afterAll(() => transport.close());

/** A client-side INCR: read with the key watched, write back in MULTI/EXEC, retry on WatchError. */
async function incr(key: string): Promise<number> {
  const [, next] = await runTransaction(
    transport,
    async (pipe) => {
      const next = Number(await pipe.immediate.get(key)) + 1;
      return [pipe.set(key, next), pipe.get(key)];
    },
    // Each failed attempt of one caller is caused by a different caller's commit, so with 50
    // callers 49 retries always suffice: the count below is exact, not likely.
    { watch: [key], retries: 49 },
  );
  return Number(next);
}

describe('optimistic transactions with WATCH', () => {
  it('counts exactly 50 when 50 callers run a client-side INCR on one key at once', async () => {
    const key = uniqueKey('counter');
    const results = await Promise.all(Array.from({ length: 50 }, () => incr(key)));
    expect(await transport.shared.call(['GET', key])).toBe('50');
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(transport.outstanding).toBe(0);
  });

  it('supports the coredis shape by hand: watch, read at once, queue the write, execute', async () => {
    const key = uniqueKey('by-hand');
    await transport.shared.call(['SET', key, '41']);
    const pipe = openPipeline(transport);
    await pipe.watch(key);
    const current = Number(await pipe.immediate.get(key));
    const set = pipe.set(key, current + 1);
    expect(await pipe.execute()).toEqual(['OK']);
    expect(set.result).toBe('OK');
    expect(await transport.shared.call(['GET', key])).toBe('42');
  });

  it('gives up after `retries` with the WatchError', async () => {
    const key = uniqueKey('contended');
    let attempts = 0;
    const run = runTransaction(
      transport,
      async (pipe) => {
        attempts++;
        await pipe.immediate.get(key);
        await transport.shared.call(['INCR', key]); // someone else always writes first
        return [pipe.set(key, 'mine')];
      },
      { watch: [key], retries: 2, backoff: 0 },
    );
    await expect(run).rejects.toBeInstanceOf(WatchError);
    expect(attempts).toBe(3);
    expect(await transport.shared.call(['GET', key])).toBe('3');
  });

  it('refuses watch() once commands are queued, and immediate before watch()', async () => {
    const pipe = openPipeline(transport);
    expect(() => pipe.immediate).toThrow(PipelineStateError);
    pipe.ping();
    await expect(pipe.watch(uniqueKey('late'))).rejects.toThrow(
      /watch\(\) must come before any queued command/,
    );
    await pipe.discard();
  });
});

describe('the leased connection', () => {
  /** Connections named after the transport in CLIENT LIST, counted from a connection of its own. */
  async function connectionsOnServer(): Promise<number> {
    const list = String(await rawCommand(targetFromUrl(redisUrl()), ['CLIENT', 'LIST']));
    return list.split('\n').filter((line) => line.includes(` name=${transport.name} `)).length;
  }

  /** Fails if the pooled connection still watches `key`: EXEC would then return nil. */
  async function expectUnwatched(key: string): Promise<void> {
    const channel = await transport.lease();
    await transport.shared.call(['SET', key, 'touched']);
    const ping = prepareRawCommand(['PING']);
    const { exec } = await channel.sendBatch({ commands: [ping], transaction: true });
    await channel.release({ unwatch: false });
    expect(exec).toEqual(['PONG']);
  }

  const paths: [string, (key: string) => Promise<unknown>][] = [
    ['success', (key) => runTransaction(transport, (p) => [p.set(key, '1')], { watch: [key] })],
    [
      'WatchError',
      (key) =>
        runTransaction(
          transport,
          async (p) => {
            await transport.shared.call(['SET', key, 'other']);
            return [p.set(key, '1')];
          },
          { watch: [key], retries: 0 },
        ),
    ],
    [
      'a reply error inside EXEC',
      (key) =>
        runTransaction(transport, (p) => [p.set(key, 'text'), p.lpush(key, 'x')], { watch: [key] }),
    ],
    [
      'EXECABORT',
      async (key) => {
        transport.pretend = { product: 'valkey', version: '8.1.0', protocol: 3 };
        try {
          const pipe = openPipeline(transport);
          await pipe.watch(key);
          pipe.clientCapa('redirect');
          await pipe.execute();
        } finally {
          transport.pretend = undefined;
        }
      },
    ],
    [
      'discard',
      async (key) => {
        const pipe = openPipeline(transport);
        await pipe.watch(key);
        pipe.set(key, '1');
        await pipe.discard();
      },
    ],
    [
      'an exception in user code',
      (key) =>
        runTransaction(
          transport,
          async (p) => {
            await p.immediate.get(key);
            throw new Error('user code failed');
          },
          { watch: [key] },
        ),
    ],
    [
      'an `await using` scope ending',
      async (key) => {
        await using pipe = openPipeline(transport);
        await pipe.watch(key);
        pipe.set(key, '1');
      },
    ],
  ];

  it.each(paths)('is released and unwatched after %s', async (_, path) => {
    const key = uniqueKey('lease');
    await path(key).catch((error: unknown) => {
      expect(error).toBeInstanceOf(Error);
    });
    expect(transport.outstanding).toBe(0);
    await expectUnwatched(key);
  });

  it('leaves no connection behind: CLIENT LIST shows only the pooled ones after every path', async () => {
    const before = await connectionsOnServer();
    for (const [, path] of paths) await path(uniqueKey('count')).catch(() => undefined);
    expect(transport.outstanding).toBe(0);
    expect(await connectionsOnServer()).toBe(before);
    expect(before).toBe(transport.openConnections);
  });
});
