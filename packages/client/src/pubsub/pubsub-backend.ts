import type { SubscriptionKind } from './pubsub-types.js';
import type { Sink } from './sink-registry.js';

/**
 * What a client's subscriptions run on: a `Subscriber` connection for one server, or the
 * cluster's subscribers (shard channels follow their slot's owner).
 */
export interface PubSubBackend {
  /** Adds `sink` to each name; resolves once the server confirmed the names new to it. */
  subscribe(kind: SubscriptionKind, names: readonly string[], sink: Sink): Promise<void>;
  /** Removes `sink` (every sink when undefined) from each name; unsubscribes the emptied names. */
  unsubscribe(kind: SubscriptionKind, names: readonly string[], sink?: Sink): Promise<void>;
  /** Every name subscribed now, by kind. */
  names(kind: SubscriptionKind): string[];
}
