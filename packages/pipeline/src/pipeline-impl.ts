import {
  commandTable,
  encodeCommand,
  invokeCommand,
  invokePlain,
  prepareCommand,
  preparePlainCommand,
  type CommandChannel,
  type CommandSpec,
  type PreparedCommand,
  type PromiseContext,
  type RedisCommands,
  type RedisKey,
} from '@redspec/types/internal';
import { ChannelBatches } from './channel-batches.js';
import { resolveChannel, type ChannelRef } from './client-registry.js';
import { checkQueueable } from './command-guard.js';
import type { CommandQueue } from './command-queue.js';
import { CommandSurface } from './command-surface.js';
import {
  PipelineDiscardedError,
  PipelineNotExecutedError,
  PipelineStateError,
  ResultNotReadyError,
} from './errors.js';
import { failCallbacks, type ExecuteCallback } from './execute-callbacks.js';
import { executeRoot, verifyBatches } from './execute-root.js';
import { Future } from './future.js';
import { createImmediateCommands } from './immediate-commands.js';
import type { OnExecuteOptions, PipelineControl } from './pipeline-control.js';
import {
  checkNestedOptions,
  resolvePipelineOptions,
  type PipelineOptions,
  type ResolvedPipelineOptions,
} from './pipeline-options.js';
import { WatchSession } from './watch-session.js';

/** `closed`: a nested pipeline handed its part up; `dropped`: discarded, or closed unsent. */
type State = 'open' | 'closed' | 'executing' | 'done' | 'dropped';

