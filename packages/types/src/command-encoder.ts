import { Product, type ArgSpec, type CommandSpec } from './command-spec.js';
import type { ServerInfo } from './command-channel.js';
import { CommandArgumentError, UnsupportedCommandError } from './errors.js';
import type { RedisArgument } from './resp-values.js';
import { isPlainObject } from './plain-object.js';
import { compareVersions, productBit } from './version.js';

type Source = (arg: ArgSpec, index: number) => unknown;

interface EncodeContext {
  readonly spec: CommandSpec;
  readonly server: ServerInfo | undefined;
  readonly out: RedisArgument[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (Buffer.isBuffer(value)) return 'a Buffer';
  if (typeof value === 'object') {
    const kind = (value as object).constructor?.name;
    return isPlainObject(value) || kind === undefined ? 'an object' : `a ${kind}`;
  }
  return `a ${typeof value}`;
}

function fail(context: EncodeContext, arg: ArgSpec | string, problem: string): never {
  throw new CommandArgumentError(
    context.spec.name,
    typeof arg === 'string' ? arg : arg.name,
    problem,
  );
}

/**
 * Turns a method call's parameters into the command's wire arguments, following the generated
 * `CommandSpec`. Bad input throws a `CommandArgumentError` naming the command and argument, and an
 * argument newer than the server throws `UnsupportedCommandError`, both before anything is sent.
 */
export function encodeCommand(
  spec: CommandSpec,
  params: ArrayLike<unknown>,
  server?: ServerInfo,
): RedisArgument[] {
  if (isPlainCall(spec, params, server)) return plainArgs(spec, params);
  const context: EncodeContext = { spec, server, out: [...spec.words] };
  const arity = spec.params + (spec.hasOptions ? 1 : 0);
  if (params.length > arity) {
    fail(context, `#${arity}`, `is one too many: ${spec.name} takes ${arity} parameters`);
  }
  const options = spec.hasOptions ? params[spec.params] : undefined;
  if (options !== undefined) checkOptions(context, options);
  encodeList(context, spec.args, (arg) =>
    arg.param !== undefined ? params[arg.param] : options?.[arg.key!],
  );
  return context.out;
}

/**
 * Whether `params` call `spec` plainly: a command of words then required scalars (GET, SET,
 * INCR), called without options, each parameter of the kind its argument takes. Its wire words
 * are then `spec.words` followed by `params` in order (the generator lists plain commands'
 * arguments in parameter order; command-encoder.test.ts checks the whole table), with nothing
 * left to check. Anything unusual answers false, and `encodeCommand`'s general path encodes it
 * or explains the error. Throws `UnsupportedCommandError` when `server` lacks the command.
 */
export function isPlainCall(
  spec: CommandSpec,
  params: ArrayLike<unknown>,
  server: ServerInfo | undefined,
): boolean {
  if (server !== undefined) checkCommandSupported(spec, server);
  if (spec.plain !== true || params[spec.params] !== undefined) return false;
  if (params.length > spec.params + 1) return false;
  const args = spec.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.param !== undefined && !isPlainValue(arg, params[arg.param])) return false;
  }
  return true;
}

/**
 * `isPlainCall` for a call of up to three parameters passed one by one (`[invokePlain]`), with
 * no array to hold them.
 */
export function isPlainCallOf(
  spec: CommandSpec,
  a: unknown,
  b: unknown,
  c: unknown,
  server: ServerInfo | undefined,
): boolean {
  if (server !== undefined) checkCommandSupported(spec, server);
  if (spec.plain !== true || spec.params > 3) return false;
  const args = spec.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const param = arg.param;
    if (param === undefined) continue;
    if (!isPlainValue(arg, param === 0 ? a : param === 1 ? b : c)) return false;
  }
  return true;
}

