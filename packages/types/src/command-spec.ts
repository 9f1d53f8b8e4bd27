/**
 * The runtime command table's shape. The generator emits one `CommandSpec` per method into
 * `generated/command-table.ts`; the argument encoder, the reply normalizer and cluster routing
 * interpret it, so the client and the pipeline share one description of every command.
 */

/** Command flags as a bitmask; names are the spec's `command_flags`. */
export const CommandFlag = {
  WRITE: 1 << 0,
  READONLY: 1 << 1,
  DENYOOM: 1 << 2,
  ADMIN: 1 << 3,
  PUBSUB: 1 << 4,
  NOSCRIPT: 1 << 5,
  BLOCKING: 1 << 6,
  LOADING: 1 << 7,
  STALE: 1 << 8,
  SKIP_MONITOR: 1 << 9,
  SKIP_SLOWLOG: 1 << 10,
  ASKING: 1 << 11,
  FAST: 1 << 12,
  NO_AUTH: 1 << 13,
  MAY_REPLICATE: 1 << 14,
  SENTINEL: 1 << 15,
  ONLY_SENTINEL: 1 << 16,
  NO_MANDATORY_KEYS: 1 << 17,
  PROTECTED: 1 << 18,
  NO_ASYNC_LOADING: 1 << 19,
  NO_MULTI: 1 << 20,
  ALLOW_BUSY: 1 << 21,
  TOUCHES_ARBITRARY_KEYS: 1 << 22,
  EXPERIMENTAL: 1 << 23,
} as const;
export type CommandFlagName = keyof typeof CommandFlag;

/** Key spec flags as a bitmask; names are the spec's key spec `flags`. */
export const KeyFlag = {
  RO: 1 << 0,
  RW: 1 << 1,
  OW: 1 << 2,
  RM: 1 << 3,
  ACCESS: 1 << 4,
  UPDATE: 1 << 5,
  INSERT: 1 << 6,
  DELETE: 1 << 7,
  NOT_KEY: 1 << 8,
  INCOMPLETE: 1 << 9,
  VARIABLE_FLAGS: 1 << 10,
} as const;
export type KeyFlagName = keyof typeof KeyFlag;

/** Which server lineages have a command or argument (bitmask). */
export const Product = { REDIS: 1, VALKEY: 2 } as const;

export type ArgKind =
  | 'key'
  | 'string'
  | 'pattern'
  | 'integer'
  | 'double'
  | 'unix-time'
  | 'pure-token'
  | 'oneof'
  | 'block'
  /** An integer the encoder derives from the length of the next (multiple) argument: `numkeys`. */
  | 'count';

/**
 * One argument of a command, in wire order. Top-level arguments say where their value comes
 * from: positional parameter `param`, or the trailing options object under `key`. Nested ones
 * (inside a oneof or block) are read from the parent's value under `key`.
 */
export interface ArgSpec {
  /** The spec's argument name, used in error messages. */
  readonly name: string;
  readonly kind: ArgKind;
  /** Index of the positional parameter that carries the value (top-level arguments only). */
  readonly param?: number;
  /** Property name in the options object, in a block's object, or a oneof's alternative key. */
  readonly key?: string;
  readonly token?: string;
  readonly optional?: true;
  readonly multiple?: true;
  /** With `multiple`: the token goes before every item (`GET a GET b`). */
  readonly multipleToken?: true;
  /** For `oneof` and `block`: the parts, in wire order. */
  readonly args?: readonly ArgSpec[];
  /** For a `oneof`: the alternative that takes a bare value (no token, no wrapping object). */
  readonly inline?: number;
  /** For a multiple two-field block: items may also come as a Record, a Map or `[a, b]` pairs. */
  readonly pairs?: true;
  /** Server version that introduced the argument, where newer than its command. */
  readonly since?: string;
  /** Product bitmask where only some lineages have the argument. */
  readonly products?: number;
}

