/** Which kind of subscription: channels (SUBSCRIBE), patterns (PSUBSCRIBE), shard channels (SSUBSCRIBE). */
export type SubscriptionKind = 'channel' | 'pattern' | 'shard';

/** One published message, as a subscription delivers it. */
export interface PubSubMessage<TString extends string | Buffer = string> {
  /** The channel it was published on. */
  readonly channel: string;
  /** The payload: a string, or a Buffer on a `withBuffers()` client. */
  readonly message: TString;
  /** For pattern subscriptions, the pattern that matched. */
  readonly pattern?: string;
}

/** Called with each message of a subscription, in the order the server sent them. */
export type MessageListener<TString extends string | Buffer = string> = (
  message: TString,
  channel: string,
  pattern?: string,
) => void;

/** What an iterated subscription does when its consumer falls behind. */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'error';

/** Options of a subscription read with `for await`. */
export interface SubscribeOptions {
  /**
   * Most messages held for a consumer that has not read them yet. Default 1024: memory stays
   * bounded however fast the publisher is.
   */
  bufferSize?: number;
  /**
   * Past `bufferSize`: drop the oldest held message (default), drop the new one, or end the
   * iteration with a `SubscriberOverflowError`. Dropped messages are counted in `dropped`.
   */
  overflow?: OverflowPolicy;
}

/**
 * Told when the subscriber connection came back after a drop and every subscription was made
 * again: messages published in between (for `gapMs`) were not delivered, since pub/sub is
 * at-most-once.
 */
export interface ResubscribedEvent {
  readonly channels: readonly string[];
  readonly patterns: readonly string[];
  readonly shardChannels: readonly string[];
  /** From the drop to the server confirming the subscriptions again. */
  readonly gapMs: number;
}
