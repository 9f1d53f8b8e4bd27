import { describe, expectTypeOf, it } from 'vitest';
import type { Subscription } from '../pubsub/subscription.js';
import type { RedisCluster } from './cluster-client.js';

declare const cluster: RedisCluster;

describe('cluster pub/sub', () => {
  it('types PUBSUB introspection as the combined cluster-wide view', () => {
    expectTypeOf(cluster.pubsubNumsub(['a', 'b'])).toEqualTypeOf<Promise<Record<string, number>>>();
    expectTypeOf(cluster.pubsubShardnumsub('a')).toEqualTypeOf<Promise<Record<string, number>>>();
    expectTypeOf(cluster.pubsubChannels('news.*')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(cluster.pubsubShardchannels()).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(cluster.pubsubNumpat()).toEqualTypeOf<Promise<number>>();
    expectTypeOf(cluster.withBuffers().pubsubChannels()).toEqualTypeOf<Promise<Buffer[]>>();
    // @ts-expect-error channel names are strings or Buffers, not objects
    void cluster.pubsubNumsub({ a: 1 });
  });

  it('subscribes to shard channels with string or Buffer messages', () => {
    expectTypeOf(cluster.ssubscribe('orders', () => undefined)).toEqualTypeOf<
      Promise<Subscription<string>>
    >();
    void cluster.withBuffers().ssubscribe('orders', (message) => {
      expectTypeOf(message).toEqualTypeOf<Buffer>();
    });
    expectTypeOf(cluster.spublish('orders', Buffer.from([0]))).toEqualTypeOf<Promise<number>>();
  });
});
