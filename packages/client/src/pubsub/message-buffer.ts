import { SubscriberOverflowError } from '../errors.js';
import type { OverflowPolicy, PubSubMessage } from './pubsub-types.js';

/**
 * The bounded queue between a subscription and its `for await` consumer: messages wait here
 * until read, at most `size` of them; the overflow policy decides what a full queue does.
 */
export class MessageBuffer<TString extends string | Buffer> {
  private readonly held: PubSubMessage<TString>[] = [];
  /** Index of the oldest held message (a ring would save the shift; reads are rare). */
  private head = 0;
  private waiting: ((result: IteratorResult<PubSubMessage<TString>>) => void) | undefined;
  private failing: ((error: Error) => void) | undefined;
  private ended = false;
  private failure: Error | undefined;
  /** Messages dropped because the consumer was too slow. */
  dropped = 0;

  constructor(
    private readonly size: number,
    private readonly policy: OverflowPolicy,
  ) {}

  push(message: PubSubMessage<TString>): void {
    if (this.ended) return;
    if (this.waiting !== undefined) {
      const resolve = this.waiting;
      this.waiting = this.failing = undefined;
      resolve({ value: message, done: false });
      return;
    }
    if (this.held.length - this.head < this.size) {
      this.held.push(message);
      return;
    }
    this.dropped++;
    if (this.policy === 'drop-newest') return;
    if (this.policy === 'error') {
      this.fail(new SubscriberOverflowError(this.size, this.dropped));
      return;
    }
    this.head++;
    this.held.push(message);
    this.compact();
  }

  next(): Promise<IteratorResult<PubSubMessage<TString>>> {
    if (this.head < this.held.length) {
      const value = this.held[this.head++]!;
      this.compact();
      return Promise.resolve({ value, done: false });
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failing = reject;
    });
  }

  /** No more messages: the consumer reads what is held, then the iteration ends. */
  end(): void {
    this.ended = true;
    const resolve = this.waiting;
    this.waiting = this.failing = undefined;
    resolve?.({ value: undefined, done: true });
  }

  /** Ends the iteration with `error`, once the held messages are read. */
  fail(error: Error): void {
    this.failure = error;
    this.ended = true;
    const reject = this.failing;
    this.waiting = this.failing = undefined;
    reject?.(error);
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.held.length) {
      this.held.splice(0, this.head);
      this.head = 0;
    }
  }
}
