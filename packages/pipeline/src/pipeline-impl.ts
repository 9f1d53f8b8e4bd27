import {
  commandTable,
  encodeCommand,
  invokeCommand,
  selectReplyPlan,
  type CommandSpec,
  type CommandTransport,
  type PromiseContext,
  type RedisArgument,
  type RedisCommands,
  type RedisKey,
  type RespValue,
} from '@redspec/types';
import { checkQueueable } from './command-guard.js';
import { CommandQueue } from './command-queue.js';
import { CommandSurface } from './command-surface.js';
import { PipelineDiscardedError, PipelineStateError, ResultNotReadyError } from './errors.js';
import type { Future } from './future.js';
import { createImmediateCommands } from './immediate-commands.js';
import type { ResolvedPipelineOptions } from './pipeline-options.js';
import type { PipelineControl } from './pipeline.js';
import { sendBatch } from './send-batch.js';
import { settleTransaction } from './transaction-replies.js';
import { WatchSession } from './watch-session.js';

const MULTI: readonly RedisArgument[] = ['MULTI'];
const EXEC: readonly RedisArgument[] = ['EXEC'];

type State = 'open' | 'executing' | 'done' | 'discarded';

/** The runtime behind `Pipeline`; see pipeline.ts for the documented surface. @internal */
export class PipelineImpl<TString extends string | Buffer>
  extends CommandSurface
  implements PipelineControl<TString>
{
  #state: State = 'open';
  #transaction: boolean;
  readonly #queue = new CommandQueue();
  #session: WatchSession | undefined;
  #immediate: RedisCommands<PromiseContext<TString>> | undefined;
  #results: unknown[] | undefined;
  #discardReason: unknown;

  constructor(
    private readonly transport: CommandTransport,
    private readonly options: ResolvedPipelineOptions,
  ) {
    super();
    this.#transaction = options.transaction;
  }

  get transaction(): boolean {
    return this.#transaction;
  }

  get length(): number {
    return this.#queue.length;
  }

  get results(): readonly unknown[] {
    if (this.#results !== undefined) return this.#results;
    if (this.#state === 'discarded') throw new PipelineDiscardedError(this.#discardReason);
    throw new ResultNotReadyError(
      'The results are not ready: the pipeline has not been executed yet',
    );
  }

  get immediate(): RedisCommands<PromiseContext<TString>> {
    const session = this.#session;
    if (session === undefined) {
      throw new PipelineStateError(
        'pipe.immediate needs pipe.watch() first: it runs on the watched connection',
      );
    }
    this.#immediate ??= createImmediateCommands<TString>(
      session,
      () => this.transport.server,
      this.options.timeout,
      this.options.buffers,
    );
    return this.#immediate;
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Future<unknown> {
    this.#assertOpen(spec.name);
    checkQueueable(spec, this.#transaction);
    const args = encodeCommand(spec, params, this.transport.server);
    const plan =
      spec.replyVariants === undefined
        ? spec.reply
        : selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
    return this.#queue.push(spec, args, plan);
  }

  watch(...keys: RedisKey[]): Promise<void> {
    let command: RedisArgument[];
    try {
      this.#assertOpen('WATCH');
      if (this.#queue.length > 0) {
        throw new PipelineStateError(
          'watch() must come before any queued command: WATCH guards what is read after it',
        );
      }
      command = encodeCommand(commandTable.watch, [keys], this.transport.server);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.#transaction = true;
    this.#session ??= new WatchSession(this.transport, this.options.timeout);
    return this.#session.watch(command, keys);
  }

  async execute(): Promise<unknown[]> {
    this.#assertOpen('execute()');
    this.#state = 'executing';
    try {
      return await this.#run();
    } finally {
      this.#state = 'done';
    }
  }

  async discard(reason?: unknown): Promise<void> {
    if (this.#state !== 'open') return;
    this.#state = 'discarded';
    this.#discardReason = reason;
    this.#queue.failAll(new PipelineDiscardedError(reason));
    await this.#session?.end(true);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#state === 'open') await this.execute();
  }

  async #run(): Promise<unknown[]> {
    const queue = this.#queue;
    const session = this.#session;
    if (queue.length === 0 && session === undefined) return (this.#results = []);
    let replies: RespValue[];
    let sent = false;
    try {
      const channel = session === undefined ? this.transport : await session.channel();
      const commands = this.#transaction ? [MULTI, ...queue.commands, EXEC] : queue.commands;
      sent = true;
      replies = await sendBatch(channel, commands, this.options.timeout, this.options.buffers);
    } catch (error) {
      // Lost connection, timeout, failed lease or WATCH: no reply can be trusted, none is retried.
      this.#results = queue.failAll(error);
      await session?.end(!sent);
      throw error;
    }
    try {
      return this.#settle(replies);
    } finally {
      // After settling, so the futures do not wait for the pool to take the connection back.
      await session?.end(false);
    }
  }

  #settle(replies: RespValue[]): unknown[] {
    const queue = this.#queue;
    const kind = this.#transaction ? 'transaction' : 'pipeline';
    const outcome = this.#transaction
      ? settleTransaction(queue, replies, this.#session?.keys ?? [])
      : { results: replies, failed: queue.settle(replies), abort: undefined };
    this.#results = outcome.results;
    if (outcome.abort !== undefined) throw outcome.abort;
    if (outcome.failed.length > 0 && this.options.raiseOnError) {
      throw queue.failure(outcome.results, outcome.failed, kind);
    }
    return outcome.results;
  }

  #assertOpen(what: string): void {
    if (this.#state === 'open') return;
    const why =
      this.#state === 'discarded'
        ? 'was discarded'
        : this.#state === 'executing'
          ? 'is executing'
          : 'already ran';
    throw new PipelineStateError(`${what}: this pipeline ${why}; create a new one`);
  }
}
