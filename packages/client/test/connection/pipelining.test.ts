import type { Socket } from 'node:net';
import { CommandArgumentError, ReplyError, WrongTypeError } from '@redspec/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawConnection } from '../helpers/raw-connection.js';
import type { RawConnection } from '../helpers/raw-connection.js';
import { sharedServer, uniqueKey } from './shared-server.js';

/** Counts `socket.write` calls on the connection's current socket. */
function countWrites(connection: RawConnection): () => number {
  const socket = (connection as unknown as { socket: Socket }).socket;
  const write = socket.write.bind(socket) as (chunk: Buffer) => boolean;
  let writes = 0;
  socket.write = ((chunk: Buffer) => {
    writes++;
    return write(chunk);
  }) as Socket['write'];
  return () => writes;
}

const inflightEntries = (connection: RawConnection): number =>
  (connection as unknown as { inflight: { length: number } }).inflight.length;

let connection: RawConnection;
beforeAll(async () => {
  connection = await createRawConnection(sharedServer());
});
afterAll(() => connection.quit());

describe('auto-pipelining', () => {
  it('sends every command issued in one tick in one socket write', async () => {
    const writes = countWrites(connection);
    const key = uniqueKey('incr');
    const replies = await Promise.all([
      connection.call(['SET', key, 0]),
      ...Array.from({ length: 999 }, () => connection.call(['INCR', key])),
    ]);
    expect(writes()).toBe(1);
    expect(replies[0]).toBe('OK');
    expect(replies.slice(1)).toEqual(Array.from({ length: 999 }, (_, i) => i + 1));
  });

  it('batches commands issued by continuations of the same socket read', async () => {
    const key = uniqueKey('workers');
    await connection.call(['SET', key, 0]);
    const writes = countWrites(connection);
    // 50 workers, each awaiting its previous INCR: each round of replies arrives in one read,
    // so each round's 50 follow-up commands should leave in one write, not 50.
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await connection.call(['INCR', key]);
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    expect(await connection.call(['GET', key])).toBe('1000');
    expect(writes()).toBeLessThanOrEqual(40);
  });

  it('keeps a batch of 1000 commands as one pending entry, answered in order', async () => {
    const key = uniqueKey('batch');
    const commands = Array.from({ length: 1000 }, (_, i) => ['RPUSH', key, `item-${i}`]);
    const replies = connection.callBatch(commands);
    expect(inflightEntries(connection)).toBe(1);
    expect(await replies).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('answers batches on both sides of the presized-replies limit, errors in place', async () => {
    for (const size of [16_000, 16_001, 40_000]) {
      const key = uniqueKey(`presized-${size}`);
      const commands = Array.from({ length: size }, (_, i) =>
        i === size - 2 ? ['HSET', key, 'f', 'v'] : ['RPUSH', key, `item-${i}`],
      );
      const replies = await connection.callBatch(commands);
      expect(replies).toHaveLength(size);
      expect(replies[size - 3]).toBe(size - 2);
      expect(replies[size - 2]).toBeInstanceOf(WrongTypeError);
      expect(replies[size - 1]).toBe(size - 1);
      expect(replies.slice(0, size - 2)).toEqual(Array.from({ length: size - 2 }, (_, i) => i + 1));
    }
  });

  it("writes a big batch in parts as it encodes, in order with the same tick's commands", async () => {
    const key = uniqueKey('parts');
    const writes = countWrites(connection);
    const before = connection.call(['SET', key, 'start']);
    const commands = Array.from({ length: 2000 }, (_, i) => ['APPEND', key, `,${i}`]);
    const batch = connection.callBatch(commands);
    const after = connection.call(['GET', key]);
    const [setReply, appended, value] = await Promise.all([before, batch, after]);
    // The server started on the first part while the rest was being encoded.
    expect(writes()).toBeGreaterThan(2);
    expect(setReply).toBe('OK');
    let length = 'start'.length;
    expect(appended).toEqual(commands.map(([, , suffix]) => (length += suffix!.length)));
    expect(value).toBe(`start${commands.map(([, , suffix]) => suffix).join('')}`);
  });

  it('answers 10k concurrent GETs each with its own value', async () => {
    const prefix = uniqueKey('many');
    await connection.callBatch(
      Array.from({ length: 10_000 }, (_, i) => ['SET', `${prefix}:${i}`, `v${i}`]),
    );
    const values = await Promise.all(
      Array.from({ length: 10_000 }, (_, i) => connection.call(['GET', `${prefix}:${i}`])),
    );
    expect(values).toEqual(Array.from({ length: 10_000 }, (_, i) => `v${i}`));
  });
});

describe('replies and errors', () => {
  it('resolves a batch with error replies in place, each naming its command', async () => {
    const key = uniqueKey('errors');
    const [set, incr, get, lpush] = await connection.callBatch([
      ['SET', key, 'text'],
      ['INCR', key],
      ['GET', key],
      ['LPUSH', key, 'x'],
    ]);
    expect(set).toBe('OK');
    expect(incr).toBeInstanceOf(ReplyError);
    expect((incr as ReplyError).message).toBe('ERR value is not an integer or out of range');
    expect((incr as ReplyError).command).toBe('INCR');
    expect(get).toBe('text');
    expect(lpush).toBeInstanceOf(WrongTypeError);
    expect((lpush as ReplyError).command).toBe('LPUSH');
  });

  it('rejects send() with the mapped ReplyError class', async () => {
    const key = uniqueKey('wrongtype');
    await connection.call(['SET', key, 'text']);
    const error = await connection.call(['LPUSH', key, 'x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongTypeError);
    expect((error as WrongTypeError).code).toBe('WRONGTYPE');
    expect((error as WrongTypeError).command).toBe('LPUSH');
  });

  it('decodes Buffers per command, in the same write as string commands', async () => {
    const key = uniqueKey('binary');
    const bytes = Buffer.from([0, 0xff, 0xfe, 13, 10]);
    await connection.call(['SET', key, bytes]);
    const writes = countWrites(connection);
    const [asString, asBuffer, batch] = await Promise.all([
      connection.call(['GET', key]),
      connection.call(['GET', key], { returnBuffers: true }),
      connection.callBatch(
        [
          ['GET', key],
          ['STRLEN', key],
        ],
        undefined,
        { returnBuffers: true },
      ),
    ]);
    expect(writes()).toBe(1);
    expect(asString).toBe(bytes.toString());
    expect(asBuffer).toEqual(bytes);
    expect(batch).toEqual([bytes, 5]);
  });

  it('rejects a command with a bad argument without sending it; its neighbours proceed', async () => {
    const key = uniqueKey('bad-arg');
    const results = await Promise.allSettled([
      connection.call(['SET', key, 1]),
      connection.call(['INCRBY', key, NaN]),
      connection.callBatch([
        ['INCR', key],
        ['SET', key, Infinity],
      ]),
      connection.call(['INCR', key]),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(CommandArgumentError);
    expect((results[3] as PromiseFulfilledResult<unknown>).value).toBe(2);
  });

  it('decodes RESP3 types from a live server', async () => {
    const key = uniqueKey('zset');
    await connection.call(['ZADD', key, 'inf', 'a', '1.5', 'b', '-inf', 'c']);
    expect(await connection.call(['ZRANGE', key, 0, -1, 'WITHSCORES'])).toEqual([
      ['c', -Infinity],
      ['b', 1.5],
      ['a', Infinity],
    ]);
    expect(await connection.call(['ZSCORE', key, 'b'])).toBe(1.5);
    const set = uniqueKey('set');
    await connection.call(['SADD', set, 'm']);
    expect(await connection.call(['SMEMBERS', set])).toEqual(['m']);
    expect(await connection.call(['HELLO'])).toMatchObject({ proto: 3, server: 'redis' });
    expect(await connection.call(['GET', uniqueKey('missing')])).toBeNull();
  });
});
