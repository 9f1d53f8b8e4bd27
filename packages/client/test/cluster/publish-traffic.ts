import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisCluster } from '../../src/index.js';

/**
 * SPUBLISHes (or PUBLISHes) 0, 1, 2 … to one channel, one at a time, every `intervalMs`,
 * until stopped; for tests that move a slot or a primary under traffic.
 */
export class PublishTraffic {
  /** The next sequence number to publish: every lower one was sent (or failed). */
  next = 0;
  /** Publishes that failed, by number (one in flight when a node dies may fail). */
  readonly failures: { seq: number; error: unknown }[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    cluster: RedisCluster,
    channel: string,
    kind: 'spublish' | 'publish',
    intervalMs = 2,
  ) {
    this.loop = (async () => {
      while (this.running) {
        const seq = this.next++;
        await cluster[kind](channel, String(seq)).catch((error: unknown) => {
          this.failures.push({ seq, error });
        });
        await sleep(intervalMs);
      }
    })();
  }

  /** Stops after the message in flight; resolves with the last number sent. */
  async stop(): Promise<number> {
    this.running = false;
    await this.loop;
    return this.next - 1;
  }
}

/**
 * Checks what a subscriber received of a `PublishTraffic`: numbers strictly increasing (in
 * order, none twice), and every one from `from` to `last` there (published after the
 * subscription was confirmed, so none may be lost).
 */
export function checkReceived(received: readonly number[], from: number, last: number): string[] {
  const problems: string[] = [];
  received.forEach((seq, i) => {
    if (i > 0 && seq <= received[i - 1]!) problems.push(`${seq} after ${received[i - 1]}`);
  });
  const seen = new Set(received);
  for (let seq = from; seq <= last; seq++) if (!seen.has(seq)) problems.push(`${seq} missing`);
  return problems;
}
