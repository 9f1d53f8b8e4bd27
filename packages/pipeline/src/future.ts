import { PipelineStateError, ResultNotReadyError } from './errors.js';

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function defer<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The eventual result of one pipelined command: awaitable like a Promise, and readable
 * synchronously through `.result` once its pipeline ran.
 *
 * A Future allocates no Promise until someone awaits it, so a pipeline of 1000 commands costs
 * 1000 small objects, not 1000 Promises; and a failed future that nobody awaits stays silent
 * instead of raising an `unhandledRejection` (the pipeline reports its failure itself).
 *
 * @example
 * const future = new Future<number>();
 * future.set(42);
 * future.result; // 42
 * await future; // 42
 */
export class Future<T> implements PromiseLike<T> {
  /**
   * `PENDING`, or while pending the `Deferred` of someone awaiting it, then `FULFILLED` or
   * `REJECTED`: one field for both, since a settled future needs no Deferred any more (8 bytes
   * of every pipelined command, `pnpm --filter @redspec/bench run compare:heap`).
   */
  #state: typeof PENDING | Deferred<T> | typeof FULFILLED | typeof REJECTED = PENDING;
  #outcome: unknown;

  /** Whether it settled, with a value or an error. */
  get isDone(): boolean {
    return this.#state === FULFILLED || this.#state === REJECTED;
  }

  /** Whether it settled with a value, so `.result` returns instead of throwing. */
  get isReady(): boolean {
    return this.#state === FULFILLED;
  }

  /**
   * The value, synchronously. Throws `ResultNotReadyError` before it settles, and the error
   * itself when it failed.
   *
   * @example
   * await pipe.execute();
   * const count: number = counter.result;
   */
  get result(): T {
    if (this.#state === FULFILLED) return this.#outcome as T;
    if (this.#state === REJECTED) throw this.#outcome;
    throw new ResultNotReadyError();
  }

  /** Settles with `value`; awaiting callers resume. */
  set(value: T): void {
    this.#settle(FULFILLED, value)?.resolve(value);
  }

  /** Settles with `error`; awaiting callers reject with it, `.result` throws it. */
  fail(error: unknown): void {
    this.#settle(REJECTED, error)?.reject(error);
  }

  then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#promise().then(onfulfilled, onrejected);
  }

  #promise(): Promise<T> {
    if (this.#state === FULFILLED) return Promise.resolve(this.#outcome as T);
    // Created only here, with a handler attached right away by `then`: never unhandled.
    if (this.#state === REJECTED) return Promise.reject(this.#outcome);
    if (this.#state === PENDING) this.#state = defer<T>();
    return this.#state.promise;
  }

  /** Records the outcome; returns the Deferred of those awaiting it, if any. */
  #settle(state: typeof FULFILLED | typeof REJECTED, outcome: unknown): Deferred<T> | undefined {
    const awaited = this.#state;
    if (awaited === FULFILLED || awaited === REJECTED) {
      throw new PipelineStateError('This future is already settled');
    }
    this.#state = state;
    this.#outcome = outcome;
    return awaited === PENDING ? undefined : awaited;
  }
}
