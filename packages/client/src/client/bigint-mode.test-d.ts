import type { Future } from '@redspec/pipeline';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisCluster } from '../cluster/cluster-client.js';
import type { RedisClient } from './redis-client.js';

declare const client: RedisClient;
declare const cluster: RedisCluster;

describe('bigint mode (withBigInts)', () => {
  const big = client.withBigInts();

  it('types integer replies as bigints, and only those', () => {
    expectTypeOf(big).toEqualTypeOf<RedisClient<string, bigint>>();
    expectTypeOf(big.incr('k')).toEqualTypeOf<Promise<bigint>>();
    expectTypeOf(big.get('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(big.zscore('z', 'm')).toEqualTypeOf<Promise<number | null>>();
    // @ts-expect-error a bigint mode never promises a number
    expectTypeOf(big.incr('k')).toEqualTypeOf<Promise<number>>();
  });

  it('keeps both modes in either order', () => {
    expectTypeOf(big.withBuffers()).toEqualTypeOf<RedisClient<Buffer, bigint>>();
    expectTypeOf(client.withBuffers().withBigInts()).toEqualTypeOf<RedisClient<Buffer, bigint>>();
    expectTypeOf(big.withBuffers().get('k')).toEqualTypeOf<Promise<Buffer | null>>();
  });

  it('gives its pipelines, transactions and immediate reads bigints', async () => {
    expectTypeOf(big.pipeline().incr('k')).toEqualTypeOf<Future<bigint>>();
    expectTypeOf(big.pipeline((p) => [p.incr('a'), p.get('a')])).toEqualTypeOf<
      Promise<[bigint, string | null]>
    >();
    await big.transaction(
      async (p) => {
        expectTypeOf(p.immediate.strlen('a')).toEqualTypeOf<Promise<bigint>>();
        return [p.decr('a')];
      },
      { watch: ['a'] },
    );
    expectTypeOf(big.transaction((p) => [p.decr('a')])).toEqualTypeOf<Promise<[bigint]>>();
  });

  it('exists on the cluster too', () => {
    expectTypeOf(cluster.withBigInts()).toEqualTypeOf<RedisCluster<string, bigint>>();
    expectTypeOf(cluster.withBigInts().dbsize()).toEqualTypeOf<Promise<bigint>>();
  });
});
