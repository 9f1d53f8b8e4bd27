import type { CommandTransport, LeasedChannel, RedisArgument, RedisKey } from '@redspec/types';
import { PipelineStateError } from './errors.js';

const UNWATCH: readonly RedisArgument[] = ['UNWATCH'];

/**
 * The dedicated connection a watching pipeline leases: WATCH, the immediate reads and the
 * final MULTI … EXEC all run on it, since WATCH only guards the connection that sent it.
 * `end()` hands it back exactly once, unwatched.
 * @internal
 */
export class WatchSession {
  /** Keys whose WATCH the server confirmed. */
  readonly keys: RedisKey[] = [];
  readonly #lease: Promise<LeasedChannel>;
  /** Every WATCH sent so far, settled (failures are kept in `#failure`). */
  #pending: Promise<void> = Promise.resolve();
  #failure: { readonly error: unknown } | undefined;
  #ended = false;

  constructor(
    transport: CommandTransport,
    private readonly timeout: number | undefined,
  ) {
    this.#lease = transport.lease();
    // A failed lease is reported to whoever calls watch() or channel(), not as unhandled.
    this.#lease.catch(() => undefined);
  }

  /** Sends `WATCH …keys` (already encoded) once earlier ones are done; resolves when confirmed. */
  watch(command: readonly RedisArgument[], keys: readonly RedisKey[]): Promise<void> {
    const sent = this.#pending.then(async () => {
      const channel = await this.#lease;
      const [reply] = await channel.sendBatch([command], this.timeout);
      if (reply instanceof Error) throw reply;
      this.keys.push(...keys);
    });
    this.#pending = sent.catch((error: unknown) => {
      this.#failure ??= { error };
    });
    return sent;
  }

  /** The leased connection once every WATCH is confirmed; rejects if leasing or a WATCH failed. */
  async channel(): Promise<LeasedChannel> {
    if (this.#ended)
      throw new PipelineStateError(
        'The watched connection was released: the pipeline ran or was discarded',
      );
    await this.#pending;
    if (this.#failure !== undefined) throw this.#failure.error;
    return this.#lease;
  }

  /**
   * Releases the connection, once. `unwatch` sends UNWATCH first: needed when EXEC was never
   * sent, since EXEC (whatever its outcome) is what clears a connection's watched keys.
   */
  async end(unwatch: boolean): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.#pending;
    let channel: LeasedChannel;
    try {
      channel = await this.#lease;
    } catch {
      return; // nothing was leased
    }
    try {
      if (unwatch) await channel.sendBatch([UNWATCH], this.timeout);
    } catch {
      // The connection failed: the server dropped its watches with it. release() still runs.
    }
    try {
      await channel.release();
    } catch {
      // The caller needs the transaction's outcome, not the pool's trouble taking a connection back.
    }
  }
}
