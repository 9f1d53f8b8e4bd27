import { rawCommand, redisUrl, targetFromUrl, waitUntil } from '@redspec/test-utils';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SubscriberOverflowError,
  createClient,
  type PubSubMessage,
  type RedisClient,
} from '../../src/index.js';

const server = targetFromUrl(redisUrl());
const channel = (name: string): string => `pubsub:${name}:${randomUUID()}`;
const publish = (name: string, message: string) => rawCommand(server, ['PUBLISH', name, message]);
const subscribers = async (name: string): Promise<number> =>
  Number(((await rawCommand(server, ['PUBSUB', 'NUMSUB', name])) as unknown[])[1]);

describe.each([3, 2] as const)('pub/sub over RESP%i', (protocol) => {
  let client: RedisClient;
  beforeEach(() => {
    client = createClient({ url: redisUrl(), protocol });
  });
  afterEach(() => client.quit());

  it('delivers to a listener, in order, and unsubscribes on the server with the last listener', async () => {
    const news = channel('news');
    const got: [string, string][] = [];
    const first = await client.subscribe(news, (message, from) => got.push([from, message]));
    const second = await client.subscribe(news, () => undefined);
    expect(await subscribers(news)).toBe(1); // one server subscription for both
    for (let i = 0; i < 100; i++) await publish(news, `m${i}`);
    await waitUntil('100 messages', async () => got.length === 100);
    expect(got.map(([, m]) => m)).toEqual(Array.from({ length: 100 }, (_, i) => `m${i}`));
    expect(got[0]![0]).toBe(news);
    await first.unsubscribe();
    expect(await subscribers(news)).toBe(1);
    await second.unsubscribe();
    expect(await subscribers(news)).toBe(0);
  });

  it('is read with for await, patterns included, and keeps the client’s commands working', async () => {
    const base = channel('pattern');
    await using sub = await client.psubscribe(`${base}.*`);
    const key = channel('key');
    await client.set(key, 'still works');
    await publish(`${base}.a`, 'one');
    await publish(`${base}.b`, 'two');
    const seen: PubSubMessage[] = [];
    for await (const message of sub) {
      seen.push(message);
      if (seen.length === 2) break; // break unsubscribes
    }
    expect(seen).toEqual([
      { channel: `${base}.a`, message: 'one', pattern: `${base}.*` },
      { channel: `${base}.b`, message: 'two', pattern: `${base}.*` },
    ]);
    expect(await client.get(key)).toBe('still works');
    const left = (await rawCommand(server, ['PUBSUB', 'NUMPAT'])) as number;
    expect(left).toBeGreaterThanOrEqual(0);
  });

  it('delivers binary payloads as Buffers on a withBuffers() client', async () => {
    const bin = channel('bin');
    const bytes = Buffer.from([0, 255, 1, 254, 0x80]);
    const got: Buffer[] = [];
    await client.withBuffers().subscribe(bin, (message) => got.push(message));
    const publisher = createClient(redisUrl());
    await publisher.publish(bin, bytes);
    await publisher.quit();
    await waitUntil('the binary message', async () => got.length === 1);
    expect(got[0]).toEqual(bytes);
  });

  it('client.unsubscribe() ends every subscription to a channel, iterations included', async () => {
    const c = channel('bulk');
    const sub = await client.subscribe(c);
    const reading = (async () => {
      const messages: string[] = [];
      for await (const { message } of sub) messages.push(message);
      return messages;
    })();
    await publish(c, 'before');
    await waitUntil('the message to arrive', async () => (await subscribers(c)) === 1);
    await client.unsubscribe(c);
    expect(await reading).toEqual(['before']);
    expect(await subscribers(c)).toBe(0);
  });
});

describe('a slow iterator consumer', () => {
  it('drops the oldest messages past its buffer and counts them (default policy)', async () => {
    const client = createClient(redisUrl());
    const c = channel('slow');
    const sub = await client.subscribe(c, { bufferSize: 10 });
    for (let i = 0; i < 50; i++) await publish(c, `m${i}`);
    await waitUntil('all 50 to arrive', async () => sub.dropped === 40);
    const read: string[] = [];
    for await (const { message } of sub) {
      read.push(message);
      if (read.length === 10) break;
    }
    expect(read).toEqual(Array.from({ length: 10 }, (_, i) => `m${40 + i}`));
    await client.quit();
  });

  it('with overflow: error, ends the iteration with SubscriberOverflowError after what it held', async () => {
    const client = createClient(redisUrl());
    const c = channel('overflow');
    const sub = await client.subscribe(c, { bufferSize: 5, overflow: 'error' });
    for (let i = 0; i < 8; i++) await publish(c, `m${i}`);
    await waitUntil('the overflow', async () => sub.dropped > 0);
    const read: string[] = [];
    const error = await (async () => {
      for await (const { message } of sub) read.push(message);
    })().catch((thrown: unknown) => thrown);
    expect(read).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(error).toBeInstanceOf(SubscriberOverflowError);
    await client.quit();
  });
});
