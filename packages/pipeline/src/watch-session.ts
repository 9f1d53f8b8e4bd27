import {
  commandTable,
  prepareCommand,
  settleReply,
  type CommandChannel,
  type LeasedChannel,
  type RedisKey,
} from '@redspec/types/internal';
import { PipelineStateError } from './errors.js';

/**
 * The dedicated connection a watching pipeline leases: WATCH, the immediate reads and the
 * final MULTI … EXEC all run on it, since WATCH only guards the connection that sent it.
 * `end()` hands it back exactly once, unwatched. A leased connection never reconnects behind
 * our back: if it drops, later sends fail, so EXEC never runs without the WATCH it depends on.
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
    channel: CommandChannel,
    private readonly timeoutMs: number | undefined,
  ) {
    this.#lease = channel.lease();
    // A failed lease is reported to whoever calls watch() or channel(), not as unhandled.
    this.#lease.catch(() => undefined);
  }

  /** Sends `WATCH …keys` once earlier ones are done; resolves when the server confirmed. */
  watch(keys: readonly RedisKey[]): Promise<void> {
    const sent = this.#pending.then(async () => {
      const lease = await this.#lease;
      const command = prepareCommand(commandTable.watch, [keys], lease.server);
      const { replies } = await lease.sendBatch({
        commands: [command],
        transaction: false,
        timeoutMs: this.timeoutMs,
      });
      settleReply(command, replies[0] ?? null);
      this.keys.push(...keys);
    });
    this.#pending = sent.catch((error: unknown) => {
      this.#failure ??= { error };
    });
    return sent;
  }

  /** The leased connection once every WATCH is confirmed; rejects if leasing or a WATCH failed. */
  async channel(): Promise<LeasedChannel> {
    if (this.#ended) {
      throw new PipelineStateError(
        'The watched connection was released: the pipeline ran or was discarded',
      );
    }
    await this.#pending;
    if (this.#failure !== undefined) throw this.#failure.error;
    return this.#lease;
  }

  /**
   * Releases the connection, once. `unwatch` clears the watches first: needed when EXEC was
   * never sent, since EXEC (whatever its outcome) is what clears a connection's watched keys.
   */
  async end(unwatch: boolean): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.#pending;
    let lease: LeasedChannel;
    try {
      lease = await this.#lease;
    } catch {
      return; // nothing was leased
    }
    await lease.release({ unwatch });
  }
}
