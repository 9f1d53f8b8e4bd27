import {
  commandChannel,
  createReplyError,
  type BatchReplies,
  type ChannelOwner,
  type CommandBatch,
  type CommandChannel,
  type LeasedChannel,
  type RespValue,
  type ServerInfo,
} from '@redspec/types/internal';

const SERVER: ServerInfo = { product: 'redis', version: '7.0.15', protocol: 3 };

/**
 * For the pipeline's unit tests: a channel over an in-memory map that knows INCR, GET and SET
 * and runs transactions, recording every batch it is sent (MULTI/EXEC shown around a
 * transaction's commands, as a server would see them). Anything else replies `ERR`. Live
 * tests use real servers; this one exists to make ordering and nesting cheap to check.
 */
export class FakeChannel implements CommandChannel, ChannelOwner {
  /** Known from the start, so commands are checked when queued (a warm client's case). */
  server: ServerInfo | undefined = SERVER;
  /** Every batch sent, its arguments as strings. */
  readonly batches: string[][][] = [];
  readonly data = new Map<string, string>();
  /** When set, `sendBatch` rejects with it (a lost connection). */
  failure: Error | undefined;
  /** Batches awaiting their replies, for checking that several are in flight at once. */
  inFlight = 0;
  maxInFlight = 0;

  get [commandChannel](): CommandChannel {
    return this;
  }

  ready(): Promise<ServerInfo> {
    this.server = SERVER;
    return Promise.resolve(SERVER);
  }

  async sendBatch(batch: CommandBatch): Promise<BatchReplies> {
    const words = batch.commands.map((command) => command.args.map(String));
    this.batches.push(batch.transaction ? [['MULTI'], ...words, ['EXEC']] : words);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.failure !== undefined) throw this.failure;
      const results = words.map(([name = '', ...args]) => this.#run(name, args));
      if (!batch.transaction) return { replies: results };
      return { replies: results.map(() => 'QUEUED'), exec: results };
    } finally {
      this.inFlight--;
    }
  }

  lease(): Promise<LeasedChannel> {
    return Promise.reject(new Error('FakeChannel cannot lease'));
  }

  #run(name: string, [key = '', value = '']: string[]): RespValue {
    if (name === 'GET') return this.data.get(key) ?? null;
    if (name === 'SET') return this.data.set(key, value) && 'OK';
    if (name !== 'INCR') return createReplyError(`ERR unknown command '${name}'`);
    const next = Number(this.data.get(key) ?? 0) + 1;
    if (Number.isNaN(next)) return createReplyError('ERR value is not an integer or out of range');
    this.data.set(key, String(next));
    return next;
  }
}
