import { prepareRawCommand, type RedisArgument, type RespValue } from '@redspec/types/internal';
import type { RedisConnectionOptions } from '../../src/connection/connection-options.js';
import { RedisConnection } from '../../src/connection/redis-connection.js';

interface RawOptions {
  readonly returnBuffers?: boolean;
  readonly timeoutMs?: number;
}

/**
 * A `RedisConnection` driven with raw words, for tests of the connection's own mechanics
 * (framing, ordering, reconnects, timeouts) where typed commands would only get in the way.
 */
export class RawConnection extends RedisConnection {
  /** One command; resolves with its decoded reply, rejects with its error reply. */
  call(args: readonly RedisArgument[], options: RawOptions = {}): Promise<RespValue> {
    const sendOptions = { buffers: options.returnBuffers === true, ...timeout(options.timeoutMs) };
    try {
      return this.send(prepareRawCommand(args), sendOptions) as Promise<RespValue>;
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Commands in one write; resolves with every reply, errors in place. */
  async callBatch(
    commands: readonly (readonly RedisArgument[])[],
    timeoutMs?: number,
    options: RawOptions = {},
  ): Promise<RespValue[]> {
    const batch = {
      commands: commands.map((args) => prepareRawCommand(args)),
      transaction: false,
      timeoutMs,
    };
    const { replies } = await this.sendBatch(batch, { buffers: options.returnBuffers === true });
    return replies;
  }
}

const timeout = (ms: number | undefined): { timeoutMs?: number } =>
  ms === undefined ? {} : { timeoutMs: ms };

/** A connected `RawConnection`. */
export function createRawConnection(options: RedisConnectionOptions = {}): Promise<RawConnection> {
  return new RawConnection(options).connect();
}
