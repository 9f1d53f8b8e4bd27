import type { PromiseContext, RedisCommands } from '@redspec/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { Future } from './future.js';
import { pipeline, type Pipeline } from './pipeline.js';

describe('Pipeline commands return Futures of the client types', () => {
  const pipe = pipeline();

  it('wraps the same value type the client wraps in a Promise', () => {
    expectTypeOf(pipe.incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(pipe.get('k')).toEqualTypeOf<Future<string | null>>();
    expectTypeOf(pipe.hgetall('h')).toEqualTypeOf<Future<Record<string, string>>>();
    expectTypeOf<Awaited<ReturnType<typeof pipe.incr>>>().toEqualTypeOf<number>();
    expectTypeOf(pipe.get('k').result).toEqualTypeOf<string | null>();
  });

  it('keeps the overloads: SET with get: true returns the old value', () => {
    expectTypeOf(pipe.set('k', 'v')).toEqualTypeOf<Future<'OK' | null>>();
    expectTypeOf(pipe.set('k', 'v', { get: true })).toEqualTypeOf<Future<string | null>>();
  });

  it('decodes to Buffers when a Buffer pipeline is asked for', () => {
    expectTypeOf(pipeline<Buffer>()).toEqualTypeOf<Pipeline<Buffer>>();
    expectTypeOf(pipeline<Buffer>().get('k')).toEqualTypeOf<Future<Buffer | null>>();
    expectTypeOf(pipeline()).toEqualTypeOf<Pipeline<string>>();
  });

  it('offers the run controls', () => {
    expectTypeOf(pipe.execute()).toEqualTypeOf<Promise<unknown[]>>();
    expectTypeOf(pipe.results).toEqualTypeOf<readonly unknown[]>();
    expectTypeOf(pipe.watch).toEqualTypeOf<(...keys: (string | Buffer)[]) => Promise<void>>();
    expectTypeOf(pipe.discard).toEqualTypeOf<(reason?: unknown) => Promise<void>>();
    expectTypeOf(pipe.immediate).toEqualTypeOf<RedisCommands<PromiseContext>>();
    expectTypeOf(pipe.immediate.get('k')).toEqualTypeOf<Promise<string | null>>();
  });

  it('leaves out the commands the pipeline sends itself or cannot frame', () => {
    // @ts-expect-error MULTI/EXEC come from { transaction: true }
    pipe.multi();
    // @ts-expect-error MULTI/EXEC come from { transaction: true }
    pipe.exec();
    // @ts-expect-error WATCH is pipe.watch(...keys), which leases a connection
    pipe.unwatch();
    // @ts-expect-error subscriber mode breaks one-reply-per-command
    pipe.subscribe('news');
    // @ts-expect-error CLIENT REPLY OFF breaks one-reply-per-command
    pipe.clientReply('OFF');
    // @ts-expect-error SELECT would switch the database of a shared connection
    pipe.select(1);
    // @ts-expect-error the generated form takes one array, the pipeline's is variadic
    void pipe.watch(['a', 'b']);
  });

  it('still type-checks the arguments', () => {
    // @ts-expect-error INCR takes a key
    pipe.incr();
    // @ts-expect-error no such SET option
    pipe.set('k', 'v', { bogus: true });
  });
});
