import { camelCase, parameterName } from './naming.js';
import type { RuntimeArg } from './runtime-spec.js';
import type { SpecArgument } from './spec-types.js';

export type { RuntimeArg } from './runtime-spec.js';

export interface MethodParam {
  name: string;
  type: string;
  optional: boolean;
  /** The spec argument it carries, for its docs. */
  argument?: SpecArgument;
}

export interface OptionField {
  key: string;
  type: string;
  argument: SpecArgument;
}

export interface ArgumentModel {
  params: MethodParam[];
  options: OptionField[];
  runtime: RuntimeArg[];
}

const plainScalarKinds = new Set(['key', 'string', 'pattern', 'integer', 'double', 'unix-time']);

/**
 * Whether a call without options is just the command words plus its required positionals,
 * each a plain scalar (GET, SET, INCR, HGET): the encoder then takes a fast path.
 */
export function isPlainPositional(runtime: readonly RuntimeArg[]): boolean {
  return runtime.every((arg) =>
    arg.param === undefined
      ? arg.optional === true && arg.key !== undefined
      : arg.optional !== true &&
        arg.token === undefined &&
        arg.multiple !== true &&
        arg.since === undefined &&
        arg.products === undefined &&
        plainScalarKinds.has(arg.kind),
  );
}

/** Context the argument walk needs from its command. */
export interface ArgumentContext {
  commandSince: string;
  /** Maps a source list to a product bitmask, or undefined when every product has it. */
  products(sources: string[] | undefined): number | undefined;
  /** For an argument the spec gives no `since`: the release line of its first source. */
  introducedIn(arg: SpecArgument): string | undefined;
}

const scalarTypes: Record<string, string> = {
  key: 'RedisKey',
  string: 'RedisArgument',
  pattern: 'RedisArgument',
  // A bigint too: 64-bit values past 2^53 (what a bigint mode returns) go back exactly.
  integer: 'number | bigint',
  double: 'number',
  'unix-time': 'number',
};

const isScalar = (arg: SpecArgument): boolean => arg.type in scalarTypes;

/** The spec writes an empty-string token as `""` (MIGRATE's key); on the wire it is empty. */
const wireToken = (token: string): string => (token === '""' ? '' : token);

/** `numkeys` before `key [key ...]`: derived from the array, never asked for. */
function isDerivedCount(args: SpecArgument[], index: number): boolean {
  const arg = args[index]!;
  const next = args[index + 1];
  return arg.type === 'integer' && /^num/.test(arg.name) && next?.multiple === true;
}

/** Keys of sibling arguments in an object: the camelCased token, else the name; names on clash. */
export function siblingKeys(args: SpecArgument[]): string[] {
  const preferred = args.map(
    (arg) => arg.optionKey ?? (camelCase(arg.token ?? arg.name) || camelCase(arg.name)),
  );
  return preferred.map((key, index) =>
    preferred.indexOf(key) === preferred.lastIndexOf(key) ? key : camelCase(args[index]!.name),
  );
}

/** The single bare alternative of a oneof: untokened and scalar, so its value needs no wrapper. */
function inlineAlternative(alternatives: SpecArgument[]): number | undefined {
  const bare = alternatives
    .map((alt, index) => ({ alt, index }))
    .filter(({ alt }) => alt.token === undefined && isScalar(alt));
  return bare.length === 1 ? bare[0]!.index : undefined;
}

/** Two scalar fields repeated: `field value [field value ...]`, also accepted as Record/Map/pairs. */
function isPairBlock(arg: SpecArgument): boolean {
  const parts = arg.arguments ?? [];
  return (
    arg.type === 'block' &&
    arg.multiple === true &&
    parts.length === 2 &&
    parts.every((part) => isScalar(part) && !part.optional && !part.multiple)
  );
}

/** The TypeScript type of one value of `arg` (before `multiple` is applied). */
function itemType(arg: SpecArgument): string {
  if (arg.tsType !== undefined) return arg.tsType;
  const scalar = scalarTypes[arg.type];
  if (scalar !== undefined) return scalar;
  if (arg.type === 'pure-token') return 'true';
  const parts = arg.arguments ?? [];
  if (arg.type === 'oneof') {
    const keys = siblingKeys(parts);
    const inline = inlineAlternative(parts);
    const alternatives = parts.map((alt, index) => {
      if (alt.type === 'pure-token')
        return `'${alt.token === undefined ? alt.name : wireToken(alt.token)}'`;
      if (index === inline) return valueType(alt);
      return `{ ${keys[index]}: ${valueType(alt)} }`;
    });
    return [...new Set(alternatives)].join(' | ');
  }
  return objectType(parts);
}

