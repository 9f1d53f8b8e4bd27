import { CommandFlag, type ArgSpec, type CommandSpec } from './command-spec.js';

/**
 * Where a blocking command says how long the server may hold it, and in which unit: BLPOP's
 * `timeout` is a double in seconds, WAIT's and WAITAOF's an integer in milliseconds, XREAD's
 * `block` option milliseconds. Found from the spec once per command.
 */
interface BlockingArgument {
  readonly read: (params: ArrayLike<unknown>) => unknown;
  readonly msPerUnit: number;
  /** XREAD's `block` is an option: without it the call does not block at all. */
  readonly optional: boolean;
}

const found = new WeakMap<CommandSpec, BlockingArgument | null>();

function blockingArgument(spec: CommandSpec): BlockingArgument | null {
  let argument = found.get(spec);
  if (argument !== undefined) return argument;
  const timeout = spec.args.find((arg) => arg.name === 'timeout' && arg.param !== undefined);
  const block = spec.args.find((arg) => arg.key === 'block' && arg.token === 'BLOCK');
  argument =
    timeout !== undefined ? positional(timeout) : block !== undefined ? option(spec, block) : null;
  found.set(spec, argument);
  return argument;
}

const positional = (arg: ArgSpec): BlockingArgument => ({
  read: (params) => params[arg.param!],
  msPerUnit: arg.kind === 'double' ? 1000 : 1,
  optional: false,
});

const option = (spec: CommandSpec, arg: ArgSpec): BlockingArgument => ({
  read: (params) => (params[spec.params] as Record<string, unknown> | undefined)?.[arg.key!],
  msPerUnit: 1,
  optional: true,
});

/**
 * How long this call may block its connection on the server, in milliseconds: `undefined` when
 * it does not block (GET; XREAD without `block`), `0` when it blocks until answered (BLPOP 0),
 * `Infinity` for a blocking command whose spec names no timeout. Call it on parameters the
 * encoder accepted.
 */
export function blockingTimeMs(spec: CommandSpec, params: ArrayLike<unknown>): number | undefined {
  if ((spec.flags & CommandFlag.BLOCKING) === 0) return undefined;
  const argument = blockingArgument(spec);
  if (argument === null) return Infinity;
  const value = argument.read(params);
  if (value === undefined) return argument.optional ? undefined : 0;
  const ms = Number(value) * argument.msPerUnit;
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms) : 0;
}