/** Whether `value` needs no encoding for `arg`: a string or Buffer, or a number it takes. */
function isPlainValue(arg: ArgSpec, value: unknown): boolean {
  const kind = arg.kind;
  if (typeof value === 'string' || Buffer.isBuffer(value)) {
    return kind !== 'integer' && kind !== 'unix-time' && kind !== 'double';
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (kind !== 'integer' && kind !== 'unix-time') || Number.isInteger(value);
}

/**
 * The wire words of a plain call (see `isPlainCall`). A one-word command of up to three
 * parameters (GET, SET, INCR, HGET) gets an array literal of its exact size: pushing onto
 * `[word]` grew each command's array to 17 slots, garbage that cost ~10% of the typed layer's
 * CPU time (bench/results/issue-17-notes.md, typed-layer:offline).
 */
export function plainArgs(spec: CommandSpec, params: ArrayLike<unknown>): RedisArgument[] {
  const words = spec.words;
  const count = spec.params;
  const at = params as ArrayLike<RedisArgument>;
  if (words.length === 1) {
    if (count === 1) return [words[0]!, at[0]!];
    if (count === 2) return [words[0]!, at[0]!, at[1]!];
    if (count === 3) return [words[0]!, at[0]!, at[1]!, at[2]!];
  }
  const out: RedisArgument[] = [...words];
  for (let i = 0; i < count; i++) out.push(at[i]!);
  return out;
}

const optionKeysBySpec = new WeakMap<CommandSpec, ReadonlySet<string>>();

/** A misspelled option would otherwise be silently left out of the command. */
function checkOptions(
  context: EncodeContext,
  options: unknown,
): asserts options is Record<string, unknown> {
  if (!isPlainObject(options))
    fail(context, 'options', `must be an object, got ${describe(options)}`);
  const spec = context.spec;
  let known = optionKeysBySpec.get(spec);
  if (known === undefined) {
    known = new Set(
      spec.args.flatMap((arg) =>
        arg.param === undefined && arg.key !== undefined ? [arg.key] : [],
      ),
    );
    optionKeysBySpec.set(spec, known);
  }
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      fail(
        context,
        `options.${key}`,
        `is not an option of ${spec.name} (options: ${[...known].join(', ')})`,
      );
    }
  }
}

/** Commands already found supported, per server: the check then costs one lookup. */
const supportedByServer = new WeakMap<ServerInfo, WeakSet<CommandSpec>>();
/** The last server checked, since a process usually talks to one: saves the WeakMap lookup. */
let lastServer: ServerInfo | undefined;
let lastSupported: WeakSet<CommandSpec> | undefined;

/** Throws `UnsupportedCommandError` when the server's product or version lacks the command. */
export function checkCommandSupported(spec: CommandSpec, server: ServerInfo): void {
  if (server !== lastServer) {
    lastServer = server;
    lastSupported = supportedByServer.get(server);
    if (lastSupported === undefined) supportedByServer.set(server, (lastSupported = new WeakSet()));
  }
  if (lastSupported!.has(spec)) return;
  const since = server.product === 'valkey' ? (spec.valkeySince ?? spec.since) : spec.since;
  const error = unsupported(spec, server, since, spec.products);
  if (error !== undefined) throw error;
  lastSupported!.add(spec);
}

/** Why `server` cannot run what came in `since` on the lineages in `products`, if it cannot. */
function unsupported(
  spec: CommandSpec,
  server: ServerInfo,
  since: string | undefined,
  products: number | undefined,
  argument?: string,
): UnsupportedCommandError | undefined {
  if (products !== undefined && (products & productBit(server)) === 0) {
    const owner = (products & Product.VALKEY) !== 0 ? 'valkey' : 'redis';
    return new UnsupportedCommandError(
      spec.name,
      since ?? '?',
      server.version,
      argument,
      server.product,
      owner,
    );
  }
  if (since !== undefined && compareVersions(server.version, since) < 0) {
    return new UnsupportedCommandError(spec.name, since, server.version, argument, server.product);
  }
  return undefined;
}

function encodeList(context: EncodeContext, args: readonly ArgSpec[], source: Source): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.kind === 'count') {
      const next = args[i + 1]!;
      context.out.push(countItems(source(next, i + 1)));
      continue;
    }
    if (arg.kind === 'pure-token' && arg.optional !== true) {
      context.out.push(arg.token!);
      continue;
    }
    const value = source(arg, i);
    if (value === undefined) {
      if (arg.optional !== true) fail(context, arg, 'is required');
      continue;
    }
    checkSupported(context, arg);
    encodeValue(context, arg, value);
  }
}

function countItems(value: unknown): number {
  if (value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  if (value instanceof Map) return value.size;
  return isPlainObject(value) ? Object.keys(value).length : 1;
}

function checkSupported(context: EncodeContext, arg: ArgSpec): void {
  if (context.server === undefined) return;
  const error = unsupported(context.spec, context.server, arg.since, arg.products, arg.name);
  if (error !== undefined) throw error;
}

function encodeValue(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  if (arg.kind === 'pure-token') {
    if (value === true) context.out.push(arg.token!);
    else if (value !== false) fail(context, arg, `must be true or false, got ${describe(value)}`);
    return;
  }
  if (arg.multiple === true) {
    encodeMultiple(context, arg, value);
    return;
  }
  if (arg.token !== undefined) context.out.push(arg.token);
  encodeItem(context, arg, value);
}

function encodeMultiple(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  const items = arg.pairs === true ? pairsOf(context, arg, value) : itemsOf(value);
  if (items.length === 0 && arg.optional !== true) fail(context, arg, 'needs at least one value');
  if (arg.token !== undefined && arg.multipleToken !== true && items.length > 0) {
    context.out.push(arg.token);
  }
  for (const item of items) {
    if (arg.multipleToken === true) context.out.push(arg.token!);
    encodeItem(context, arg, item);
  }
}

const itemsOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [value]);

