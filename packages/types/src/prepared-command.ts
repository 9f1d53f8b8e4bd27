import { blockingTimeMs } from './blocking-time.js';
import type { ServerInfo } from './command-channel.js';
import { encodeCommand, isPlainCall, plainArgs } from './command-encoder.js';
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
  /**
   * Set on a plain typed call (`PlainCommand`): its wire words are `spec.words` followed by the
   * first `spec.params` of these, and a connection writes them from here without `args`.
   */
  readonly plainParams?: ArrayLike<RedisArgument> | undefined;
}

/**
 * A typed call of a plain command (GET, SET, INCR: words, then required scalars, no options).
 * It keeps the method's parameters, already checked, and builds `args` only when something
 * reads it (cluster routing, tracing, an error's message): a connection writes `spec.words`
 * and the parameters straight into its buffer. That saves an array per command, ~56 of the
 * 393 bytes a pipelined command allocated (`pnpm --filter @redspec/bench run heap`).
 */
class PlainCommand implements PreparedCommand {
  readonly name: string;
  readonly plan: ReplyPlan;
  readonly blockingMs: number | undefined;
  readonly verify: ((server: ServerInfo) => void) | undefined;
  #args: readonly RedisArgument[] | undefined;

  constructor(
    readonly spec: CommandSpec,
    readonly plainParams: ArrayLike<RedisArgument>,
    server: ServerInfo | undefined,
  ) {
    this.name = spec.name;
    this.plan = replyPlanOf(spec, plainParams);
    this.blockingMs = blockingMsOf(spec, plainParams);
    this.verify = verifierOf(spec, plainParams, server);
  }

  get args(): readonly RedisArgument[] {
    return (this.#args ??= plainArgs(this.spec, this.plainParams));
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
  if (isPlainCall(spec, params, server)) {
    return new PlainCommand(spec, params as ArrayLike<RedisArgument>, server);
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
 * `command` with some of its facts changed, as a new plain object: a spread would drop a
 * `PlainCommand`'s `args` (a getter) and keep parameters that no longer match the new `args`.
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

function blockingMsOf(spec: CommandSpec, params: ArrayLike<unknown>): number | undefined {
  return (spec.flags & CommandFlag.BLOCKING) === 0 ? undefined : blockingTimeMs(spec, params);
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
