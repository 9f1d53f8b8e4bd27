import { describe, expectTypeOf, it } from 'vitest';
import type { PromiseContext } from './command-context.js';
import type { RedisCommands } from './generated/redis-commands.js';

declare const client: RedisCommands<PromiseContext>;
/** What a bigint mode (`client.withBigInts()`, runtime to come) is typed as. */
declare const big: RedisCommands<PromiseContext<string, bigint>>;

describe('the integer slot of the command context', () => {
  it('types integer replies as numbers by default', () => {
    expectTypeOf(client.incr('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.setbit('k', 0, 1)).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.expiretime('k')).toEqualTypeOf<Promise<number>>();
  });

  it('types every integer reply as a bigint in a bigint mode, constants included', () => {
    expectTypeOf(big.incr('k')).toEqualTypeOf<Promise<bigint>>();
    expectTypeOf(big.setbit('k', 0, 1)).toEqualTypeOf<Promise<0n | 1n>>();
    expectTypeOf(big.smismember('s', ['a'])).toEqualTypeOf<Promise<(0n | 1n)[]>>();
    expectTypeOf(big.hello().then((r) => r.proto)).toEqualTypeOf<Promise<2n | 3n | undefined>>();
    // @ts-expect-error a bigint mode never promises a number
    expectTypeOf(big.incr('k')).toEqualTypeOf<Promise<number>>();
  });

  it('leaves doubles and strings alone', () => {
    expectTypeOf(big.zscore('z', 'm')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(big.incrbyfloat('k', 1.5)).toEqualTypeOf<Promise<string>>();
    expectTypeOf(big.get('k')).toEqualTypeOf<Promise<string | null>>();
  });
});
