import { Redis as Redis5 } from 'ioredis5';
import { Redis as Redis6 } from 'ioredis6';
import { describe, expectTypeOf, it } from 'vitest';
import { fromIoredis, type FromIoredisOptions, type RedisClient } from '../index.js';

describe('fromIoredis', () => {
  it('takes an ioredis 5 or 6 instance and an optional closeWrapped', () => {
    expectTypeOf(fromIoredis(new Redis5())).toEqualTypeOf<RedisClient>();
    expectTypeOf(fromIoredis(new Redis6(), { closeWrapped: false })).toEqualTypeOf<RedisClient>();
    expectTypeOf<FromIoredisOptions['closeWrapped']>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error closeWrapped is a boolean
    fromIoredis(new Redis6(), { closeWrapped: 'no' });
    // @ts-expect-error unknown option
    fromIoredis(new Redis6(), { leaveOpen: true });
  });
});
