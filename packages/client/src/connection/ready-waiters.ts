import { ConnectionError } from '../errors.js';

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  /** `connect()` learns of a failed attempt; a command waiting for the connection does not. */
  readonly failOnAttempt: boolean;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * Callers waiting for a connection to become ready: `connect()`, which wants to hear of the
 * next failed attempt, and commands, which wait (up to their deadline) while reconnects go on.
 */
export class ReadyWaiters {
  private readonly waiting = new Set<Waiter>();
  /** Why the last attempt failed, for the message of a waiter that runs out of time. */
  lastFailure: Error | undefined;

  get size(): number {
    return this.waiting.size;
  }

  /** Resolves when `ready()` is called; rejects on `failed()` (if asked) or after `timeoutMs`. */
  wait(failOnAttempt: boolean, timeoutMs: number, address: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              this.waiting.delete(waiter);
              const why = this.lastFailure === undefined ? '' : `: ${this.lastFailure.message}`;
              reject(
                new ConnectionError(`Not connected to ${address} within ${timeoutMs} ms${why}`, {
                  cause: this.lastFailure,
                }),
              );
            }, timeoutMs)
          : undefined;
      const waiter: Waiter = { resolve, reject, failOnAttempt, timer };
      this.waiting.add(waiter);
    });
  }

  ready(): void {
    this.lastFailure = undefined;
    for (const waiter of this.take(() => true)) waiter.resolve();
  }

  /** An attempt failed; `final` when no further attempt will be made. */
  failed(error: Error, final: boolean): void {
    this.lastFailure = error;
    for (const waiter of this.take((w) => final || w.failOnAttempt)) waiter.reject(error);
  }

  private take(which: (waiter: Waiter) => boolean): Waiter[] {
    const taken = [...this.waiting].filter(which);
    for (const waiter of taken) {
      this.waiting.delete(waiter);
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
    }
    return taken;
  }
}
