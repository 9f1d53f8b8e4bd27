import type { Future } from '@redspec/pipeline';
import type { CommandTransport } from '@redspec/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisCluster } from './redis-cluster.js';

declare const cluster: RedisCluster;

describe('cluster pipelines', () => {
  it('is a CommandTransport, so the pipeline package runs on it', () => {
    expectTypeOf(cluster).toExtend<CommandTransport>();
  });

  it('gives pipelines the client’s futures, Buffers in binary mode', () => {
    expectTypeOf(cluster.pipeline().incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(cluster.withBuffers().pipeline().get('k')).toEqualTypeOf<Future<Buffer | null>>();
    // @ts-expect-error the string mode follows the cluster's (withBuffers()), not an option
    cluster.pipeline({ buffers: true });
  });

  it('types the callback forms as tuples', () => {
    expectTypeOf(cluster.pipeline((p) => [p.set('a', '1'), p.incr('a')])).toEqualTypeOf<
      Promise<['OK' | null, number]>
    >();
    expectTypeOf(cluster.transaction((p) => [p.get('{t}a')], { watch: ['{t}a'] })).toEqualTypeOf<
      Promise<[string | null]>
    >();
  });
});
