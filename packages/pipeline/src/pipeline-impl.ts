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
} from '@redspec/types';
import { checkQueueable } from './command-guard.js';
import type { CommandQueue } from './command-queue.js';
import { CommandSurface } from './command-surface.js';
import { ConnectionBatches } from './connection-batches.js';
import { resolveConnection, type ConnectionRef } from './connection-registry.js';
import {
  PipelineDiscardedError,
  PipelineNotExecutedError,
  PipelineStateError,
  ResultNotReadyError,
} from './errors.js';
import { failCallbacks, type ExecuteCallback } from './execute-callbacks.js';
import { executeRoot } from './execute-root.js';
import { Future } from './future.js';
import { createImmediateCommands } from './immediate-commands.js';
import type { OnExecuteOptions, PipelineControl } from './pipeline-control.js';
import {
  checkNestedOptions,
  type PipelineOptions,
  type ResolvedPipelineOptions,
} from './pipeline-options.js';
import { WatchSession } from './watch-session.js';

/** `closed`: a nested pipeline handed its part up; `dropped`: discarded, or closed unsent. */
type State = 'open' | 'closed' | 'executing' | 'done' | 'dropped';

/** The runtime behind `Pipeline`; see pipeline-control.ts for the documented surface. @internal */
export class PipelineImpl<TString extends string | Buffer>
  extends CommandSurface
  implements PipelineControl<TString>
{
  #state: State = 'open';
  #transaction: boolean;
  #transport: CommandTransport | undefined;
  /** This pipeline's own queue on `#transport`, cached off the per-command path. */
  #queue: CommandQueue | undefined;
  readonly #batches = new ConnectionBatches();
  /** Callbacks handed up by nested pipelines, which run before this one's own. */
  readonly #nestedCallbacks: ExecuteCallback[] = [];
  readonly #ownCallbacks: ExecuteCallback[] = [];
  readonly #children = new Set<PipelineImpl<TString>>();
  #session: WatchSession | undefined;
  #immediate: RedisCommands<PromiseContext<TString>> | undefined;
  #results: unknown[] | undefined;
  #dropError: unknown;

  constructor(
    private readonly connection: ConnectionRef,
    private readonly options: ResolvedPipelineOptions,
    private readonly autoexec: boolean,
    private readonly parent?: PipelineImpl<TString>,
  ) {
    super();
    this.#transaction = parent?.transaction ?? options.transaction;
    if (parent !== undefined) parent.#children.add(this);
  }

  /** A pipeline nested under `parent`, on `connection` or else the parent's. */
  static nest(
    parent: unknown,
    connection: CommandTransport | undefined,
    options: PipelineOptions | undefined,
  ): PipelineImpl<string | Buffer> {
    if (!(parent instanceof PipelineImpl)) {
      throw new TypeError('parent: expected a pipeline from pipeline() or client.pipeline()');
    }
    parent.#assertOpen('Opening a nested pipeline');
    checkNestedOptions(options, {
      transaction: parent.transaction,
      buffers: parent.options.buffers,
    });
    const root = parent.#root();
    if (root.#session !== undefined && connection !== undefined && connection !== root.#bind()) {
      throw new PipelineStateError('A watching pipeline runs on its watched connection only');
    }
    const inherited = parent.#transport ?? parent.connection;
    return new PipelineImpl(connection ?? inherited, parent.options, false, parent);
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
    this.#immediate ??= createImmediateCommands<TString>(
      session,
      () => this.#bind().server,
      this.options.timeout,
      this.options.buffers,
    );
    return this.#immediate;
  }

  [invokeCommand](spec: CommandSpec, params: unknown[]): Future<unknown> {
    this.#assertOpen(spec.name);
    checkQueueable(spec, this.#transaction);
    const transport = this.#bind();
    const args = encodeCommand(spec, params, transport.server);
    const plan =
      spec.replyVariants === undefined
        ? spec.reply
        : selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
    return (this.#queue ??= this.#batches.queueFor(transport)).push(spec, args, plan);
  }

  watch(...keys: RedisKey[]): Promise<void> {
    let command: RedisArgument[];
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
      command = encodeCommand(commandTable.watch, [keys], this.#bind().server);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.#transaction = true;
    this.#session ??= new WatchSession(this.#bind(), this.options.timeout);
    return this.#session.watch(command, keys);
  }

  onExecute<TResult>(
    callback: () => TResult | PromiseLike<TResult>,
    options?: OnExecuteOptions,
  ): Future<TResult> {
    this.#assertOpen('onExecute()');
    const future = new Future<TResult>();
    this.#ownCallbacks.push({ callback, future, settles: options?.settles ?? [], connections: [] });
    return future;
  }

  close(): void {
    if (this.#state !== 'open') return;
    const parent = this.parent;
    if (parent === undefined) {
      // Failures of a run nobody awaits reach the futures; the promise itself stays quiet.
      if (this.autoexec) void this.execute().catch(() => undefined);
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
      this.#state = 'done';
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
    else if (this.autoexec) await this.execute();
    else await this.#drop(new PipelineNotExecutedError(this.#unsent(), 'root'));
  }

  /** The transport of this pipeline's own commands, looked up once. */
  #bind(): CommandTransport {
    return (this.#transport ??= resolveConnection(this.connection));
  }

  #root(): PipelineImpl<TString> {
    return this.parent === undefined ? this : this.parent.#root();
  }

  /** Commands that would be lost if this pipeline were dropped now, open nested ones' included. */
  #unsent(): number {
    let count = this.#batches.length;
    for (const child of this.#children) count += child.#unsent();
    return count;
  }

  /** Own callbacks learn their connections now that this pipeline's commands are final. */
  #takeCallbacks(): ExecuteCallback[] {
    const connections = this.#batches.transports;
    for (const entry of this.#ownCallbacks) entry.connections = connections;
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
