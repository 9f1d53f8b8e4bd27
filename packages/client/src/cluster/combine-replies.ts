import type { RespValue } from '@redspec/types';

/**
 * One reply from the replies of every node a keyless command went to, by its response policy
 * (the spec's `RESPONSE_POLICY` tip). Errors: `one_succeeded` needs one success; every other
 * policy throws the first error. Without a policy (KEYS, SLOWLOG GET), arrays are concatenated
 * and maps merged; other shapes come back as one reply per node. `x-union` and
 * `x-sum-per-channel` are ours, for PUBSUB introspection (specs/overlay/cluster-tips.json),
 * whose replies each node gives from its own clients only.
 */
export function combineReplies(
  policy: string | undefined,
  results: readonly PromiseSettledResult<RespValue>[],
): RespValue {
  const values: RespValue[] = [];
  let firstError: unknown;
  for (const result of results) {
    if (result.status === 'fulfilled') values.push(result.value);
    else firstError ??= result.reason;
  }
  if (policy === 'one_succeeded' && values.length > 0) return values[0]!;
  if (firstError !== undefined) throw firstError;
  switch (policy) {
    case 'all_succeeded':
      return values[0] ?? null;
    case 'agg_sum':
      return aggregate(values, 'sum');
    case 'agg_min':
      return aggregate(values, 'min');
    case 'agg_max':
      return aggregate(values, 'max');
    case 'agg_logical_and':
      return logical(values, (a, b) => a && b);
    case 'agg_logical_or':
      return logical(values, (a, b) => a || b);
    case 'x-union':
      return union(values as RespValue[][]);
    case 'x-sum-per-channel':
      return sumPerChannel(values as RespValue[][]);
    default:
      return gather(values);
  }
}

/**
 * Folds numeric replies; in a bigint mode (`withBigInts()`) the integers are bigints and are
 * folded as bigints, so a sum past 2^53 stays exact.
 */
function aggregate(values: readonly RespValue[], kind: 'sum' | 'min' | 'max'): number | bigint {
  if (values.some((value) => typeof value === 'bigint')) {
    const [first = 0n, ...rest] = values.map((value) => BigInt(value as bigint));
    const fold = (a: bigint, b: bigint): bigint => {
      if (kind === 'sum') return a + b;
      return (kind === 'min' ? b < a : b > a) ? b : a;
    };
    return rest.reduce(fold, first);
  }
  const numbers = values.map(Number);
  if (kind === 'sum') return numbers.reduce((a, b) => a + b, 0);
  return kind === 'min' ? Math.min(...numbers) : Math.max(...numbers);
}

/** Element-wise for arrays (SCRIPT EXISTS), else on the values; integers stay 1/0. */
function logical(values: readonly RespValue[], op: (a: boolean, b: boolean) => boolean): RespValue {
  const combine = (items: readonly RespValue[]): RespValue => {
    const result = items.map((item) => Boolean(Number(item))).reduce(op);
    if (typeof items[0] === 'boolean') return result;
    return typeof items[0] === 'bigint' ? BigInt(result) : Number(result);
  };
  const [first] = values;
  if (!Array.isArray(first)) return combine(values);
  return first.map((_, i) => combine(values.map((value) => (value as RespValue[])[i] ?? null)));
}

/** Every node's items once each, in the order first seen (PUBSUB CHANNELS). */
function union(values: readonly RespValue[][]): RespValue[] {
  const seen = new Map<string, RespValue>();
  for (const item of values.flat(1)) {
    const id = Buffer.isBuffer(item) ? item.toString('latin1') : String(item);
    if (!seen.has(id)) seen.set(id, item);
  }
  return [...seen.values()];
}

/**
 * Flat `[channel, count, …]` replies (PUBSUB NUMSUB) summed count by count: every node answers
 * the same channels in the order asked, so position i of each reply is the same channel.
 */
function sumPerChannel(values: readonly RespValue[][]): RespValue[] {
  const [first = []] = values;
  return first.map((item, i) =>
    i % 2 === 0 ? item : values.reduce((sum, value) => sum + Number(value[i]), 0),
  );
}

function gather(values: readonly RespValue[]): RespValue {
  if (values.every(Array.isArray)) return (values as RespValue[][]).flat(1);
  if (values.every(isMap)) return Object.assign({}, ...values) as RespValue;
  return [...values];
}

const isMap = (value: RespValue): value is { [field: string]: RespValue } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !Buffer.isBuffer(value) &&
  !(value instanceof Error);
