import { setTimeout as delay } from 'node:timers/promises';
import type { RedisClient } from '../../src/index.js';

/** One write of the traffic: when it started and ended, and how. */
export interface WriteRecord {
  readonly key: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly ok: boolean;
  /** `WAIT 1` said a replica has it: it must survive a failover. */
  readonly acked: boolean;
  readonly error?: string;
}

/**
 * Writes one key after another (SET then WAIT 1 on the same connection, in one pipeline)
 * until stopped, recording each outcome, so a failover test can tell when writes stopped and
 * resumed, and which acknowledged writes must still be there afterwards.
 */
export class WriteTraffic {
  readonly records: WriteRecord[] = [];
  private stopped = false;
  private readonly running: Promise<void>;

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** The first successful write that started at or after `time` (performance.now()). */
  firstSuccessAfter(time: number): WriteRecord | undefined {
    return this.records.find((record) => record.ok && record.startedAt >= time);
  }

  private async run(): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const key = `${this.prefix}${i}`;
      const startedAt = performance.now();
      try {
        const [, replicas] = await this.client.pipeline((p) => [
          p.set(key, String(i)),
          p.wait(1, 50),
        ]);
        this.records.push({
          key,
          startedAt,
          endedAt: performance.now(),
          ok: true,
          acked: replicas >= 1,
        });
      } catch (error) {
        const message = `${(error as Error).name}: ${(error as Error).message}`;
        this.records.push({
          key,
          startedAt,
          endedAt: performance.now(),
          ok: false,
          acked: false,
          error: message,
        });
      }
      await delay(5);
    }
  }
}
