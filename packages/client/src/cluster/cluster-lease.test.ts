import {
  createReplyError,
  type LeasedChannel,
  type RedisArgument,
  type RespValue,
} from '@redspec/types';
import { describe, expect, it, vi } from 'vitest';
import { CrossSlotError } from './cluster-errors.js';
import { ClusterLease } from './cluster-lease.js';
import { FakeRouting } from './fake-routing.js';
import { keySlot } from './key-slot.js';

function leased() {
  const channel = {
    server: undefined,
    sendBatch: vi.fn((commands: readonly (readonly RedisArgument[])[]) =>
      Promise.resolve(commands.map((): RespValue => 'OK')),
    ),
    release: vi.fn(() => Promise.resolve()),
  } satisfies LeasedChannel;
  const routing = new FakeRouting({ channel });
  return { routing, channel, lease: new ClusterLease(routing, () => undefined) };
}

describe('ClusterLease', () => {
  it('binds to the node of the watched slot and keeps every later batch there', async () => {
    const { routing, channel, lease } = leased();
    await lease.sendBatch([['WATCH', '{w}a', '{w}b']]);
    expect(routing.leased).toEqual([routing.nodeForSlot(keySlot('{w}a'))]);
    await lease.sendBatch([['GET', '{w}a']]);
    await lease.sendBatch([['MULTI'], ['SET', '{w}a', '1'], ['EXEC']]);
    expect(channel.sendBatch).toHaveBeenCalledTimes(3);
    await expect(lease.sendBatch([['GET', 'other']])).rejects.toMatchObject({
      name: 'CrossSlotError',
      slots: [keySlot('{w}a'), keySlot('other')],
    });
    await lease.release();
    await lease.release();
    expect(channel.release).toHaveBeenCalledOnce();
    expect(routing.leased).toHaveLength(1);
  });

  it('refuses WATCH keys in several slots, and answers UNWATCH without binding', async () => {
    const { routing, lease } = leased();
    await expect(lease.sendBatch([['WATCH', 'a', 'b']])).rejects.toBeInstanceOf(CrossSlotError);
    expect(await lease.sendBatch([['UNWATCH']])).toEqual(['OK']);
    await lease.release();
    expect(routing.leased).toEqual([]);
  });

  it('binds again, to the new owner, when WATCH is answered MOVED', async () => {
    const { routing, channel, lease } = leased();
    channel.sendBatch.mockResolvedValueOnce([createReplyError('MOVED 1 h:7002')]);
    expect(await lease.sendBatch([['WATCH', '{w}a']])).toEqual(['OK']);
    expect(routing.moved).toEqual([[1, 'h', 7002]]);
    expect(routing.leased).toHaveLength(2);
    expect(channel.release).toHaveBeenCalledOnce();
  });

  it('binds a keyless first batch to any primary', async () => {
    const { routing, lease } = leased();
    expect(await lease.sendBatch([['ECHO', 'x']])).toEqual(['OK']);
    expect(routing.leased).toEqual([routing.anyPrimary()]);
  });
});
