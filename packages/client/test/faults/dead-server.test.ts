import {
  startFaultProxy,
  startRedisServer,
  type FaultProxy,
  type RedisServerHandle,
} from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type RedisClient } from '../../src/index.js';
import { settleAll, type Settled } from './settle.js';

/**
 * A warm client (shared and dedicated connections open) with default options, then its server
 * killed, stalled (SIGSTOP, sockets open) or black-holed (packets dropped): every operation
 * settles within its documented bound. Defaults: commandTimeout 10 s, a blocking command's own
 * time plus blockingGrace 5 s, connectTimeout 10 s.
 */
describe('with default options, a dead server', () => {
  let server: RedisServerHandle | undefined;
  let proxy: FaultProxy | undefined;
  let client: RedisClient | undefined;
  afterEach(async () => {
    client?.disconnect();
    server?.resume();
    await proxy?.close();
    await server?.stop();
    [server, proxy, client] = [undefined, undefined, undefined];
  });

  async function warmClient(url: string): Promise<RedisClient> {
    const warm = createClient(url);
    await warm.set('k', 'v');
    // Opens two dedicated connections, so WATCH and BLPOP below each find one already open.
    await Promise.all([warm.blpop('warm:a', 0.01), warm.blpop('warm:b', 0.01)]);
    return warm;
  }

  /** Every operation the issue names, started at once. */
  const operations = (c: RedisClient) => ({
    get: () => c.get('k'),
    pipeline: () => c.pipeline((p) => [p.get('k'), p.incr('n')]),
    multi: () => c.pipeline((p) => [p.incr('n')], { transaction: true }),
    watch: () =>
      c.transaction(async (p) => [p.set('k', String(await p.immediate.get('k')))], {
        watch: ['k'],
      }),
    blpop1: () => c.blpop('list', 1),
  });

  const expectRejected = (settled: Settled, atMostMs: number, message?: RegExp): void => {
    expect(settled.status).toBe('rejected');
    expect(settled.ms).toBeLessThan(atMostMs);
    if (message !== undefined && settled.status === 'rejected') {
      expect(settled.error.message).toMatch(message);
    }
  };

  it(
    'killed: commands fail within the command timeout; BLPOP 0 rejects at once',
    { timeout: 40_000 },
    async () => {
      server = await startRedisServer();
      client = await warmClient(server.url);
      const blocked = client.blpop('never', 0);
      const blockedOutcome = blocked.then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      await server.kill();
      expect(await blockedOutcome).toMatch(/connection lost before its reply/);
      // The shared connection notices the close within a few ms: commands after it never leave.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const settled = await settleAll(
        { ...operations(client), blpop0: () => client!.blpop('never', 0) },
        20_000,
        'server killed',
      );
      for (const name of ['get', 'pipeline', 'multi', 'watch']) {
        expectRejected(settled[name]!, 12_000);
      }
      expectRejected(settled.blpop1!, 12_000);
      expectRejected(settled.blpop0!, 2_000, /ECONNREFUSED/);
      const get = settled.get!;
      expect(get.status === 'rejected' && get.error.message).toMatch(
        /GET timed out after 10000 ms, never sent: not connected/,
      );
    },
  );

  it(
    'stalled (SIGSTOP): commands time out, BLPOP 1 after its own time plus the grace',
    { timeout: 40_000 },
    async () => {
      server = await startRedisServer();
      client = await warmClient(server.url);
      server.pause();
      const settled = await settleAll(operations(client), 20_000, 'server stalled (SIGSTOP)');
      for (const name of ['get', 'pipeline', 'multi']) expectRejected(settled[name]!, 12_000);
      expectRejected(settled.watch!, 12_000);
      // BLPOP 1 ran on its warm dedicated connection: 1 s + 5 s of grace.
      expectRejected(settled.blpop1!, 8_000, /BLPOP timed out after 6000 ms/);
      server.resume();
      expect(await client.get('k')).toBe('v'); // and it recovers
    },
  );

  it(
    'black-holed: commands time out, then it recovers when packets flow again',
    { timeout: 40_000 },
    async () => {
      server = await startRedisServer();
      proxy = await startFaultProxy(server);
      client = await warmClient(proxy.url);
      proxy.setMode('blackhole');
      const settled = await settleAll(operations(client), 20_000, 'packets black-holed');
      for (const name of ['get', 'pipeline', 'multi', 'watch'])
        expectRejected(settled[name]!, 12_000);
      expectRejected(settled.blpop1!, 8_000);
      proxy.setMode('forward');
      proxy.cutAll();
      expect(await client.get('k')).toBe('v');
    },
  );
});
