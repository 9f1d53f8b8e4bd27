import type { SpecArgument } from '../model/spec-types.js';

/** The placeholder a value shows in syntax: upstream's `display` (`ip:port`) or its name. */
const placeholder = (arg: SpecArgument): string => arg.display ?? arg.name;

/** An argument inside a block or oneof: optional ones in brackets, required choices in `<>`. */
function part(arg: SpecArgument): string {
  const text = wireSyntax(arg);
  if (arg.optional) return `[${text}]`;
  return arg.type === 'oneof' && !arg.multiple ? `<${text}>` : text;
}

/** The syntax of one occurrence, without the repetition of `multiple`. */
function once(arg: SpecArgument, withToken: boolean): string {
  const token = withToken && arg.token !== undefined ? `${arg.token} ` : '';
  switch (arg.type) {
    case 'pure-token':
      return arg.token ?? arg.name;
    case 'oneof':
      return `${token}${(arg.arguments ?? []).map(wireSyntax).join(' | ')}`;
    case 'block':
      return `${token}${(arg.arguments ?? []).map(part).join(' ')}`;
    default:
      return `${token}${placeholder(arg)}`;
  }
}

/**
 * An argument as the command's syntax writes it, from the spec's facts alone (the Redis docs'
 * notation): `EX seconds | PX milliseconds`, `LIMIT offset count`, `key [key ...]`,
 * `GET pattern [GET pattern ...]`. A token given once before repeated values leads: `KEYS key [key ...]`.
 */
export function wireSyntax(arg: SpecArgument): string {
  if (!arg.multiple) return once(arg, true);
  if (arg.multipleToken) return `${once(arg, true)} [${once(arg, true)} ...]`;
  const token = arg.token !== undefined ? `${arg.token} ` : '';
  return `${token}${once(arg, false)} [${once(arg, false)} ...]`;
}

/** The whole command: `SET key value [NX | XX] [GET] [EX seconds | …]`. */
export function commandSyntax(name: string, args: readonly SpecArgument[]): string {
  return [name, ...args.map(part)].join(' ');
}
