import { createReplyError, prepareRawCommand, type RedisArgument } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../errors.js';
import { sendClusterBatch } from './cluster-batch.js';
import { ClusterRoutingError, CrossSlotError, NodeUnreachableError } from './cluster-errors.js';
import { FakeRouting, portOf } from '../../test/fakes/fake-routing.js';
import { keySlot } from './key-slot.js';

const keys = Array.from({ length: 30 }, (_, i) => `key:${i}`);
const STRINGS = { buffers: false, bigints: false };
const batch = (commands: RedisArgument[][]) => ({
  commands: commands.map((args) => prepareRawCommand(args)),
  transaction: false,
  timeoutMs: 1000,
});
async function send(routing: FakeRouting, commands: RedisArgument[][]) {
  return (await sendClusterBatch(routing, batch(commands), STRINGS)).replies;
}

describe('sendClusterBatch', () => {
  it('sends one batch per node and returns the replies in the original order', async () => {
    const routing = new FakeRouting();
    const replies = await send(
      routing,
      keys.map((k) => ['GET', k]),
    );
    expect(replies).toEqual(keys.map((key) => `${portOf(key)}:${key}`));
    expect(routing.batches.map((batch) => batch.port).sort()).toEqual([7000, 7001, 7002]);
  });

  it('resends only the redirected commands', async () => {
    const [moved, asked] = [keys[3]!, keys[7]!];
    const routing = new FakeRouting({
      answer: (_, wire) =>
        wire[1] === moved
          ? createReplyError(`MOVED ${keySlot(moved)} h:7009`)
          : wire[1] === asked
            ? createReplyError(`ASK ${keySlot(asked)} h:7009`)
            : undefined,
    });
    const replies = await send(
      routing,
      keys.map((k) => ['INCR', k]),
    );
    expect(routing.resent.map((entry) => entry.wire).sort()).toEqual([
      ['INCR', moved],
      ['INCR', asked],
    ]);
    expect(replies[3]).toBe(`resent:${moved}`);
    expect(replies[7]).toBe(`resent:${asked}`);
    expect(replies[4]).toBe(`${portOf(keys[4]!)}:${keys[4]}`);
  });

  it('fails a lost node in place, and resends the commands of an unreachable one', async () => {
    const lost = new ConnectionError('socket closed');
    const unreachable = new NodeUnreachableError('h:7002', { cause: new Error('refused') });
    const routing = new FakeRouting({
      batchFailure: (port) => (port === 7000 ? lost : port === 7002 ? unreachable : undefined),
    });
    const replies = await send(
      routing,
      keys.map((k) => ['GET', k]),
    );
    keys.forEach((key, i) => {
      const expected = { 7000: lost, 7001: `7001:${key}`, 7002: `resent:${key}` }[portOf(key)];
      expect(replies[i]).toBe(expected);
    });
    expect(routing.resent.every((entry) => entry.error === unreachable)).toBe(true);
  });

  it('splits multi-slot MGETs per node and combines fan-out DBSIZE', async () => {
    const routing = new FakeRouting();
    const replies = await send(routing, [['MGET', ...keys], ['DBSIZE']]);
    expect(replies).toEqual([keys, 3]);
    expect(routing.batches).toHaveLength(3);
  });

  it('puts the error of one part in place of a split or fan-out reply', async () => {
    const refused = createReplyError('ERR nope');
    const routing = new FakeRouting({ answer: (port) => (port === 7001 ? refused : undefined) });
    const replies = await send(routing, [['MGET', ...keys], ['DBSIZE']]);
    expect(replies).toEqual([refused, refused]);
  });

  it('refuses a command it cannot route before sending anything', async () => {
    const routing = new FakeRouting();
    const renaming = send(routing, [
      ['GET', 'a'],
      ['RENAME', 'a', 'b'],
    ]);
    await expect(renaming).rejects.toBeInstanceOf(CrossSlotError);
    const scanning = send(routing, [['SCAN', '0']]);
    await expect(scanning).rejects.toBeInstanceOf(ClusterRoutingError);
    expect(routing.batches).toEqual([]);
  });
});
