import { waitUntil } from '@redspec/test-utils';
import type { RespValue } from '@redspec/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import type { RawConnection } from '../helpers/raw-connection.js';
import { sharedServer, uniqueKey } from './shared-server.js';

const open: RawConnection[] = [];
afterEach(() => open.splice(0).forEach((connection) => connection.disconnect()));

async function connect(
  options: Parameters<typeof createRawConnection>[0] = {},
): Promise<RawConnection> {
  const connection = await createRawConnection({ ...sharedServer(), ...options });
  open.push(connection);
  return connection;
}

function collectPushes(connection: RawConnection): RespValue[][] {
  const pushes: RespValue[][] = [];
  connection.on('push', (frame) => pushes.push(frame));
  return pushes;
}

const messages = (pushes: RespValue[][]): RespValue[][] =>
  pushes.filter((frame) => frame[0] === 'message' || frame[0] === 'pmessage');

describe.each([3, 2] as const)('pub/sub over RESP%s', (protocol) => {
  it('delivers published messages to the push listener', async () => {
    const subscriber = await connect({ protocol });
    const publisher = await connect();
    const pushes = collectPushes(subscriber);
    const [news, alerts] = [uniqueKey('news'), uniqueKey('alerts')];

    // One confirmation per channel; SUBSCRIBE resolves with the subscription count.
    expect(await subscriber.call(['SUBSCRIBE', news, alerts])).toBe(2);
    expect(await subscriber.call(['PSUBSCRIBE', `${news}*`])).toBe(3);
    expect(await publisher.call(['PUBLISH', news, 'héllo'])).toBe(2);
    expect(await publisher.call(['PUBLISH', alerts, 'x'])).toBe(1);

    await waitUntil('3 messages', async () => messages(pushes).length === 3);
    expect(messages(pushes)).toEqual([
      ['message', news, 'héllo'],
      ['pmessage', `${news}*`, news, 'héllo'],
      ['message', alerts, 'x'],
    ]);
    expect(pushes[0]).toEqual(['subscribe', news, 1]);
    // PING is allowed while subscribed; RESP2 answers it in pub/sub form.
    expect(await subscriber.call(['PING'])).toEqual(protocol === 3 ? 'PONG' : ['pong', '']);
  });

  it('unsubscribes from everything, then answers ordinary commands again', async () => {
    const subscriber = await connect({ protocol });
    const pushes = collectPushes(subscriber);
    const channels = [uniqueKey('a'), uniqueKey('b'), uniqueKey('c')];
    await subscriber.call(['SUBSCRIBE', ...channels]);
    // No arguments: one confirmation per channel, all of which must be consumed.
    expect(await subscriber.call(['UNSUBSCRIBE'])).toBe(0);
    expect(await subscriber.call(['UNSUBSCRIBE'])).toBe(0); // nothing left: one null confirmation
    const key = uniqueKey('after');
    expect(
      await subscriber.callBatch([
        ['SET', key, 'v'],
        ['GET', key],
      ]),
    ).toEqual(['OK', 'v']);
    // Once unsubscribed, an array that looks like a RESP2 message is an ordinary reply again.
    const list = uniqueKey('list');
    await subscriber.call(['RPUSH', list, 'message', 'channel', 'payload']);
    expect(await subscriber.call(['LRANGE', list, 0, -1])).toEqual([
      'message',
      'channel',
      'payload',
    ]);
    expect(pushes.filter((frame) => frame[0] === 'unsubscribe')).toHaveLength(4);
  });
});

describe('RESP3 pushes', () => {
  it('interleave with ordinary replies on the same connection', async () => {
    const subscriber = await connect();
    const publisher = await connect();
    const pushes = collectPushes(subscriber);
    const channel = uniqueKey('mixed');
    await subscriber.call(['SUBSCRIBE', channel]);
    const key = uniqueKey('counter');
    for (let i = 1; i <= 20; i++) {
      const [published, incremented] = await Promise.all([
        publisher.call(['PUBLISH', channel, `m${i}`]),
        subscriber.call(['INCR', key]),
      ]);
      expect(published).toBe(1);
      expect(incremented).toBe(i);
    }
    await waitUntil('20 messages', async () => messages(pushes).length === 20);
  });

  it('decodes push payloads as Buffers with pushBuffers', async () => {
    const subscriber = await connect({ pushBuffers: true });
    const publisher = await connect();
    const pushes = collectPushes(subscriber);
    const channel = uniqueKey('binary');
    await subscriber.call(['SUBSCRIBE', channel]);
    await publisher.call(['PUBLISH', channel, Buffer.from([0xff, 0])]);
    await waitUntil('the message', async () => pushes.length === 2);
    expect(pushes[1]).toEqual([
      Buffer.from('message'),
      Buffer.from(channel),
      Buffer.from([0xff, 0]),
    ]);
  });
});
