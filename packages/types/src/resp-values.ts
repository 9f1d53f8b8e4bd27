/** A key as sent to Redis. */
export type RedisKey = string | Buffer;

/** Any scalar argument: strings and Buffers go as they are, numbers in their decimal form. */
export type RedisArgument = string | Buffer | number;

/** One command as it goes on the wire: command words first, then the encoded arguments. */
export type WireCommand = readonly RedisArgument[];

/**
 * A decoded RESP value before reply normalization. Maps arrive as plain objects, sets and arrays
 * as arrays, RESP3 doubles as numbers, big numbers as bigint, errors as `ReplyError` values.
 */
export type RespValue =
  | string
  | Buffer
  | number
  | bigint
  | boolean
  | null
  | RespValue[]
  | { [field: string]: RespValue }
  | Error;

/** Field/value pairs: a Record, a Map or an array of `[field, value]` pairs (HSET, MSET, XADD). */
export type FieldValues<TValue> =
  | Readonly<Record<string, TValue>>
  | ReadonlyMap<RedisArgument, TValue>
  | ReadonlyArray<readonly [RedisArgument, TValue]>;

/** A repeated argument: one value, or several. */
export type OneOrMany<T> = T | ReadonlyArray<T>;

/** A score bound: a number (infinities included), `'+inf'`, `'-inf'`, or exclusive `'(1.5'`. */
export type ScoreBound = number | '+inf' | '-inf' | `(${number}`;
