import { blockingTimeMs } from './blocking-time.js';
import type { ServerInfo } from './command-channel.js';
import { encodeCommand, isPlainCall, isPlainCallOf, plainArgs } from './command-encoder.js';
import { CommandFlag, type CommandSpec, type ReplyPlan } from './command-spec.js';
import { CommandArgumentError } from './errors.js';
import { findCommandSpec } from './find-command-spec.js';
import { selectReplyPlan } from './reply-normalizer.js';
import type { RedisArgument } from './resp-values.js';
import { isWireArgument } from './wire-argument.js';

/**
 * One command as it travels from a method call to the socket and back: made once, by
 * `prepareCommand` (typed methods) or `prepareRawCommand` (`sendCommand`), then carried whole
 * by pipelines and backends, and settled by `settleReply`. Nothing downstream guesses a fact
 * back from the wire words.
 */
export interface PreparedCommand {
  /** `GET`, `CLIENT KILL`; a raw command's first word, upper-cased. */
  readonly name: string;
  /** The whole command on the wire: words first. */
  readonly args: readonly RedisArgument[];
  /** Undefined for a raw command the table does not know (a module's). */
  readonly spec: CommandSpec | undefined;
  /** How its reply is shaped into the declared type (`0`: as decoded). */
  readonly plan: ReplyPlan;
  /**
   * How long the server may hold it, in ms, when it is a blocking call: `0` until answered
   * (BLPOP 0). Undefined when it does not block.
   */
  readonly blockingMs: number | undefined;
  /**
   * Set when it was prepared before the server was known (a pipeline queued before the first
   * connection): checks the command and its arguments against that server once it is.
   */
  readonly verify: ((server: ServerInfo) => void) | undefined;
  /**
   * The caller's signal (`client.withSignal(signal)`): aborted, the command is dropped when it
   * was not written yet, its connection is closed when it blocks, and its reply is otherwise
   * read and dropped; it rejects with `AbortError` in every case.
   */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A typed call of a plain command (GET, SET, INCR: words, then up to three required scalars, no
 * options). It holds its checked parameters itself and builds `args` only when something reads
 * it (cluster routing, tracing, an error's message): a connection writes `spec.words` and the
 * parameters straight into its buffer (`RespEncoder.writePlain`). No array holds the
 * parameters, and none the wire words: a pipelined command allocated 393 bytes with both,
 * and 233 without (`pnpm --filter @redspec/bench run compare:heap`, bench/results/issue-17-notes.md).
 */
export class PlainCommand implements PreparedCommand {
  /**
   * The facts that take the parameters to work out, for the few calls that have them: a reply
   * plan chosen by the parameters, a blocking timeout, a check against a server not yet known.
   * Undefined for the rest (GET, SET, INCR on a connected client), which then hold 16 bytes
   * less each (`pnpm --filter @redspec/bench run compare:heap`).
   */
  #unusual: Pick<PreparedCommand, 'plan' | 'blockingMs' | 'verify'> | undefined;
  #args: readonly RedisArgument[] | undefined;

  constructor(
    readonly spec: CommandSpec,
    /** The parameters; those past `spec.params` are undefined. */
    readonly a: RedisArgument,
    readonly b: RedisArgument | undefined,
    readonly c: RedisArgument | undefined,
    server: ServerInfo | undefined,
  ) {
    if (spec.replyVariants !== undefined || isBlocking(spec) || server === undefined) {
      const params = this.params;
      this.#unusual = {
        plan: replyPlanOf(spec, params),
        blockingMs: blockingMsOf(spec, params),
        verify: verifierOf(spec, params, server),
      };
    }
  }

  get plan(): ReplyPlan {
    return this.#unusual === undefined ? this.spec.reply : this.#unusual.plan;
  }

  get blockingMs(): number | undefined {
    return this.#unusual?.blockingMs;
  }

  get verify(): ((server: ServerInfo) => void) | undefined {
    return this.#unusual?.verify;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Parameter `index` (0 to 2). */
  param(index: number): RedisArgument {
    return index === 0 ? this.a : index === 1 ? this.b! : this.c!;
  }

  /** The parameters as a new array. */
  get params(): RedisArgument[] {
    return paramsOf(this.spec, this.a, this.b, this.c) as RedisArgument[];
  }

  get args(): readonly RedisArgument[] {
    return (this.#args ??= plainArgs(this.spec, this.params));
  }
}

/**
 * The one place a typed method call becomes a command: validates and encodes the parameters
 * (throwing `CommandArgumentError` or `UnsupportedCommandError` before anything is sent),
 * chooses the reply plan the options imply, and tells whether and how long it blocks.
 */
export function prepareCommand(
  spec: CommandSpec,
  params: ArrayLike<unknown>,
  server: ServerInfo | undefined,
): PreparedCommand {
  if (spec.params <= 3 && isPlainCall(spec, params, server)) {
    const at = params as ArrayLike<RedisArgument>;
    return new PlainCommand(spec, at[0]!, at[1], at[2], server);
  }
  const args = encodeCommand(spec, params, server);
  return {
    name: spec.name,
    args,
    spec,
    plan: replyPlanOf(spec, params),
    blockingMs: blockingMsOf(spec, params),
    verify: verifierOf(spec, params, server),
  };
}

/**
 * `prepareCommand` for a plain command's call whose parameters came one by one
 * (`[invokePlain]`); anything but a plain call takes the general path with them in an array.
 */
export function preparePlainCommand(
  spec: CommandSpec,
  a: unknown,
  b: unknown,
  c: unknown,
  server: ServerInfo | undefined,
): PreparedCommand {
  if (isPlainCallOf(spec, a, b, c, server)) {
    return new PlainCommand(
      spec,
      a as RedisArgument,
      b as RedisArgument | undefined,
      c as RedisArgument | undefined,
      server,
    );
  }
  return prepareCommand(spec, paramsOf(spec, a, b, c), server);
}

/** The first `spec.params` of `a`, `b`, `c` as an array. */
export function paramsOf(spec: CommandSpec, a: unknown, b: unknown, c: unknown): unknown[] {
  const count = spec.params;
  return count === 1 ? [a] : count === 2 ? [a, b] : count === 3 ? [a, b, c] : [];
}

/**
 * `command` with some of its facts changed, as a new plain object: a spread would drop a
 * `PlainCommand`'s `name` and `args` (getters), and a copy that keeps its class would be
 * written from its parameters, not from the new `args`.
 */
export function reshapeCommand(
  command: PreparedCommand,
  changes: {
    readonly args?: readonly RedisArgument[];
    readonly plan?: ReplyPlan;
    readonly signal?: AbortSignal;
  },
): PreparedCommand {
  return {
    name: command.name,
    args: changes.args ?? command.args,
    spec: command.spec,
    plan: changes.plan ?? command.plan,
    blockingMs: command.blockingMs,
    verify: command.verify,
    signal: changes.signal ?? command.signal,
  };
}

function replyPlanOf(spec: CommandSpec, params: ArrayLike<unknown>): ReplyPlan {
  return spec.replyVariants === undefined
    ? spec.reply
    : selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
}

function isBlocking(spec: CommandSpec): boolean {
  return (spec.flags & CommandFlag.BLOCKING) !== 0;
}

function blockingMsOf(spec: CommandSpec, params: ArrayLike<unknown>): number | undefined {
  return isBlocking(spec) ? blockingTimeMs(spec, params) : undefined;
}

/** Prepared before the server was known: checks the call against it once it is. */
function verifierOf(
  spec: CommandSpec,
  params: ArrayLike<unknown>,
  server: ServerInfo | undefined,
): ((server: ServerInfo) => void) | undefined {
  return server === undefined ? (known) => void encodeCommand(spec, params, known) : undefined;
}

/**
 * A command given as raw words (`client.sendCommand([...])`): checked for shape, matched to its
 * spec when the table knows it (so guards, blocking and cluster routing apply), reply as decoded.
 * An empty command is refused: the server would send no reply, and every later reply would go
 * to the wrong caller.
 */
export function prepareRawCommand(args: readonly RedisArgument[]): PreparedCommand {
  if (!Array.isArray(args) || args.length === 0) {
    throw new CommandArgumentError('sendCommand', 'args', 'must hold at least the command name');
  }
  args.forEach((arg: unknown, i) => {
    if (!isWireArgument(arg))
      throw new CommandArgumentError(
        'sendCommand',
        `args[${i}]`,
        'must be a string, Buffer or finite number',
      );
  });
  const spec = findCommandSpec(args);
  return {
    name: spec?.name ?? String(args[0]).toUpperCase(),
    args,
    spec,
    plan: 0,
    blockingMs: spec === undefined ? undefined : rawBlockingMs(spec, args),
    verify: undefined,
  };
}

/**
 * A raw blocking command's timeout, read from its words: after `BLOCK` (XREAD, ms), first
 * (BLMPOP, BZMPOP: seconds) or last (BLPOP, WAIT …). Unknown: until answered.
 */
function rawBlockingMs(spec: CommandSpec, args: readonly RedisArgument[]): number | undefined {
  if ((spec.flags & CommandFlag.BLOCKING) === 0) return undefined;
  const block = args.findIndex((arg) => String(arg).toUpperCase() === 'BLOCK');
  const timeout = spec.args.find((arg) => arg.name === 'timeout' && arg.param !== undefined);
  let value: RedisArgument | undefined;
  let msPerUnit = 1;
  if (timeout === undefined) {
    if (block === -1) return undefined;
    value = args[block + 1];
  } else {
    value = timeout.param === 0 ? args[spec.words.length] : args[args.length - 1];
    msPerUnit = timeout.kind === 'double' ? 1000 : 1;
  }
  const ms = Number(String(value)) * msPerUnit;
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms) : 0;
}
