import { MessageBuffer } from './message-buffer.js';
import type {
  MessageListener,
  PubSubMessage,
  SubscribeOptions,
  SubscriptionKind,
} from './pubsub-types.js';
import type { PubSubBackend } from './pubsub-backend.js';
import type { Sink } from './sink-registry.js';

/**
 * One subscription: to some channels, patterns or shard channels, with a listener or read with
 * `for await`. Unsubscribing removes only this subscription's interest; the server is told once
 * no subscription of the client wants a name any more.
 *
 * @example
 * await using news = await client.subscribe('news');
 * for await (const { channel, message } of news) console.log(channel, message);
 */
export interface Subscription<TString extends string | Buffer = string>
  extends AsyncIterable<PubSubMessage<TString>>, AsyncDisposable {
  readonly kind: SubscriptionKind;
  /** The channels, patterns or shard channels subscribed to. */
  readonly names: readonly string[];
  /** Messages dropped because a `for await` consumer fell behind (see `SubscribeOptions`). */
  readonly dropped: number;
  /** Ends this subscription: its iteration finishes, its listener hears no more. */
  unsubscribe(): Promise<void>;
}

/** The runtime behind `Subscription`. */
export class SubscriptionImpl<TString extends string | Buffer> implements Subscription<TString> {
  private readonly buffer: MessageBuffer<TString> | undefined;
  private readonly sink: Sink;
  private active = true;

  constructor(
    private readonly subscriber: PubSubBackend,
    readonly kind: SubscriptionKind,
    readonly names: readonly string[],
    listener: MessageListener<TString> | undefined,
    options: SubscribeOptions | undefined,
    convert: (payload: string | Buffer) => TString,
  ) {
    const end = (): void => this.ended();
    if (listener !== undefined) {
      this.buffer = undefined;
      this.sink = { deliver: (m) => listener(convert(m.message), m.channel, m.pattern), end };
    } else {
      const buffer = new MessageBuffer<TString>(
        options?.bufferSize ?? 1024,
        options?.overflow ?? 'drop-oldest',
      );
      this.buffer = buffer;
      this.sink = { deliver: (m) => buffer.push({ ...m, message: convert(m.message) }), end };
    }
  }

  get dropped(): number {
    return this.buffer?.dropped ?? 0;
  }

  /** Subscribes on the server (when needed); resolves once confirmed. */
  start(): Promise<void> {
    return this.subscriber.subscribe(this.kind, this.names, this.sink);
  }

  async unsubscribe(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.buffer?.end();
    await this.subscriber.unsubscribe(this.kind, this.names, this.sink);
  }

  /**
   * Ended from elsewhere (a bulk unsubscribe of one of its names, or the client closing): its
   * iteration ends, and its other names are let go.
   */
  private ended(): void {
    if (!this.active) return;
    this.active = false;
    this.buffer?.end();
    this.subscriber.unsubscribe(this.kind, this.names, this.sink).catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<PubSubMessage<TString>> {
    const buffer = this.buffer;
    if (buffer === undefined) {
      throw new TypeError(
        'A subscription with a listener delivers to it; subscribe without one to iterate',
      );
    }
    return {
      next: () => buffer.next(),
      return: async () => {
        await this.unsubscribe();
        return { value: undefined, done: true };
      },
    };
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.unsubscribe();
  }
}
