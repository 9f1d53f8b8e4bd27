import { describe, expectTypeOf, it } from 'vitest';
import type { PromiseContext } from './command-context.js';
import type { RedisCommands } from './generated/redis-commands.js';

declare const client: RedisCommands<PromiseContext>;
declare const binary: RedisCommands<PromiseContext<Buffer>>;

describe('command signatures', () => {
  it('return the RESP3 shape of each reply', () => {
    expectTypeOf(client.incr('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.get('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.hgetall('h')).toEqualTypeOf<Promise<Record<string, string>>>();
    expectTypeOf(client.zscore('z', 'm')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.mset({ a: '1' })).toEqualTypeOf<Promise<'OK'>>();
    expectTypeOf(client.del(['a', 'b'])).toEqualTypeOf<Promise<number>>();
  });

  it('type bulk strings as Buffers in binary mode', () => {
    expectTypeOf(binary.get('k')).toEqualTypeOf<Promise<Buffer | null>>();
    expectTypeOf(binary.hgetall('h')).toEqualTypeOf<Promise<Record<string, Buffer>>>();
  });

  it('let callers name replies the spec cannot know', () => {
    expectTypeOf(client.eval<number>('return 1')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.eval('return 1')).toEqualTypeOf<Promise<unknown>>();
  });

  it('take keys and values as strings, Buffers or numbers, and one or many', () => {
    client.set('k', 1);
    client.set(Buffer.from('k'), Buffer.from('v'));
    client.del('a');
    client.del(['a', Buffer.from('b')]);
    // @ts-expect-error a key is not an object
    client.get({});
    // @ts-expect-error the key is required
    client.get();
  });

  it('take options as one object keyed by token, with literal choices', () => {
    client.set('k', 'v', { condition: 'NX', get: true, expiration: { ex: 10 } });
    client.set('k', 'v', { expiration: 'KEEPTTL' });
    client.scan(0, { match: 'user:*', count: 100 });
    // @ts-expect-error no such choice
    client.set('k', 'v', { condition: 'MAYBE' });
    // @ts-expect-error no such option
    client.set('k', 'v', { nx: true });
  });

  it('take field/value pairs as a Record, a Map or pairs', () => {
    client.hset('h', { a: '1' });
    client.hset('h', new Map([['a', 1]]));
    client.hset('h', [['a', '1']]);
    client.zadd('z', [[1, 'a']], { condition: 'NX' });
    // @ts-expect-error scores come first and are numbers
    client.zadd('z', [['a', 1]]);
  });

  it('derive counts such as numkeys from arrays', () => {
    client.eval('return 1', ['k1', 'k2'], ['a1']);
    client.zunionstore('dest', ['a', 'b']);
  });
});
