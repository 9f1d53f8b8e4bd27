import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeRespServer, type FakeRespServer } from '@redspec/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawConnection, type RawConnection } from '../helpers/raw-connection.js';

// Every TCP connection reads into one shared buffer (open-socket.ts, `onread`): each read is
// decoded before the next lands, and the decoder keeps copies, never views. These replies are
// written in pieces, a few milliseconds apart, so they reach the client in separate reads,
// interleaved between two connections.

let fake: FakeRespServer | undefined;
const open: RawConnection[] = [];
afterEach(async () => {
  open.splice(0).forEach((connection) => connection.disconnect());
  await fake?.close();
});

/** The value GET returns for `key`: long enough to span reads, with bytes that are not text. */
const valueOf = (key: string): Buffer =>
  Buffer.concat([Buffer.from(`${key}:`), Buffer.alloc(300, key), Buffer.from([0, 0xff, 13, 10])]);

/** Writes `bytes` cut at `cuts`, pausing between pieces so each arrives in its own read. */
async function dribble(socket: Socket, bytes: Buffer, cuts: readonly number[]): Promise<void> {
  socket.setNoDelay(true); // no Nagle: small pieces leave at once, unmerged
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    socket.write(bytes.subarray(from, at));
    from = at;
    await sleep(5);
  }
}

/** Counts the chunks the connection's decoder is fed. */
function countReads(connection: RawConnection): () => number {
  const decoder = (connection as unknown as { decoder: { feed(chunk: Buffer): void } }).decoder;
  const feed = decoder.feed.bind(decoder);
  let reads = 0;
  decoder.feed = (chunk: Buffer): void => {
    reads++;
    feed(chunk);
  };
  return () => reads;
}

describe('one read buffer shared by every connection', () => {
  it('decodes replies split across reads, two connections interleaved, strings and Buffers', async () => {
    fake = await startFakeRespServer(async ([name, key], socket) => {
      if (name !== 'GET' || key === undefined) return undefined;
      const value = valueOf(key);
      const reply = Buffer.concat([
        Buffer.from(`$${value.length}\r\n`),
        value,
        Buffer.from('\r\n'),
      ]);
      // Inside the header, inside the body, between CR and LF of the body's end.
      await dribble(socket, reply, [2, 40, 200, reply.length - 1]);
      return undefined;
    });
    const first = await createRawConnection({ port: fake.port });
    const second = await createRawConnection({ port: fake.port });
    open.push(first, second);
    const firstReads = countReads(first);
    const secondReads = countReads(second);

    const [asBuffer, asString] = await Promise.all([
      first.call(['GET', 'a'], { returnBuffers: true }),
      second.call(['GET', 'b']),
    ]);
    // Later reads overwrite the shared buffer; the Buffer reply must not be a view into it.
    const [again] = await Promise.all([second.call(['GET', 'c']), first.call(['GET', 'd'])]);

    expect(firstReads()).toBeGreaterThanOrEqual(8);
    expect(secondReads()).toBeGreaterThanOrEqual(8);
    expect(asBuffer).toEqual(valueOf('a'));
    expect(asString).toBe(valueOf('b').toString());
    expect(again).toBe(valueOf('c').toString());
  });

  it('keeps reading a connection after another one closes', async () => {
    fake = await startFakeRespServer(([name]) => (name === 'PING' ? '+PONG\r\n' : undefined));
    const closing = await createRawConnection({ port: fake.port });
    const staying = await createRawConnection({ port: fake.port });
    open.push(staying);
    closing.disconnect();
    expect(await staying.call(['PING'])).toBe('PONG');
  });
});
