import { rawCommand, redisUrl, targetFromUrl } from '@redspec/test-utils';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  pipeline,
  registerClient,
  unregisterClient,
  type RedisClient,
} from '../../src/index.js';
import { settleWithin } from './settle.js';

/**
 * Every entry point on a fresh client, with default options and nothing called before it: no
 * ping, no connect(). Each must connect on first use and settle with its result.
 */
describe('the first call of a fresh client, whatever it is', () => {
  let client: RedisClient;
  const key = (name: string): string => `cold:${name}:${randomUUID()}`;
  const server = targetFromUrl(redisUrl());
  afterEach(async () => {
    unregisterClient('*');
    await client.quit();
  });

  it('a pipeline callback', async () => {
    client = createClient(redisUrl());
    const k = key('pipeline');
    const settled = await settleWithin(
      client.pipeline((p) => [p.incr(k), p.incr(k)]),
      5000,
    );
    expect(settled).toMatchObject({ status: 'fulfilled', value: [1, 2] });
    expect(await rawCommand(server, ['GET', k])).toBe('2');
  });

  it('a transaction pipeline', async () => {
    client = createClient(redisUrl());
    const k = key('multi');
    const run = client.pipeline((p) => [p.set(k, 'a'), p.append(k, 'b')], { transaction: true });
    expect(await settleWithin(run, 5000)).toMatchObject({ status: 'fulfilled', value: ['OK', 2] });
  });

  it('an `await using` pipeline', async () => {
    client = createClient(redisUrl());
    const k = key('using');
    let count;
    const scope = async () => {
      await using pipe = client.pipeline();
      count = pipe.incr(k);
    };
    expect(await settleWithin(scope(), 5000)).toMatchObject({ status: 'fulfilled' });
    expect(await count).toBe(1);
  });

  it('sendCommand', async () => {
    client = createClient(redisUrl());
    const settled = await settleWithin(client.sendCommand(['ECHO', 'first']), 5000);
    expect(settled).toMatchObject({ status: 'fulfilled', value: 'first' });
  });

  it('an optimistic transaction with WATCH', async () => {
    client = createClient(redisUrl());
    const k = key('watch');
    const run = client.transaction(
      async (p) => [p.set(k, String(Number(await p.immediate.get(k)) + 1))],
      { watch: [k] },
    );
    expect(await settleWithin(run, 5000)).toMatchObject({ status: 'fulfilled', value: ['OK'] });
    expect(await rawCommand(server, ['GET', k])).toBe('1');
  });

  it('a registered client’s redpipe-style pipeline()', async () => {
    client = createClient(redisUrl());
    registerClient(client);
    const k = key('registry');
    const run = async () => {
      await using pipe = pipeline();
      return pipe.incr(k);
    };
    const settled = await settleWithin(
      run().then((future) => future),
      5000,
    );
    expect(settled).toMatchObject({ status: 'fulfilled', value: 1 });
  });

  it('a blocking command', async () => {
    client = createClient(redisUrl());
    const settled = await settleWithin(client.blpop(key('blpop'), 0.1), 5000);
    expect(settled).toMatchObject({ status: 'fulfilled', value: null });
  });
});
