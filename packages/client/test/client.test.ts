import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommandArgumentError,
  SharedConnectionError,
  UnsupportedCommandError,
  WrongTypeError,
  createClient,
  type RedisClient,
} from '../src/index.js';

describe.each([2, 3] as const)('the client over RESP%i', (protocol) => {
  let client: RedisClient;
  const key = (name: string): string => `client:${protocol}:${name}`;

  beforeAll(async () => {
    client = await createClient({ url: redisUrl(), protocol }).connect();
  });
  afterAll(async () => {
    await client.quit();
  });

  it('learns the server it talks to', () => {
    expect(client.server).toMatchObject({ product: 'redis', protocol });
    expect(client.server!.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs typed commands and shapes replies the same on both protocols', async () => {
    expect(await client.set(key('s'), 'v', { expiration: { ex: 60 } })).toBe('OK');
    expect(await client.get(key('s'))).toBe('v');
    expect(await client.incr(key('n'))).toBe(1);
    expect(await client.hset(key('h'), { a: '1', b: '2' })).toBe(2);
    expect(await client.hgetall(key('h'))).toEqual({ a: '1', b: '2' });
    expect(await client.zadd(key('z'), [[1.5, 'm']])).toBe(1);
    expect(await client.zscore(key('z'), 'm')).toBe(1.5);
    expect(await client.del([key('s'), key('n'), key('h'), key('z')])).toBe(4);
  });

  it('returns Buffers for bulk strings in binary mode', async () => {
    await client.set(key('bin'), Buffer.from([0xff, 0x00]));
    expect(await client.withBuffers().get(key('bin'))).toEqual(Buffer.from([0xff, 0x00]));
    expect(await client.get(key('bin'))).toBeTypeOf('string');
  });

  it('rejects bad input before sending, naming command and argument', async () => {
    await expect(client.get(undefined as unknown as string)).rejects.toThrow(CommandArgumentError);
    await expect(client.incrby(key('x'), Number.NaN)).rejects.toThrow(
      "INCRBY: argument 'increment'",
    );
    expect(await client.exists(key('x'))).toBe(0);
  });

  it('surfaces server errors as typed errors naming the command', async () => {
    await client.set(key('str'), 'x');
    const error = await client.lpush(key('str'), 'a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongTypeError);
    expect(error).toMatchObject({ code: 'WRONGTYPE', command: 'LPUSH' });
  });

  it('fails fast on commands newer than the server', async () => {
    const error = await client
      .hexpire(key('h'), 10, { fields: ['f'] } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedCommandError);
    expect(String(error)).toContain(
      `HEXPIRE needs redis 7.4.0 or newer; the server runs ${client.server!.version}`,
    );
  });

  it('runs blocking commands on a dedicated connection, never stalling others', async () => {
    const blocked = client.blpop(key('queue'), 2);
    const started = performance.now();
    expect(await client.ping()).toBe('PONG');
    expect(performance.now() - started).toBeLessThan(500);
    await client.rpush(key('queue'), 'job');
    expect(await blocked).toEqual([key('queue'), 'job']);
  });

  it('runs XREAD on a dedicated connection only when it blocks', async () => {
    const stream = key('stream');
    const waiting = client.xread({ key: stream, id: '$' }, { block: 5000 });
    // The shared connection stays free while XREAD waits on its own connection.
    const blockedOnXread = /flags=b .*cmd=xread/;
    await expect
      .poll(async () => blockedOnXread.test(String(await client.clientList())))
      .toBe(true);
    expect(await client.xadd(stream, '*', { f: 'v' })).toMatch(/^\d+-\d+$/);
    const delivered = await waiting;
    expect(delivered?.[stream]?.[0]?.[1]).toEqual(['f', 'v']);
    expect(await client.xread({ key: stream, id: '0' })).not.toBeNull();
  });

  it('refuses commands that would change the shared connection, typed or raw', async () => {
    // Left out of the type; a JavaScript caller still reaches the generated method.
    const untyped = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(untyped.multi!.call(client)).rejects.toThrow(
      /use client.pipeline\(\{ transaction: true \}\)/,
    );
    await expect(untyped.select!.call(client, 1)).rejects.toThrow(/set `db` in the client config/);
    await expect(client.sendCommand(['SELECT', 1])).rejects.toBeInstanceOf(SharedConnectionError);
    await expect(client.sendCommand(['client', 'reply', 'off'])).rejects.toThrow(/CLIENT REPLY/);
    expect(await client.ping()).toBe('PONG');
  });

  it('sends untyped commands', async () => {
    expect(await client.sendCommand(['ECHO', 'hi'])).toBe('hi');
  });
});
