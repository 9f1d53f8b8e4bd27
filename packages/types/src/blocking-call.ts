import { CommandFlag, type CommandSpec } from './command-spec.js';

/**
 * Whether this call can block the connection it runs on: BLPOP and WAIT always; XREAD and
 * XREADGROUP only when given `block` (the spec flags them BLOCKING either way).
 */
export function isBlockingCall(spec: CommandSpec, params: ArrayLike<unknown>): boolean {
  if ((spec.flags & CommandFlag.BLOCKING) === 0) return false;
  const takesBlock = spec.args.some((arg) => arg.key === 'block' && arg.param === undefined);
  if (!takesBlock) return true;
  const options = params[spec.params] as { block?: unknown } | undefined;
  return options?.block !== undefined;
}
