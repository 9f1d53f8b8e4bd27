import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommandArgumentError,
  RedspecError,
  SharedConnectionError,
  createClient,
  type RedisClient,
} from '../../src/index.js';

describe('input that would break the shared connection is refused before sending', () => {
  let client: RedisClient;
  beforeAll(async () => {
    client = createClient(redisUrl());
  });
  afterAll(() => client.quit());

  it('an empty raw command: a TypeError, and replies stay matched to their callers', async () => {
    const empty = client.sendCommand([]);
    await expect(empty).rejects.toBeInstanceOf(TypeError);
    await expect(empty).rejects.toBeInstanceOf(CommandArgumentError);
    await expect(empty).rejects.toBeInstanceOf(RedspecError);
    const key = `guard:${Date.now()}`;
    expect(await client.set(key, 'mine')).toBe('OK');
    expect(await client.get(key)).toBe('mine');
  });

  it('raw commands that change the connection, with the same advice as typed ones', async () => {
    for (const raw of [
      ['MULTI'],
      ['SELECT', '1'],
      ['CLIENT', 'REPLY', 'OFF'],
      ['MONITOR'],
      ['SUBSCRIBE', 'c'],
    ]) {
      await expect(client.sendCommand(raw), raw.join(' ')).rejects.toBeInstanceOf(
        SharedConnectionError,
      );
    }
    expect(await client.ping()).toBe('PONG');
  });

  it('a Date, a Promise, a Set or a Map where an options object goes', async () => {
    for (const options of [new Date(), Promise.resolve(), new Set(['nx']), new Map()]) {
      const call = client.set('k', 'v', options as never);
      await expect(call).rejects.toBeInstanceOf(CommandArgumentError);
      await expect(call).rejects.toThrow(
        /SET: argument 'options' must be an object, got a (Date|Promise|Set|Map)/,
      );
    }
  });
});
