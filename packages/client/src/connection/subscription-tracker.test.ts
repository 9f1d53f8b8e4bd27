import { describe, expect, it } from 'vitest';
import { isPubsubMessage, pubsubKind, SubscriptionTracker } from './subscription-tracker.js';

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
