import { describe, expectTypeOf, it } from 'vitest';
import type { Future } from './future.js';
import type { FutureValues } from './future-values.js';
import { runPipeline } from './run-pipeline.js';
import { runTransaction } from './run-transaction.js';

declare const transport: Parameters<typeof runPipeline>[0];

describe('runPipeline and runTransaction resolve typed tuples', () => {
  it('infers a tuple from an array literal, without `as const`', async () => {
    const values = await runPipeline(transport, (p) => [p.set('a', '1'), p.incr('a')]);
    expectTypeOf(values).toEqualTypeOf<['OK' | null, number]>();
  });

  it('accepts an async callback and the buffers option', async () => {
    const values = await runPipeline(
      transport,
      async (p) => {
        await Promise.resolve();
        return [p.get('a'), p.exists('a')];
      },
      { buffers: true },
    );
    expectTypeOf(values).toEqualTypeOf<[Buffer | null, number]>();
  });

  it('types runTransaction the same way, immediate reads included', async () => {
    const values = await runTransaction(
      transport,
      async (p) => {
        const current = await p.immediate.get('counter');
        expectTypeOf(current).toEqualTypeOf<string | null>();
        return [p.set('counter', Number(current) + 1), p.ttl('counter')];
      },
      { watch: ['counter'], retries: 3, backoff: (attempt) => attempt * 10 },
    );
    expectTypeOf(values).toEqualTypeOf<['OK' | null, number]>();
  });

  it('maps tuple positions with FutureValues', () => {
    expectTypeOf<FutureValues<readonly [Future<1>, Future<'a' | null>]>>().toEqualTypeOf<
      [1, 'a' | null]
    >();
    expectTypeOf<FutureValues<Future<number>[]>>().toEqualTypeOf<number[]>();
  });

  it('refuses callbacks that return something other than futures', () => {
    // @ts-expect-error the callback must return futures
    void runPipeline(transport, () => [1, 2]);
    // @ts-expect-error transaction is implied by runTransaction
    void runTransaction(transport, (p) => [p.ping()], { transaction: false });
  });
});
