import { randomUUID } from 'node:crypto';
import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, defineScript, type RedisClient } from '../src/index.js';

describe('defineScript', () => {
  let client: RedisClient;
  // A nonce makes the script new to the shared server without SCRIPT FLUSH, which would
  // disturb other test files running at the same time.
  const script = (): string => `-- ${randomUUID()}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`;
  const incrBy = defineScript<{ keys: [counter: string]; args: [by: number]; reply: number }>(
    script(),
  );

  beforeAll(async () => {
    client = await createClient(redisUrl()).connect();
  });
  afterAll(async () => {
    await client.quit();
  });

  it('runs by SHA1 and falls back to EVAL when the server does not know the script', async () => {
    expect(await client.scriptExists(incrBy.sha)).toEqual([0]);
    expect(await incrBy.run(client, ['script:counter'], [5])).toBe(5);
    expect(await client.scriptExists(incrBy.sha)).toEqual([1]);
    expect(await incrBy.run(client, ['script:counter'], [2])).toBe(7);
    await client.del('script:counter');
  });

  it('loads ahead of time', async () => {
    const preloaded = defineScript<{ keys: []; args: []; reply: number }>(script());
    expect(await client.scriptExists(preloaded.sha)).toEqual([0]);
    await preloaded.load(client);
    expect(await client.scriptExists(preloaded.sha)).toEqual([1]);
  });
});
