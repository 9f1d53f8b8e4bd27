import type { OneOrMany } from '@redspec/types';
import type { MessageListener, SubscribeOptions } from './pubsub-types.js';
import type { Subscription } from './subscription.js';

/**
 * Pub/sub as clients and clusters offer it. Messages arrive on a connection of their own, so
 * the client's other commands are not slowed by them; after a reconnect every subscription is
 * made again (the client emits `resubscribed`). Pub/sub is at-most-once: messages published
 * while the subscriber is disconnected are lost.
 */
export interface PubSubMethods<TString extends string | Buffer> {
  /**
   * Subscribes to channels. With a listener, each message is passed to it; without, the
   * subscription is read with `for await` (bounded buffer, see `SubscribeOptions`). Resolves
   * once the server confirmed.
   * @example
   * const sub = await client.subscribe('news', (message, channel) => console.log(channel, message));
   * for await (const { message } of await client.subscribe(['a', 'b'])) console.log(message);
   */
  subscribe(
    channels: OneOrMany<string>,
    listener: MessageListener<TString>,
  ): Promise<Subscription<TString>>;
  subscribe(
    channels: OneOrMany<string>,
    options?: SubscribeOptions,
  ): Promise<Subscription<TString>>;
  /**
   * Subscribes to channel patterns (`news.*`); each message carries the pattern that matched.
   * @example
   * await client.psubscribe('__keyspace@0__:user:*', (event, channel) => console.log(channel, event));
   */
  psubscribe(
    patterns: OneOrMany<string>,
    listener: MessageListener<TString>,
  ): Promise<Subscription<TString>>;
  psubscribe(
    patterns: OneOrMany<string>,
    options?: SubscribeOptions,
  ): Promise<Subscription<TString>>;
  /**
   * Subscribes to shard channels (Redis 7): in a cluster, on the node owning each channel's slot.
   * @example
   * const sub = await cluster.ssubscribe('orders:{eu}', (message) => console.log(message));
   */
  ssubscribe(
    shardChannels: OneOrMany<string>,
    listener: MessageListener<TString>,
  ): Promise<Subscription<TString>>;
  ssubscribe(
    shardChannels: OneOrMany<string>,
    options?: SubscribeOptions,
  ): Promise<Subscription<TString>>;
  /**
   * Ends every subscription of this client to these channels (all channels when none given).
   * @example
   * await client.unsubscribe('news');
   */
  unsubscribe(channels?: OneOrMany<string>): Promise<void>;
  /**
   * `unsubscribe` for patterns.
   * @example
   * await client.punsubscribe();
   */
  punsubscribe(patterns?: OneOrMany<string>): Promise<void>;
  /**
   * `unsubscribe` for shard channels.
   * @example
   * await client.sunsubscribe('orders:{eu}');
   */
  sunsubscribe(shardChannels?: OneOrMany<string>): Promise<void>;
}
