import {
  ReplyError,
  type CommandTransport,
  type LeasedChannel,
  type RedisArgument,
  type RespValue,
} from '@redspec/types';

/**
 * For unit tests: a `CommandTransport` over an in-memory map that knows INCR, GET and SET and
 * frames MULTI/EXEC, recording every batch it is sent. Anything else replies `ERR`.
 * @internal
 */
export class FakeTransport implements CommandTransport {
  readonly server = undefined;
  /** Every batch sent, its arguments as strings. */
  readonly batches: string[][][] = [];
  readonly data = new Map<string, string>();
  /** When set, `sendBatch` rejects with it (a lost connection). */
  failure: Error | undefined;
  /** Batches awaiting their replies, for checking that several are in flight at once. */
  inFlight = 0;
  maxInFlight = 0;

  async sendBatch(commands: readonly (readonly RedisArgument[])[]): Promise<RespValue[]> {
    this.batches.push(commands.map((command) => command.map(String)));
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.failure !== undefined) throw this.failure;
      return this.#reply(commands);
    } finally {
      this.inFlight--;
    }
  }

  lease(): Promise<LeasedChannel> {
    return Promise.reject(new Error('FakeTransport cannot lease'));
  }

  #reply(commands: readonly (readonly RedisArgument[])[]): RespValue[] {
    const replies: RespValue[] = [];
    let queued: RespValue[] | undefined;
    for (const [name, ...args] of commands.map((command) => command.map(String))) {
      if (name === 'MULTI') {
        queued = [];
        replies.push('OK');
      } else if (name === 'EXEC') {
        replies.push(queued ?? new ReplyError('ERR EXEC without MULTI'));
        queued = undefined;
      } else if (queued !== undefined) {
        queued.push(this.#run(name!, args));
        replies.push('QUEUED');
      } else replies.push(this.#run(name!, args));
    }
    return replies;
  }

  #run(name: string, [key = '', value = '']: string[]): RespValue {
    if (name === 'GET') return this.data.get(key) ?? null;
    if (name === 'SET') return this.data.set(key, value) && 'OK';
    if (name !== 'INCR') return new ReplyError(`ERR unknown command '${name}'`);
    const next = Number(this.data.get(key) ?? 0) + 1;
    if (Number.isNaN(next)) return new ReplyError('ERR value is not an integer or out of range');
    this.data.set(key, String(next));
    return next;
  }
}
