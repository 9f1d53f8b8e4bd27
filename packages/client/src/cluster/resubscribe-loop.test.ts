import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ResubscribedEvent, SubscriptionKind } from '../pubsub/pubsub-types.js';
import type { NodeAddress } from './cluster-config.js';
import { ResubscribeLoop, type ResubscribeTarget } from './resubscribe-loop.js';

type Placed = Readonly<Record<SubscriptionKind, readonly string[]>>;

/** A target whose `place` fails the first `failures` times; records every call. */
function target(failures: number, wanted = (_: string) => true) {
  const calls: { names: Placed; informed: NodeAddress | undefined }[] = [];
  const events: ResubscribedEvent[] = [];
  const errors: Error[] = [];
  const fake: ResubscribeTarget = {
    wants: (_, name) => wanted(name),
    place: async (names, informed) => {
      calls.push({ names, informed });
      await sleep(5);
      if (calls.length <= failures) throw new Error(`attempt ${calls.length} failed`);
    },
    resubscribed: (event) => events.push(event),
    error: (error) => errors.push(error),
  };
  return { fake, calls, events, errors };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  expect(check()).toBe(true);
};

describe('ResubscribeLoop', () => {
  it('retries after failures, reporting each, then emits one event with the gap', async () => {
    const { fake, calls, events, errors } = target(2);
    const loop = new ResubscribeLoop(fake, new AbortController().signal);
    const source = { host: '127.0.0.1', port: 7000 };
    loop.add({ shard: ['s'] }, performance.now(), source);
    await until(() => events.length === 1);
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.informed === source)).toBe(true);
    expect(errors.map((error) => error.message)).toEqual(['attempt 1 failed', 'attempt 2 failed']);
    expect(events[0]).toMatchObject({ channels: [], patterns: [], shardChannels: ['s'] });
    expect(events[0]!.gapMs).toBeGreaterThanOrEqual(50); // the first retry waits 50 ms
  });

  it('folds names lost while a try runs into the next one: one loop, never two', async () => {
    const { fake, calls, events } = target(1);
    const loop = new ResubscribeLoop(fake, new AbortController().signal);
    loop.add({ channel: ['a'] });
    loop.add({ shard: ['s'] }); // the loop is busy: joins the pending names
    await until(() => events.length >= 1 && calls.length >= 2);
    await sleep(30);
    expect(calls.map((call) => call.names)).toEqual([
      { channel: ['a'], pattern: [], shard: [] }, // the try already running
      { channel: ['a'], pattern: [], shard: ['s'] }, // the retry carries both
    ]);
    expect(events).toHaveLength(1);
  });

  it('skips names no longer wanted, and stops once closed', async () => {
    const closing = new AbortController();
    const { fake, calls, events } = target(Infinity, (name) => name !== 'gone');
    const loop = new ResubscribeLoop(fake, closing.signal);
    loop.add({ channel: ['gone', 'kept'] });
    await until(() => calls.length === 2);
    closing.abort();
    await sleep(150);
    const tries = calls.length;
    await sleep(150);
    expect(calls.length).toBe(tries);
    expect(calls[0]!.names.channel).toEqual(['kept']);
    expect(events).toEqual([]);
  });
});