/** The runtime behind `Pipeline`; see pipeline-control.ts for the documented surface. */
export class PipelineImpl<TString extends string | Buffer>
  extends CommandSurface
  implements PipelineControl<TString>
{
  #state: State = 'open';
  #transaction: boolean;
  #channel: CommandChannel | undefined;
  /** This pipeline's own queue on `#channel`, cached off the per-command path. */
  #queue: CommandQueue | undefined;
  readonly #batches = new ChannelBatches();
  /** Callbacks handed up by nested pipelines, which run before this one's own. */
  readonly #nestedCallbacks: ExecuteCallback[] = [];
  readonly #ownCallbacks: ExecuteCallback[] = [];
  readonly #children = new Set<PipelineImpl<TString>>();
  #session: WatchSession | undefined;
  #immediate: RedisCommands<PromiseContext<TString>> | undefined;
  #results: unknown[] | undefined;
  #dropError: unknown;

  private constructor(
    private readonly target: ChannelRef,
    private readonly options: ResolvedPipelineOptions,
    private readonly parent?: PipelineImpl<TString>,
  ) {
    super();
    this.#transaction = parent?.transaction ?? options.transaction;
    if (parent !== undefined) parent.#children.add(this);
  }

  /** A root pipeline on `target`: a channel, or a registered client's name. */
  static root(
    target: ChannelRef,
    options: PipelineOptions | undefined,
  ): PipelineImpl<string | Buffer> {
    return new PipelineImpl(target, resolvePipelineOptions(options));
  }

  /** A pipeline nested under `parent`, on `target` or else the parent's. */
  static nest(
    parent: unknown,
    target: ChannelRef | undefined,
    options: PipelineOptions | undefined,
  ): PipelineImpl<string | Buffer> {
    if (!(parent instanceof PipelineImpl)) {
      throw new TypeError('parent: expected a pipeline from pipeline() or client.pipeline()');
    }
    parent.#assertOpen('Opening a nested pipeline');
    checkNestedOptions(options, { transaction: parent.transaction });
    // A named client is looked up now, so a missing one fails at the line that names it.
    const channel = target === undefined ? undefined : resolveChannel(target);
    const root = parent.#root();
    if (root.#session !== undefined && channel !== undefined && channel !== root.#bind()) {
      throw new PipelineStateError('A watching pipeline runs on its watched connection only');
    }
    return new PipelineImpl(channel ?? parent.#channel ?? parent.target, parent.options, parent);
  }

  get transaction(): boolean {
    return this.#transaction;
  }

  get length(): number {
    return this.#batches.length;
  }

  get results(): readonly unknown[] {
    if (this.#results !== undefined) return this.#results;
    if (this.#state === 'dropped') throw this.#dropError;
    throw new ResultNotReadyError(
      this.parent === undefined
        ? 'The results are not ready: the pipeline has not been executed yet'
        : 'A nested pipeline has no results of its own: read its futures, or its root’s results',
    );
  }

  get immediate(): RedisCommands<PromiseContext<TString>> {
    const session = this.#session;
    if (session === undefined) {
      throw new PipelineStateError(
        'pipe.immediate needs pipe.watch() first: it runs on the watched connection',
      );
    }
    this.#immediate ??= createImmediateCommands<TString>(session, this.options.timeout);
    return this.#immediate;
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Future<unknown> {
    const channel = this.#admit(spec);
    return this.#enqueue(channel, prepareCommand(spec, params, channel.server));
  }

  override [invokePlain](spec: CommandSpec, a: unknown, b: unknown, c: unknown): Future<unknown> {
    const channel = this.#admit(spec);
    return this.#enqueue(channel, preparePlainCommand(spec, a, b, c, channel.server));
  }

  /** Refuses `spec` where this pipeline cannot queue it; returns the channel it goes to. */
  #admit(spec: CommandSpec): CommandChannel {
    this.#assertOpen(spec.name);
    checkQueueable(spec, this.#transaction);
    return this.#bind();
  }

  #enqueue(channel: CommandChannel, command: PreparedCommand): Future<unknown> {
    return (this.#queue ??= this.#batches.queueFor(channel)).push(command);
  }

  watch(...keys: RedisKey[]): Promise<void> {
    try {
      this.#assertOpen('WATCH');
      if (this.parent !== undefined) {
        throw new PipelineStateError('watch() is for a root: a nested pipeline runs in its root');
      }
      if (this.#batches.length > 0 || this.#children.size > 0) {
        throw new PipelineStateError(
          'watch() must come before any queued command: WATCH guards what is read after it',
        );
      }
      // Checked now, so bad keys fail at this line rather than on the leased connection.
      encodeCommand(commandTable.watch, [keys], this.#bind().server);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.#transaction = true;
    this.#session ??= new WatchSession(this.#bind(), this.options.timeout);
    return this.#session.watch(keys);
  }

  onExecute<TResult>(
    callback: () => TResult | PromiseLike<TResult>,
    options?: OnExecuteOptions,
  ): Future<TResult> {
    this.#assertOpen('onExecute()');
    const future = new Future<TResult>();
    this.#ownCallbacks.push({ callback, future, settles: options?.settles ?? [], channels: [] });
    return future;
  }

  close(): void {
    if (this.#state !== 'open') return;
    const parent = this.parent;
    if (parent === undefined) {
      // Failures of a run nobody awaits reach the futures; the promise itself stays quiet.
      if (this.options.autoexec) void this.execute().catch(() => undefined);
      else void this.#drop(new PipelineNotExecutedError(this.#unsent(), 'root'));
      return;
    }
    this.#dropOpenChildren();
    this.#state = 'closed';
    const callbacks = this.#takeCallbacks();
    parent.#children.delete(this);
    parent.#batches.absorb(this.#batches);
    for (const entry of callbacks) parent.#nestedCallbacks.push(entry);
  }

  async execute(): Promise<unknown[]> {
    if (this.parent !== undefined) {
      throw new PipelineStateError(
        'execute(): a nested pipeline runs with its root; close() it, then execute the root',
      );
    }
    this.#assertOpen('execute()');
    this.#state = 'executing';
    try {
      this.#dropOpenChildren();
      const verifying = verifyBatches(this.#batches);
      if (verifying !== undefined) await this.#verified(verifying);
      const session = this.#session;
      const outcome = await executeRoot({
        batches: this.#batches,
        callbacks: this.#takeCallbacks(),
        transaction: this.#transaction,
        options: this.options,
        session,
        watched: session === undefined ? undefined : this.#bind(),
      });
      this.#results = outcome.results;
      if (outcome.failure !== undefined) throw outcome.failure.error;
      return outcome.results;
    } finally {
      if (this.#state === 'executing') this.#state = 'done';
    }
  }

  async discard(reason?: unknown): Promise<void> {
    if (this.#state === 'open') await this.#drop(new PipelineDiscardedError(reason));
  }

  [Symbol.dispose](): void {
    this.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#state !== 'open') return;
    if (this.parent !== undefined) this.close();
    else if (this.options.autoexec) await this.execute();
    else await this.#drop(new PipelineNotExecutedError(this.#unsent(), 'root'));
  }

  /** The channel of this pipeline's own commands, looked up once. */
  #bind(): CommandChannel {
    return (this.#channel ??= resolveChannel(this.target));
  }

  #root(): PipelineImpl<TString> {
    return this.parent === undefined ? this : this.parent.#root();
  }

  /**
   * Commands queued before their server was first reached were not version-checked; check them
   * now, and send nothing if one fails (as if it had failed at its call).
   */
  async #verified(verifying: Promise<void>): Promise<void> {
    try {
      await verifying;
    } catch (error) {
      await this.#drop(error);
      throw error;
    }
  }

  /** Commands that would be lost if this pipeline were dropped now, open nested ones' included. */
  #unsent(): number {
    let count = this.#batches.length;
    for (const child of this.#children) count += child.#unsent();
    return count;
  }

  /** Own callbacks learn their channels now that this pipeline's commands are final. */
  #takeCallbacks(): ExecuteCallback[] {
    if (this.#ownCallbacks.length === 0) return this.#nestedCallbacks;
    const channels = this.#batches.channels;
    for (const entry of this.#ownCallbacks) entry.channels = channels;
    return this.#nestedCallbacks.concat(this.#ownCallbacks);
  }

  #dropOpenChildren(): void {
    for (const child of this.#children) {
      void child.#drop(new PipelineNotExecutedError(child.#unsent(), 'nested'));
    }
  }

  /** Sends nothing, ever: every future (callbacks' included) rejects with `error`. */
  #drop(error: unknown): Promise<void> {
    this.#state = 'dropped';
    this.#dropError = error;
    for (const child of this.#children) void child.#drop(error);
    if (this.parent !== undefined) this.parent.#children.delete(this);
    this.#batches.failAll(error);
    failCallbacks(this.#takeCallbacks(), error);
    return this.#session?.end(true) ?? Promise.resolve();
  }

  #assertOpen(what: string): void {
    if (this.#state === 'open') return;
    const why =
      this.#state === 'closed'
        ? 'was closed: its commands went to its parent'
        : this.#state === 'dropped'
          ? this.#dropError instanceof PipelineDiscardedError
            ? 'was discarded'
            : 'was closed without being executed'
          : this.#state === 'executing'
            ? 'is executing'
            : 'already ran';
    throw new PipelineStateError(`${what}: this pipeline ${why}; create a new one`);
  }
}
