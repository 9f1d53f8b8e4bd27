import {
  normalizeReply,
  ReplyError,
  type CommandSpec,
  type RedisArgument,
  type ReplyPlan,
  type RespValue,
} from '@redspec/types';
import { PipelineError } from './errors.js';
import { formatFailure } from './format-command.js';
import { Future } from './future.js';

/**
 * The commands of one pipeline, encoded at call time, with their futures. Parallel arrays
 * rather than an object per command: `commands` goes to `sendBatch` as is, and settling is one
 * loop over the replies.
 * @internal
 */
export class CommandQueue {
  readonly commands: RedisArgument[][] = [];
  readonly futures: Future<unknown>[] = [];
  readonly specs: CommandSpec[] = [];
  readonly plans: ReplyPlan[] = [];

  get length(): number {
    return this.commands.length;
  }

  push(spec: CommandSpec, args: RedisArgument[], plan: ReplyPlan): Future<unknown> {
    const future = new Future<unknown>();
    this.commands.push(args);
    this.futures.push(future);
    this.specs.push(spec);
    this.plans.push(plan);
    return future;
  }

  /**
   * Moves `other`'s commands to the end of this queue (a nested pipeline handing its commands
   * up). A loop rather than `push(...spread)`, which overflows the stack past ~100k arguments.
   */
  append(other: CommandQueue): void {
    for (let i = 0; i < other.commands.length; i++) {
      this.commands.push(other.commands[i]!);
      this.futures.push(other.futures[i]!);
      this.specs.push(other.specs[i]!);
      this.plans.push(other.plans[i]!);
    }
  }

  /**
   * Settles every future from `replies` (one per command, errors in place) and replaces each
   * reply by its normalized value, so `replies` becomes the results. Returns the failed indexes.
   */
  settle(replies: RespValue[]): number[] {
    const { futures, plans } = this;
    const failed: number[] = [];
    for (let i = 0; i < futures.length; i++) {
      const reply = replies[i] as RespValue;
      if (reply instanceof Error) {
        this.tag(reply, i);
        futures[i]!.fail(reply);
        failed.push(i);
        continue;
      }
      const plan = plans[i]!;
      const value = plan === 0 ? reply : (normalizeReply(reply, plan) as RespValue);
      replies[i] = value;
      futures[i]!.set(value);
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
    const spec = this.specs[index]!;
    const message =
      formatFailure(index, this.commands[index]!, spec.words.length, kind, error) + suffix;
    return new PipelineError(message, results, failed, spec.name, error);
  }

  /** Names the command on its error reply, as the client does for single commands. */
  tag(error: Error, index: number): void {
    if (!(error instanceof ReplyError)) return;
    error.command ??= this.specs[index]!.name;
    error.args ??= this.commands[index];
  }
}
