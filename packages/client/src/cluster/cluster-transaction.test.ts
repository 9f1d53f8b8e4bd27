import { createReplyError, prepareRawCommand, type RedisArgument } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { FakeRouting } from '../../test/fakes/fake-routing.js';
import { ClusterRoutingError } from './cluster-errors.js';
import { sendClusterTransaction } from './cluster-transaction.js';
import { keySlot } from './key-slot.js';

const STRINGS = { buffers: false, bigints: false };
const tx = (...commands: RedisArgument[][]) => ({
  commands: commands.map((args) => prepareRawCommand(args)),
  transaction: true,
  timeoutMs: 1000,
});

describe('sendClusterTransaction', () => {
  it('sends the whole transaction to the node of its one slot', async () => {
    const routing = new FakeRouting();
    await sendClusterTransaction(routing, tx(['INCR', '{t}a'], ['INCR', '{t}b']), STRINGS);
    expect(routing.batches).toHaveLength(1);
    expect(routing.batches[0]!.commands).toHaveLength(4);
  });

  it('refuses keys in several slots, and fan-out commands, before sending', async () => {
    const routing = new FakeRouting();
    const crossSlot = sendClusterTransaction(routing, tx(['GET', 'a'], ['GET', 'b']), STRINGS);
    await expect(crossSlot).rejects.toMatchObject({
      name: 'CrossSlotError',
      command: 'MULTI/EXEC',
      slots: [keySlot('a'), keySlot('b')],
    });
    const fanout = sendClusterTransaction(routing, tx(['GET', 'a'], ['DBSIZE']), STRINGS);
    await expect(fanout).rejects.toBeInstanceOf(ClusterRoutingError);
    expect(routing.batches).toEqual([]);
  });

  it('retries once on the new owner when MOVED aborted the whole transaction', async () => {
    const slot = keySlot('{t}a');
    let first = true;
    const routing = new FakeRouting({
      answer: (_, wire) => {
        if (!first) return undefined;
        if (wire[0] === 'EXEC') return ((first = false), createReplyError('EXECABORT discarded'));
        return wire[0] === 'INCR' ? createReplyError(`MOVED ${slot} h:7001`) : 'OK';
      },
    });
    const replies = await sendClusterTransaction(routing, tx(['INCR', '{t}a']), STRINGS);
    expect(routing.moved).toEqual([[slot, 'h', 7001]]);
    expect(routing.batches).toHaveLength(2);
    expect(Array.isArray(replies.exec)).toBe(true);
  });
});
