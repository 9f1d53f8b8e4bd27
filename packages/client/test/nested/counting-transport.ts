import type {
  BatchOptions,
  CommandTransport,
  LeasedChannel,
  RedisArgument,
  RespValue,
  ServerInfo,
} from '@redspec/types';
import type { RedisClient } from '../../src/index.js';

type Batch = readonly (readonly RedisArgument[])[];

/** Batches in flight across several transports, to tell parallel sends from sequential ones. */
export class InFlightGauge {
  current = 0;
  max = 0;
}

/**
 * A client as a `CommandTransport` that counts round trips: each `sendBatch` is one write of
 * a whole batch and one wait for its replies. Register it with `connect()` in place of the
 * client to see how many round trips a nested pipeline made.
 */
export class CountingTransport implements CommandTransport {
  /** Every batch sent, in order. */
  readonly batches: Batch[] = [];

  constructor(
    readonly client: RedisClient,
    private readonly gauge = new InFlightGauge(),
  ) {}

  get server(): ServerInfo | undefined {
    return this.client.server;
  }

  /** Round trips so far. */
  get roundTrips(): number {
    return this.batches.length;
  }

  async sendBatch(
    commands: Batch,
    timeoutMs?: number,
    options?: BatchOptions,
  ): Promise<RespValue[]> {
    this.batches.push(commands);
    this.gauge.max = Math.max(this.gauge.max, ++this.gauge.current);
    try {
      return await this.client.sendBatch(commands, timeoutMs, options);
    } finally {
      this.gauge.current--;
    }
  }

  lease(): Promise<LeasedChannel> {
    return this.client.lease();
  }

  reset(): void {
    this.batches.length = 0;
  }
}

/**
 * How often the server ran `command` since the last `CONFIG RESETSTAT`, from the `calls=` of
 * its `cmdstat_<command>` line in `INFO commandstats` (0 when absent).
 */
export async function commandCalls(client: RedisClient, command: string): Promise<number> {
  const stats = String(await client.info('commandstats'));
  const calls = new RegExp(`^cmdstat_${command.toLowerCase()}:calls=(\\d+)`, 'm').exec(stats);
  return Number(calls?.[1] ?? 0);
}

/** `prefix:from` … `prefix:to-1`. */
export function keyRange(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => `${prefix}:${from + i}`);
}