/** Where the keys of a command are, found from its arguments on the wire (the spec's key specs). */
export interface KeySpecPlan {
  /** `index`: keys start at this position, counted from the command name (0), as upstream counts. */
  readonly index?: number;
  /** `keyword`: keys start after this token, searched from `startFrom` (negative: from the end). */
  readonly keyword?: string;
  readonly startFrom?: number;
  /** `range`: last key relative to the first (-1 = last argument), step, limit. */
  readonly range?: readonly [lastKey: number, step: number, limit: number];
  /** `keynum`: position of the key count relative to the start, first key offset, step. */
  readonly keynum?: readonly [keyNumIdx: number, firstKey: number, step: number];
  readonly flags: number;
}

/**
 * How to turn a decoded reply into the RESP3-shaped value the types promise.
 * - `0`: as decoded;
 * - `'double'`: a number (RESP2 sends doubles as strings);
 * - `{ map }`: an object, from a RESP3 map or a RESP2 flat field/value array;
 * - `{ object }`: an object with known fields, each normalized by its plan;
 * - `{ array }`: every item by one plan;
 * - `{ tuple, rest }`: items by position (then `rest` for the others); an array of tuples is
 *   regrouped from a RESP2 flat array;
 * - `{ union }`: the first plan whose shape matches the value;
 * - `'integer'`: an integer the server sends as text (XPENDING's per-consumer counts);
 * - `{ record }`, `{ records }`: `k=v k=v` text (CLIENT INFO), or one such line per record
 *   (CLIENT LIST), parsed into objects whose fields are normalized by their plans;
 * - `{ loop }` and `'again'`: a recursive shape (COMMAND DOCS' nested arguments): `'again'`
 *   stands for the plan of the nearest enclosing `{ loop }`.
 */
export type ReplyPlan =
  | 0
  | 'double'
  | 'integer'
  | { readonly map: ReplyPlan }
  | { readonly object: { readonly [field: string]: ReplyPlan }; readonly rest?: ReplyPlan }
  | { readonly array: ReplyPlan }
  | { readonly tuple: readonly ReplyPlan[]; readonly rest?: ReplyPlan }
  | { readonly union: readonly ReplyPlan[] }
  | { readonly record: { readonly [field: string]: ReplyPlan } }
  | { readonly records: { readonly [field: string]: ReplyPlan } }
  | { readonly loop: ReplyPlan }
  | 'again'
  /** The command's whole plan again: `$ref: '#'` (COMMAND DOCS' subcommands). */
  | 'root';

/** One test on a call's parameters; a variant applies when all of its conditions hold. */
export interface ReplyCondition {
  /** Option path (`withscores`, `options.withscores`) or `#<index>` for a positional. */
  readonly path: string;
  /** The value must equal this. */
  readonly equals?: string | number | boolean;
  /** The value must be absent (undefined or false). */
  readonly absent?: true;
  /** The value must be an object with this key (a chosen oneof alternative). */
  readonly has?: string;
}

/** A reply plan chosen by the call's options (e.g. ZRANGE with `withscores`). */
export interface ReplyVariant {
  readonly when: readonly ReplyCondition[];
  readonly plan: ReplyPlan;
}

export interface CommandSpec {
  /** `GET`, `CLIENT KILL`. */
  readonly name: string;
  /** The command words on the wire: `['CLIENT', 'KILL']`. */
  readonly words: readonly string[];
  readonly flags: number;
  readonly since: string;
  readonly products: number;
  /** Version in the Valkey lineage where it differs from `since`. */
  readonly valkeySince?: string;
  readonly args: readonly ArgSpec[];
  /** Number of positional parameters before the optional options object. */
  readonly params: number;
  /** Whether the method ends in an options object. */
  readonly hasOptions: boolean;
  /**
   * Without options the call is just the words plus required plain scalars (GET, SET, INCR):
   * the encoder takes a fast path.
   */
  readonly plain?: true;
  readonly keys?: readonly KeySpecPlan[];
  readonly reply: ReplyPlan;
  readonly replyVariants?: readonly ReplyVariant[];
  /** `REQUEST_POLICY:…` / `RESPONSE_POLICY:…` tips, lowercased without the prefix. */
  readonly requestPolicy?: string;
  readonly responsePolicy?: string;
  /**
   * The `NONDETERMINISTIC_OUTPUT` tip: the same call on the same data may reply differently
   * (TTL, RANDOMKEY, SRANDMEMBER). Such replies are never served from a client-side cache.
   */
  readonly nondeterministic?: true;
}
