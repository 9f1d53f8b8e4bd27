import { prepareRawCommand } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { PendingReply } from './pending-reply.js';
import {
  isPubsubMessage,
  isPushed,
  pubsubKind,
  SubscriptionTracker,
} from './subscription-tracker.js';

/** A (un)subscribe command in flight, tagged by `tracker` as the connection does. */
function pending(tracker: SubscriptionTracker, args: string[]): PendingReply {
  const entry = new PendingReply(prepareRawCommand(args), undefined, false, 0);
  entry.promise.catch(() => undefined);
  tracker.tag(entry);
  return entry;
}

describe('SubscriptionTracker', () => {
  it('ignores ordinary commands', () => {
    const tracker = new SubscriptionTracker();
    expect(tracker.classify(['GET', 'k'])).toBe('');
    expect(tracker.classify(['SUBSCRIBERS', 'k'])).toBe('');
    expect(tracker.classify([Buffer.from('SUBSCRIBE'), 'k'])).toBe('');
  });

  it('expects one confirmation per channel named', () => {
    const tracker = new SubscriptionTracker();
    expect(tracker.classify(['SUBSCRIBE', 'a', 'b', 'a'])).toBe('subscribe');
    expect(tracker.confirmations).toBe(3);
    expect(tracker.classify(['punsubscribe', 'p*'])).toBe('punsubscribe');
    expect(tracker.confirmations).toBe(1);
  });

  it('expects one per subscribed channel of that kind for an argument-less unsubscribe', () => {
    const tracker = new SubscriptionTracker();
    tracker.classify(['SUBSCRIBE', 'a', 'b', 'c']);
    tracker.classify(['PSUBSCRIBE', 'p*']);
    tracker.classify(['UNSUBSCRIBE', 'b']);
    expect(tracker.classify(['UNSUBSCRIBE'])).toBe('unsubscribe');
    expect(tracker.confirmations).toBe(2);
    expect(tracker.active).toBe(true); // the pattern remains
    tracker.classify(['UNSUBSCRIBE']);
    expect(tracker.confirmations).toBe(1); // nothing left: one confirmation with a null channel
    tracker.classify(['PUNSUBSCRIBE']);
    expect(tracker.active).toBe(false);
  });

  it('forgets everything on clear()', () => {
    const tracker = new SubscriptionTracker();
    tracker.classify(['SSUBSCRIBE', 's1', 's2']);
    tracker.clear();
    expect(tracker.active).toBe(false);
    tracker.classify(['SUNSUBSCRIBE']);
    expect(tracker.confirmations).toBe(1);
  });
});

describe('a SUNSUBSCRIBE the server sends on its own (slot moved away, Redis 7)', () => {
  it('answers no SUNSUBSCRIBE naming other channels, and is forgotten', () => {
    const tracker = new SubscriptionTracker();
    tracker.classify(['SSUBSCRIBE', 'moved', 'kept']);
    const own = pending(tracker, ['SUNSUBSCRIBE', 'kept']);
    const pushed = ['sunsubscribe', 'moved', 1];
    expect(tracker.confirms(own, pushed)).toBe(false);
    expect(tracker.confirms(own, ['sunsubscribe', 'kept', 0])).toBe(true);
    tracker.droppedByServer(pushed);
    expect(tracker.active).toBe(false); // 'kept' went with the SUNSUBSCRIBE, 'moved' with the push
  });

  it('counts for an argument-less SUNSUBSCRIBE, which answers for every channel', () => {
    const tracker = new SubscriptionTracker();
    tracker.classify(['SSUBSCRIBE', 'a']);
    expect(tracker.confirms(pending(tracker, ['SUNSUBSCRIBE']), ['sunsubscribe', 'a', 0])).toBe(
      true,
    );
  });

  it('is a push on RESP2, like a message', () => {
    expect(isPushed(['sunsubscribe', 'a', 0])).toBe(true);
    expect(isPushed(['smessage', 'a', 'x'])).toBe(true);
    expect(isPushed(['subscribe', 'a', 1])).toBe(false);
  });
});

describe('pub/sub frames', () => {
  it('recognizes messages and confirmations, as strings or Buffers', () => {
    expect(pubsubKind(['subscribe', 'a', 1])).toBe('subscribe');
    expect(pubsubKind([Buffer.from('MESSAGE'), 'a', 'x'])).toBe('message');
    expect(isPubsubMessage(['pmessage', 'p*', 'a', 'x'])).toBe(true);
    expect(isPubsubMessage(['smessage', 'a', 'x'])).toBe(true);
    expect(isPubsubMessage(['subscribe', 'a', 1])).toBe(false);
    expect(isPubsubMessage('message')).toBe(false);
  });
});
