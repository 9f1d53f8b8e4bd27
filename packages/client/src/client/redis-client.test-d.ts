import type { Future } from '@redspec/pipeline';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisClient } from './redis-client.js';

declare const client: RedisClient;

describe('the client surface', () => {
  it('returns Promises of the command types, Buffers in binary mode', () => {
    expectTypeOf(client.incr('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.withBuffers().get('k')).toEqualTypeOf<Promise<Buffer | null>>();
    expectTypeOf(client.withBuffers()).toEqualTypeOf<RedisClient<Buffer>>();
  });

  it('gives pipelines the same commands as futures', () => {
    const pipe = client.pipeline();
    expectTypeOf(pipe.incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(client.withBuffers().pipeline().get('k')).toEqualTypeOf<Future<Buffer | null>>();
    expectTypeOf(client.pipeline({ parent: pipe, autoexec: false }).incr('k')).toEqualTypeOf<
      Future<number>
    >();
  });

  it('types the callback forms as tuples, from literals, async callbacks and Buffer views', async () => {
    expectTypeOf(client.pipeline((p) => [p.set('a', '1'), p.incr('a')])).toEqualTypeOf<
      Promise<['OK' | null, number]>
    >();
    const binary = await client.withBuffers().pipeline(async (p) => {
      await Promise.resolve();
      return [p.get('a'), p.exists('a')];
    });
    expectTypeOf(binary).toEqualTypeOf<[Buffer | null, number]>();
    expectTypeOf(client.transaction((p) => [p.get('a')], { watch: ['a'] })).toEqualTypeOf<
      Promise<[string | null]>
    >();
  });

  it('types optimistic transactions, immediate reads included', async () => {
    const values = await client.transaction(
      async (p) => {
        const current = await p.immediate.get('counter');
        expectTypeOf(current).toEqualTypeOf<string | null>();
        return [p.set('counter', Number(current) + 1), p.ttl('counter')];
      },
      { watch: ['counter'], retries: 3, backoff: (attempt) => attempt * 10 },
    );
    expectTypeOf(values).toEqualTypeOf<['OK' | null, number]>();
  });

  it('accepts a transaction callback that returns nothing', () => {
    void client.transaction((p) => {
      p.set('a', '1');
    });
  });

  it('refuses callbacks that return something other than futures', () => {
    // @ts-expect-error the callback must return futures
    void client.pipeline(() => [1, 2]);
    // @ts-expect-error transaction is implied by transaction()
    void client.transaction((p) => [p.ping()], { transaction: false });
  });

  it('leaves out the commands that would change the shared connection', () => {
    // @ts-expect-error MULTI: use client.pipeline({ transaction: true })
    void client.multi;
    // @ts-expect-error WATCH: use client.transaction(fn, { watch })
    void client.watch;
    // @ts-expect-error SELECT: set db in the config
    void client.select;
    // @ts-expect-error MONITOR needs a connection of its own
    void client.monitor;
    // @ts-expect-error SYNC is for replicas
    void client.sync;
    // @ts-expect-error CLIENT REPLY OFF would break one reply per command
    void client.clientReply;
    // @ts-expect-error RESET would reset everyone's connection
    void client.reset;
  });

  it('subscribes with its own pub/sub methods, typed by string mode', async () => {
    const sub = await client.subscribe('news');
    for await (const { channel, message, pattern } of sub) {
      expectTypeOf(channel).toEqualTypeOf<string>();
      expectTypeOf(message).toEqualTypeOf<string>();
      expectTypeOf(pattern).toEqualTypeOf<string | undefined>();
    }
    await client.withBuffers().psubscribe('n*', (message, channel, pattern) => {
      expectTypeOf(message).toEqualTypeOf<Buffer>();
      expectTypeOf(channel).toEqualTypeOf<string>();
      expectTypeOf(pattern).toEqualTypeOf<string | undefined>();
    });
    expectTypeOf(sub.unsubscribe).toEqualTypeOf<() => Promise<void>>();
    expectTypeOf(client.unsubscribe).toEqualTypeOf<
      (channels?: string | readonly string[]) => Promise<void>
    >();
    // @ts-expect-error channels are strings
    void client.subscribe(1);
  });

  it('reports its life through typed events', () => {
    client.on('reconnecting', (event) => expectTypeOf(event.attempt).toEqualTypeOf<number>());
    client.on('resubscribed', (event) => expectTypeOf(event.gapMs).toEqualTypeOf<number>());
    client.once('ready', (server) => expectTypeOf(server.version).toEqualTypeOf<string>());
    // @ts-expect-error no such event
    client.on('bogus', () => undefined);
  });

  it('closes with its own quit() and disconnect()', () => {
    expectTypeOf(client.quit).toEqualTypeOf<() => Promise<'OK'>>();
    expectTypeOf(client.disconnect).toEqualTypeOf<() => void>();
  });

  it('shows no transport internals', () => {
    // @ts-expect-error the transport is internal
    void client.sendBatch;
    // @ts-expect-error leases are internal
    void client.lease;
  });
});
