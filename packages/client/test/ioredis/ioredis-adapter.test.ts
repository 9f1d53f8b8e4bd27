import { redisUrl, waitUntil } from '@redspec/test-utils';
import { Redis as Redis5 } from 'ioredis5';
import { Redis as Redis6 } from 'ioredis6';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrongTypeError, fromIoredis, type RedisClient } from '../../src/index.js';

// The optional peer range is `^5 || ^6`: every case runs against both majors (ioredis 6 speaks
// RESP3 by default, with replies mapped back to its v5 shapes).
// Duplicates inherit the name, which tells this file's connections apart in CLIENT LIST.
const connectionName = 'redspec-adapter-test';
const majors = [
  { major: 5, open: (url: string) => new Redis5(url, { connectionName }) },
  { major: 6, open: (url: string) => new Redis6(url, { connectionName }) },
];

describe.each(majors)('the ioredis $major adapter', ({ open }) => {
  let redis: Redis5 | Redis6;
  let client: RedisClient;

  beforeAll(async () => {
    redis = open(redisUrl());
    client = await fromIoredis(redis).connect();
  });
  afterAll(async () => {
    await client.quit();
  });

  it('closes the ioredis instance it was given on quit()', async () => {
    const other = open(redisUrl());
    const wrapped = fromIoredis(other);
    expect(await wrapped.ping()).toBe('PONG');
    await wrapped.quit();
    expect(other.status).toBe('end');
  });

  it('leaves it open with closeWrapped: false', async () => {
    const other = open(redisUrl());
    const wrapped = fromIoredis(other, { closeWrapped: false });
    expect(await wrapped.blpop('adapter:never', 0.01)).toBeNull();
    wrapped.disconnect();
    expect(other.status).toBe('ready');
    expect(await other.ping()).toBe('PONG');
    await other.quit();
  });

  it('learns the server through the wrapped connection', () => {
    expect(client.server).toMatchObject({ product: 'redis', protocol: 2 });
  });

  it('shapes RESP2 replies from ioredis like our own connection does', async () => {
    await client.hset('adapter:h', { a: '1' });
    expect(await client.hgetall('adapter:h')).toEqual({ a: '1' });
    await client.zadd('adapter:z', [[2.5, 'm']]);
    expect(await client.zscore('adapter:z', 'm')).toBe(2.5);
    expect(await client.withBuffers().get('adapter:missing')).toBeNull();
  });

  it('translates ioredis reply errors into typed errors', async () => {
    await client.set('adapter:s', 'x');
    await expect(client.lpush('adapter:s', 'a')).rejects.toBeInstanceOf(WrongTypeError);
  });

  it('runs pipelines with errors in place', async () => {
    const pipe = client.pipeline({ raiseOnError: false });
    const ok = pipe.set('adapter:b', '1');
    const failed = pipe.lpush('adapter:b', 'x');
    await pipe.execute();
    expect(ok.result).toBe('OK');
    await expect(failed).rejects.toBeInstanceOf(WrongTypeError);
  });

  it('runs transactions as MULTI … EXEC', async () => {
    const [count] = await client.transaction((p) => [p.incr('adapter:t'), p.incr('adapter:t')]);
    expect(count).toBe(1);
    expect(await client.get('adapter:t')).toBe('2');
  });

  it('runs blocking commands on a duplicate connection', async () => {
    const blocked = client.blpop('adapter:q', 2);
    expect(await client.ping()).toBe('PONG');
    await client.rpush('adapter:q', 'job');
    expect(await blocked).toEqual(['adapter:q', 'job']);
    await client.del(['adapter:h', 'adapter:z', 'adapter:s', 'adapter:b', 'adapter:t']);
  });

  it('cancels a blocked command with an AbortSignal, closing its duplicate', async () => {
    const controller = new AbortController();
    const name = 'adapter-abort';
    const blocked = client.withSignal(controller.signal).blpop('adapter:none', 0);
    const holders = async (): Promise<number> =>
      String(await redis.call('CLIENT', 'LIST'))
        .split('\n')
        .filter(
          (line) => line.includes(' name=redspec-adapter-test ') && line.includes(' cmd=blpop '),
        ).length;
    await waitUntil(`${name}: BLPOP to block`, async () => (await holders()) === 1);
    controller.abort('stop');
    await expect(blocked).rejects.toMatchObject({ name: 'AbortError', cause: 'stop' });
    await waitUntil(`${name}: the duplicate to close`, async () => (await holders()) === 0);
    // The next blocking command gets a fresh duplicate.
    const served = client.blpop('adapter:q2', 2);
    await client.rpush('adapter:q2', 'x');
    expect(await served).toEqual(['adapter:q2', 'x']);
  });

  it('scans with the iterators through ioredis', async () => {
    await client.sadd('adapter:set', ['a', 'b', 'c']);
    const members: string[] = [];
    for await (const member of client.sscanIterator('adapter:set')) members.push(member);
    expect(members.sort()).toEqual(['a', 'b', 'c']);
    await client.del('adapter:set');
  });
});
