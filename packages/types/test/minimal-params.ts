import type { ArgSpec, CommandSpec } from '../src/command-spec.js';

/** A made-up value of the argument's kind: enough for the encoder, meaningless to a server. */
function sampleOne(arg: ArgSpec): unknown {
  switch (arg.kind) {
    case 'key':
      return 'sample:key';
    case 'string':
    case 'pattern':
      return 'x';
    case 'integer':
    case 'unix-time':
    case 'double':
      return 1;
    case 'pure-token':
      return true;
    case 'count':
      return undefined;
    case 'oneof': {
      const first = arg.args![0]!;
      if (first.kind === 'pure-token') return first.token;
      return arg.inline === 0 ? sample(first) : { [first.key!]: sample(first) };
    }
    case 'block': {
      const parts = arg.args!.filter(needed);
      if (arg.pairs === true) return arg.args!.map((part) => sample(part));
      return Object.fromEntries(parts.map((part) => [part.key!, sample(part)]));
    }
  }
}

/** @internal For tests: a made-up value of the argument's kind (a list for repeated ones). */
export const sample = (arg: ArgSpec): unknown =>
  arg.multiple === true ? [sampleOne(arg)] : sampleOne(arg);

/** Required, and given by the caller (required pure tokens and counts the encoder writes itself). */
const needed = (arg: ArgSpec): boolean =>
  arg.optional !== true && arg.kind !== 'count' && arg.kind !== 'pure-token';

/**
 * The fewest parameters a call of `spec` takes: every required positional and option filled with
 * a sample of its kind, optional ones left out.
 */
export function minimalParams(spec: CommandSpec): unknown[] {
  const params: unknown[] = Array.from({ length: spec.params }, () => undefined);
  const options: Record<string, unknown> = {};
  for (const arg of spec.args.filter(needed)) {
    if (arg.param !== undefined) params[arg.param] = sample(arg);
    else options[arg.key!] = sample(arg);
  }
  if (Object.keys(options).length > 0) params[spec.params] = options;
  while (params.length > 0 && params[params.length - 1] === undefined) params.pop();
  return params;
}
