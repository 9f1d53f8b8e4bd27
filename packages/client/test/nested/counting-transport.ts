import {
  commandChannel,
  type BatchReplies,
  type ChannelOwner,
  type CommandBatch,
  type CommandChannel,
  type LeasedChannel,
  type RedisArgument,
  type ServerInfo,
} from '@redspec/types/internal';
import type { RedisClient } from '../../src/index.js';

type Words = (readonly RedisArgument[])[];

/** Batches in flight across several transports, to tell parallel sends from sequential ones. */
export class InFlightGauge {
  current = 0;
  max = 0;
}

/**
 * A client's channel that counts round trips: each `sendBatch` is one write of a whole batch
 * and one wait for its replies. Register it with `registerClient()` in place of the client to
 * see how many round trips a nested pipeline made.
 */
export class CountingTransport implements CommandChannel, ChannelOwner {
  /** Every batch sent, in order, as words (MULTI/EXEC around a transaction). */
  readonly batches: Words[] = [];
  private readonly channel: CommandChannel;

  constructor(
    readonly client: RedisClient,
    private readonly gauge = new InFlightGauge(),
  ) {
    this.channel = client[commandChannel];
  }

  get [commandChannel](): CommandChannel {
    return this;
  }

  get server(): ServerInfo | undefined {
    return this.channel.server;
  }

  ready(): Promise<ServerInfo> {
    return this.channel.ready();
  }

  /** Round trips so far. */
  get roundTrips(): number {
    return this.batches.length;
  }

  async sendBatch(batch: CommandBatch): Promise<BatchReplies> {
    const words = batch.commands.map((command) => command.args);
    this.batches.push(batch.transaction ? [['MULTI'], ...words, ['EXEC']] : words);
    this.gauge.max = Math.max(this.gauge.max, ++this.gauge.current);
    try {
      return await this.channel.sendBatch(batch);
    } finally {
      this.gauge.current--;
    }
  }

  lease(): Promise<LeasedChannel> {
    return this.channel.lease();
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
