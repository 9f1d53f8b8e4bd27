import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClient } from '../src/index.js';

// 2^63 - 2: one below the largest value INCR can reach, far past Number.MAX_SAFE_INTEGER.
const NEAR_MAX = '9223372036854775806';

describe.each([2, 3] as const)('bigint mode over RESP%i (issue 15)', (protocol) => {
  let client: RedisClient;
  const key = (name: string): string => `bigints:${protocol}:${name}`;

  beforeAll(() => {
    // Cold on purpose: the first command below connects.
    client = createClient({ url: redisUrl(), protocol });
  });
  afterAll(async () => {
    await client.quit();
  });

  it('returns integers past 2^53 exactly, where number mode rounds them', async () => {
    await client.set(key('n'), NEAR_MAX);
    expect(await client.withBigInts().incr(key('n'))).toBe(2n ** 63n - 1n);
    const rounded = await client.decr(key('n'));
    expect(Number.isSafeInteger(rounded)).toBe(false); // 2^63 - 2, as a number: not exact
    expect(await client.withBigInts().decrby(key('n'), 9223372036854775806n)).toBe(0n);
  });

  it('keeps strings, doubles and simple replies as they are', async () => {
    const big = client.withBigInts();
    await big.zadd(key('z'), [[1.5, 'm']]);
    expect(await big.zscore(key('z'), 'm')).toBe(1.5);
    expect(await big.set(key('s'), 'v')).toBe('OK');
    expect(await big.get(key('s'))).toBe('v');
    expect(await big.withBuffers().get(key('s'))).toEqual(Buffer.from('v'));
    expect(await big.withBuffers().exists([key('s')])).toBe(1n);
  });

  it('gives pipeline futures and transaction results bigints', async () => {
    const big = client.withBigInts();
    await client.set(key('p'), NEAR_MAX);
    const [incremented, length] = await big.pipeline((p) => [p.incr(key('p')), p.strlen(key('p'))]);
    expect(incremented).toBe(2n ** 63n - 1n);
    expect(length).toBe(19n);
    const [decremented] = await big.transaction((p) => [p.decr(key('p'))]);
    expect(decremented).toBe(2n ** 63n - 2n);
    // The number-mode client on the same connection is untouched.
    expect(await client.pipeline((p) => [p.exists([key('p')])])).toEqual([1]);
  });

  it('parses integers the server sends as text into bigints too (CLIENT INFO)', async () => {
    const info = await client.withBigInts().clientInfo();
    expect(typeof info.id).toBe('bigint');
    expect(typeof info.db).toBe('bigint');
    expect(typeof (await client.clientInfo()).id).toBe('number');
  });
});