/** An object type for a block's parts; required pure tokens and derived counts take no field. */
function objectType(parts: SpecArgument[]): string {
  const keys = siblingKeys(parts);
  const fields = parts.flatMap((part, index) => {
    if (isDerivedCount(parts, index)) return [];
    if (part.type === 'pure-token' && !part.optional) return [];
    const type = part.type === 'pure-token' ? 'boolean' : valueType(part);
    return [`${keys[index]}${part.optional ? '?' : ''}: ${type}`];
  });
  return `{ ${fields.join('; ')} }`;
}

/** The TypeScript type of `arg`'s whole value, `multiple` included. */
export function valueType(arg: SpecArgument): string {
  if (isPairBlock(arg)) {
    const [first, second] = (arg.arguments ?? []).map(itemType);
    return first === 'number'
      ? `ReadonlyArray<readonly [${first}, ${second}]>`
      : `FieldValues<${second}>`;
  }
  const item = itemType(arg);
  if (!arg.multiple) return item;
  return isScalar(arg) || arg.type === 'oneof' ? `OneOrMany<${item}>` : `ReadonlyArray<${item}>`;
}

/** Runtime description of `args`, read from an object under their sibling keys. */
function nestedRuntime(args: SpecArgument[], context: ArgumentContext): RuntimeArg[] {
  const keys = siblingKeys(args);
  return args.map((arg, index) => runtimeArg(args, index, context, { key: keys[index]! }));
}

function runtimeArg(
  siblings: SpecArgument[],
  index: number,
  context: ArgumentContext,
  source: { param?: number; key?: string },
): RuntimeArg {
  const arg = siblings[index]!;
  const since = arg.since ?? context.introducedIn(arg);
  const products = context.products(arg.sources);
  const inline = arg.type === 'oneof' ? inlineAlternative(arg.arguments ?? []) : undefined;
  return {
    name: arg.name,
    kind: isDerivedCount(siblings, index) ? 'count' : arg.type,
    ...source,
    ...(arg.token !== undefined ? { token: wireToken(arg.token) } : {}),
    ...(arg.optional ? { optional: true } : {}),
    ...(arg.multiple ? { multiple: true } : {}),
    ...(arg.multipleToken ? { multipleToken: true } : {}),
    ...(arg.arguments !== undefined ? { args: nestedRuntime(arg.arguments, context) } : {}),
    ...(inline !== undefined ? { inline } : {}),
    ...(isPairBlock(arg) ? { pairs: true } : {}),
    ...(since !== undefined && compareVersions(since, context.commandSince) > 0 ? { since } : {}),
    ...(products !== undefined ? { products } : {}),
  };
}

/** Whether a top-level argument is passed positionally (else it lives in the options object). */
function isPositional(args: SpecArgument[], index: number, asOption: Set<string>): boolean {
  const arg = args[index]!;
  if (!arg.optional) return true;
  if (arg.token !== undefined || !isScalar(arg) || asOption.has(arg.name)) return false;
  return args.slice(index + 1).every((later) => later.optional);
}

/**
 * Lays out a command's top-level arguments as method parameters: required ones positional,
 * trailing optional bare scalars as optional positionals, everything else in one options object.
 */
export function buildArgumentModel(
  args: SpecArgument[],
  context: ArgumentContext,
  asOption: Set<string> = new Set(),
): ArgumentModel {
  const keys = siblingKeys(args);
  const params: MethodParam[] = [];
  const options: OptionField[] = [];
  const runtime: RuntimeArg[] = [];
  const takenNames = new Set<string>();
  args.forEach((arg, index) => {
    const takesNoValue =
      isDerivedCount(args, index) || (arg.type === 'pure-token' && !arg.optional);
    if (takesNoValue) {
      runtime.push(runtimeArg(args, index, context, {}));
    } else if (isPositional(args, index, asOption)) {
      let name = parameterName(arg.name);
      while (takenNames.has(name)) name = `${name}2`;
      takenNames.add(name);
      params.push({ name, type: valueType(arg), optional: arg.optional === true, argument: arg });
      runtime.push(runtimeArg(args, index, context, { param: params.length - 1 }));
    } else {
      const type = arg.type === 'pure-token' ? 'boolean' : valueType(arg);
      options.push({ key: keys[index]!, type, argument: arg });
      runtime.push(runtimeArg(args, index, context, { key: keys[index]! }));
    }
  });
  return { params, options, runtime };
}

/** Dotted versions compared by their numbers: `7.0.15` < `7.2.0` < `7.10.0`. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
