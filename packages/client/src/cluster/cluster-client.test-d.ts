import type { Future } from '@redspec/pipeline';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisCluster } from './cluster-client.js';

declare const cluster: RedisCluster;

describe('cluster pipelines', () => {
  it('gives pipelines the client’s futures, Buffers in binary mode', () => {
    expectTypeOf(cluster.pipeline().incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(cluster.withBuffers().pipeline().get('k')).toEqualTypeOf<Future<Buffer | null>>();
    expectTypeOf(cluster.withBuffers()).toEqualTypeOf<RedisCluster<Buffer>>();
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

  it('sends raw commands to a key’s node, and reaches single nodes', () => {
    expectTypeOf(cluster.sendCommand<number>(['INCR', 'k'], { key: 'k' })).toEqualTypeOf<
      Promise<number>
    >();
    const node = cluster.nodes('primary')[0]!;
    expectTypeOf(cluster.nodeClient(node).dbsize()).toEqualTypeOf<Promise<number>>();
  });

  it('shows no transport internals', () => {
    // @ts-expect-error the transport is internal
    void cluster.sendBatch;
    // @ts-expect-error leases are internal
    void cluster.lease;
    // @ts-expect-error routing is internal
    void cluster.routing;
  });
});
