import {
  createReplyError,
  prepareRawCommand,
  type BatchReplies,
  type CommandBatch,
  type LeasedChannel,
  type RedisArgument,
} from '@redspec/types/internal';
import { describe, expect, it, vi } from 'vitest';
import { FakeRouting } from '../../test/fakes/fake-routing.js';
import { CrossSlotError } from './cluster-errors.js';
import { ClusterLease } from './cluster-lease.js';
import { keySlot } from './key-slot.js';

const batch = (...commands: RedisArgument[][]): CommandBatch => ({
  commands: commands.map((args) => prepareRawCommand(args)),
  transaction: false,
});
const transaction = (...commands: RedisArgument[][]): CommandBatch => ({
  ...batch(...commands),
  transaction: true,
});

function leased() {
  const channel = {
    server: undefined,
    sendBatch: vi.fn((sent: CommandBatch): Promise<BatchReplies> =>
      Promise.resolve({ replies: sent.commands.map(() => 'OK') }),
    ),
    release: vi.fn((_options: { unwatch: boolean }) => Promise.resolve()),
  } satisfies LeasedChannel;
  const routing = new FakeRouting({ channel });
  const lease = new ClusterLease(routing, { buffers: false, bigints: false }, () => undefined);
  return { routing, channel, lease };
}

describe('ClusterLease', () => {
  it('binds to the node of the watched slot and keeps every later batch there', async () => {
    const { routing, channel, lease } = leased();
    await lease.sendBatch(batch(['WATCH', '{w}a', '{w}b']));
    expect(routing.leased).toEqual([routing.nodeForSlot(keySlot('{w}a'))]);
    await lease.sendBatch(batch(['GET', '{w}a']));
    await lease.sendBatch(transaction(['SET', '{w}a', '1']));
    expect(channel.sendBatch).toHaveBeenCalledTimes(3);
    await expect(lease.sendBatch(batch(['GET', 'other']))).rejects.toMatchObject({
      name: 'CrossSlotError',
      slots: [keySlot('{w}a'), keySlot('other')],
    });
    await lease.release({ unwatch: true });
    await lease.release({ unwatch: true });
    expect(channel.release).toHaveBeenCalledOnce();
    expect(channel.release).toHaveBeenCalledWith({ unwatch: true });
    expect(routing.leased).toHaveLength(1);
  });

  it('refuses WATCH keys in several slots; released unbound, it leased nothing', async () => {
    const { routing, lease } = leased();
    await expect(lease.sendBatch(batch(['WATCH', 'a', 'b']))).rejects.toBeInstanceOf(
      CrossSlotError,
    );
    await lease.release({ unwatch: true });
    expect(routing.leased).toEqual([]);
  });

  it('binds again, to the new owner, when WATCH is answered MOVED', async () => {
    const { routing, channel, lease } = leased();
    channel.sendBatch.mockResolvedValueOnce({ replies: [createReplyError('MOVED 1 h:7002')] });
    expect(await lease.sendBatch(batch(['WATCH', '{w}a']))).toEqual({ replies: ['OK'] });
    expect(routing.moved).toEqual([[1, 'h', 7002]]);
    expect(routing.leased).toHaveLength(2);
    expect(channel.release).toHaveBeenCalledOnce();
  });

  it('binds a keyless first batch to any primary', async () => {
    const { routing, lease } = leased();
    expect(await lease.sendBatch(batch(['ECHO', 'x']))).toEqual({ replies: ['OK'] });
    expect(routing.leased).toEqual([routing.anyPrimary()]);
  });
});
