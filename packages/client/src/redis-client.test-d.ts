import type { Future } from '@redspec/pipeline';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisClient } from './redis-client.js';

declare const client: RedisClient;

describe('the client surface', () => {
  it('returns Promises of the command types, Buffers in binary mode', () => {
    expectTypeOf(client.incr('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.withBuffers().get('k')).toEqualTypeOf<Promise<Buffer | null>>();
  });

  it('gives pipelines the same commands as futures', () => {
    const pipe = client.pipeline();
    expectTypeOf(pipe.incr('k')).toEqualTypeOf<Future<number>>();
    expectTypeOf(client.withBuffers().pipeline().get('k')).toEqualTypeOf<Future<Buffer | null>>();
  });

  it('types the callback forms as tuples', () => {
    expectTypeOf(client.pipeline((p) => [p.set('a', '1'), p.incr('a')])).toEqualTypeOf<
      Promise<['OK' | null, number]>
    >();
    expectTypeOf(client.transaction((p) => [p.get('a')], { watch: ['a'] })).toEqualTypeOf<
      Promise<[string | null]>
    >();
  });
});
