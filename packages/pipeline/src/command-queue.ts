import { replyValue, type PreparedCommand, type RespValue } from '@redspec/types/internal';
import { PipelineError } from './errors.js';
import { formatFailure } from './format-command.js';
import { Future } from './future.js';

/**
 * The commands of one pipeline on one channel, prepared at call time, with their futures.
 * Parallel arrays rather than an object per entry: `commands` goes to `sendBatch` as it is, and
 * settling is one loop over the replies.
 */
export class CommandQueue {
  readonly commands: PreparedCommand[] = [];
  readonly futures: Future<unknown>[] = [];
  /**
   * Whether a command was queued before its server was known (it carries `verify`): kept as
   * commands come, so `execute()` need not scan every command to learn that none was.
   */
  unverified = false;

  get length(): number {
    return this.commands.length;
  }

  push(command: PreparedCommand): Future<unknown> {
    const future = new Future<unknown>();
    if (command.verify !== undefined) this.unverified = true;
    this.commands.push(command);
    this.futures.push(future);
    return future;
  }

  /**
   * Moves `other`'s commands to the end of this queue (a nested pipeline handing its commands
   * up). A loop rather than `push(...spread)`, which overflows the stack past ~100k arguments.
   */
  append(other: CommandQueue): void {
    if (other.unverified) this.unverified = true;
    for (let i = 0; i < other.commands.length; i++) {
      this.commands.push(other.commands[i]!);
      this.futures.push(other.futures[i]!);
    }
  }

  /**
   * Settles every future from `replies` (one per command, errors in place) and replaces each
   * reply by its value, so `replies` becomes the results. Returns the failed indexes. `bigints`:
   * the replies came from a bigint mode (the channel's `bigints`).
   */
  settle(replies: RespValue[], bigints = false): number[] {
    const { commands, futures } = this;
    const failed: number[] = [];
    for (let i = 0; i < futures.length; i++) {
      const command = commands[i]!;
      const reply = replies[i] as RespValue;
      // Plan 0 (GET, SET, INCR…): the reply is the value as decoded, nothing to shape or name.
      if (command.plan === 0 && !(reply instanceof Error)) {
        futures[i]!.set(reply);
        continue;
      }
      const value = replyValue(command, reply, bigints);
      replies[i] = value as RespValue;
      if (value instanceof Error) {
        futures[i]!.fail(value);
        failed.push(i);
      } else {
        futures[i]!.set(value);
      }
    }
    return failed;
  }

  /** Fails every future with `error` (or `errorAt(i)`); returns the results: errors in place. */
  failAll(error: unknown, errorAt?: (index: number) => unknown): unknown[] {
    const results = new Array<unknown>(this.futures.length);
    for (let i = 0; i < this.futures.length; i++) {
      const reason = errorAt?.(i) ?? error;
      results[i] = reason;
      this.futures[i]!.fail(reason);
    }
    return results;
  }

  /** The `PipelineError` naming the command at `index` (by default the first failed one). */
  failure(
    results: readonly unknown[],
    failed: readonly number[],
    kind: 'pipeline' | 'transaction',
    suffix = '',
    index = failed[0]!,
  ): PipelineError {
    const error = results[index] as Error;
    const command = this.commands[index]!;
    const message = formatFailure(index, command, kind, error) + suffix;
    return new PipelineError(message, results, failed, command.name, error);
  }
}