/** A pair block's items as `[first, second]` tuples, from a Record, a Map or an array of pairs. */
function pairsOf(context: EncodeContext, arg: ArgSpec, value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Map) return [...value.entries()];
  if (isPlainObject(value)) return Object.entries(value);
  return fail(context, arg, `must be a Record, a Map or an array of pairs, got ${describe(value)}`);
}

function encodeItem(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  switch (arg.kind) {
    case 'key':
    case 'string':
    case 'pattern':
      return encodeString(context, arg, value);
    case 'integer':
    case 'unix-time':
      return encodeInteger(context, arg, value);
    case 'double':
      return encodeDouble(context, arg, value);
    case 'oneof':
      return encodeOneOf(context, arg, value);
    case 'block':
      return encodeBlock(context, arg, value);
    case 'pure-token':
    case 'count':
      return fail(context, arg, 'takes no value');
  }
}

function encodeString(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  if (typeof value === 'string' || Buffer.isBuffer(value)) context.out.push(value);
  else if (typeof value === 'number' && Number.isFinite(value)) context.out.push(value);
  else if (typeof value === 'bigint') context.out.push(value.toString());
  else fail(context, arg, `must be a string, Buffer or number, got ${describe(value)}`);
}

function encodeInteger(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  if (typeof value === 'number' && Number.isInteger(value)) context.out.push(value);
  else if (typeof value === 'bigint') context.out.push(value.toString());
  else if (typeof value === 'string' && /^[-+]?\d+$/.test(value)) context.out.push(value);
  else fail(context, arg, `must be an integer, got ${describe(value)}`);
}

/** Doubles also take Redis' own spellings: `+inf`, `-inf`, and exclusive bounds like `(1.5`. */
function encodeDouble(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  if (typeof value === 'number' && !Number.isNaN(value)) {
    context.out.push(value === Infinity ? '+inf' : value === -Infinity ? '-inf' : value);
  } else if (
    typeof value === 'string' &&
    /^\(?([-+]?inf|[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?)$/i.test(value)
  ) {
    context.out.push(value);
  } else {
    fail(context, arg, `must be a number, got ${describe(value)}`);
  }
}

function encodeOneOf(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  const alternatives = arg.args!;
  if (typeof value === 'string') {
    const upper = value.toUpperCase();
    const token = alternatives.find(
      (alt) => alt.kind === 'pure-token' && alt.token!.toUpperCase() === upper,
    );
    if (token !== undefined) {
      context.out.push(token.token!);
      return;
    }
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const chosen = keys.length === 1 ? alternatives.find((alt) => alt.key === keys[0]) : undefined;
    if (chosen !== undefined) {
      checkSupported(context, chosen);
      encodeValue(context, chosen, value[keys[0]!]);
      return;
    }
  }
  if (arg.inline !== undefined) {
    encodeValue(context, alternatives[arg.inline]!, value);
    return;
  }
  const choices = alternatives.map((alt) =>
    alt.kind === 'pure-token' ? `'${alt.token}'` : `{ ${alt.key} }`,
  );
  fail(context, arg, `must be one of ${choices.join(', ')}, got ${describe(value)}`);
}

const fieldsByBlock = new WeakMap<ArgSpec, ReadonlySet<string>>();

/** The fields a block's object may have: derived counts and required tokens take none. */
function blockFields(arg: ArgSpec): ReadonlySet<string> {
  let fields = fieldsByBlock.get(arg);
  if (fields === undefined) {
    fields = new Set(
      arg.args!.flatMap((part) =>
        part.kind === 'count' || (part.kind === 'pure-token' && part.optional !== true)
          ? []
          : [part.key!],
      ),
    );
    fieldsByBlock.set(arg, fields);
  }
  return fields;
}

/**
 * A field the block does not have would otherwise be dropped without a word, and the command
 * sent without it (issue 15: every position is checked, not only the top-level options).
 */
function checkFields(context: EncodeContext, arg: ArgSpec, value: Record<string, unknown>): void {
  const fields = blockFields(arg);
  for (const key of Object.keys(value)) {
    if (!fields.has(key)) {
      fail(
        context,
        `${arg.name}.${key}`,
        `is not a field of ${arg.name} (fields: ${[...fields].join(', ')})`,
      );
    }
  }
}

function encodeBlock(context: EncodeContext, arg: ArgSpec, value: unknown): void {
  const parts = arg.args!;
  if (Array.isArray(value) && arg.pairs === true) {
    encodeList(context, parts, (_part, index) => value[index]);
  } else if (isPlainObject(value)) {
    checkFields(context, arg, value);
    encodeList(context, parts, (part) => value[part.key!]);
  } else {
    fail(context, arg, `must be an object, got ${describe(value)}`);
  }
}
