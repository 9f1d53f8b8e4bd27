import type { ReplyCondition, ReplyPlan, ReplyVariant } from './command-spec.js';
import { isPlainObject, setField } from './plain-object.js';
import type { RespValue } from './resp-values.js';
import { parseTextRecord, parseTextRecords } from './text-record.js';

type Plain = Record<string, unknown>;

/** RESP2 sends doubles as bulk strings; RESP3 as numbers. Redis spells infinities `inf`. */
function toDouble(value: unknown): unknown {
  if (typeof value !== 'string' && !Buffer.isBuffer(value)) return value;
  const text = value.toString();
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  const number = Number(text);
  return Number.isNaN(number) && lower !== 'nan' ? value : number;
}

/** An integer sent as text (a bigint in a bigint mode); anything that is not one stays as it came. */
function toInteger(value: unknown): unknown {
  if (typeof value !== 'string' && !Buffer.isBuffer(value)) return value;
  const text = value.toString();
  if (!/^[-+]?\d+$/.test(text)) return value;
  return bigints ? BigInt(text) : Number(text);
}

/**
 * An object from a RESP3 map, a RESP2 flat `[field, value, …]` array, or a RESP2 array of
 * `[field, value]` pairs (XREAD's streams).
 */
function toObject(value: unknown, plan: (field: string) => ReplyPlan): unknown {
  if (Array.isArray(value)) {
    const result: Plain = {};
    if (value.length > 0 && Array.isArray(value[0])) {
      for (const pair of value as unknown[][]) {
        const field = String(pair[0]);
        setField(result, field, normalize(pair[1], plan(field)));
      }
      return result;
    }
    for (let i = 0; i + 1 < value.length; i += 2) {
      const field = String(value[i]);
      setField(result, field, normalize(value[i + 1], plan(field)));
    }
    return result;
  }
  if (!isPlainObject(value)) return value;
  const result: Plain = {};
  for (const field of Object.keys(value))
    setField(result, field, normalize(value[field], plan(field)));
  return result;
}

function toArray(value: unknown, item: ReplyPlan): unknown {
  if (!Array.isArray(value)) return value;
  if (typeof item === 'object' && 'tuple' in item && value.length > 0 && !Array.isArray(value[0])) {
    return regroup(value, item.tuple.length).map((tuple) => normalize(tuple, item));
  }
  return item === 0 ? value : value.map((entry) => normalize(entry, item));
}

/** RESP2 flattens arrays of tuples (`ZRANGE … WITHSCORES`): `[a, 1, b, 2]` → `[[a, 1], [b, 2]]`. */
function regroup(flat: unknown[], size: number): unknown[][] {
  const groups: unknown[][] = [];
  for (let i = 0; i < flat.length; i += size) groups.push(flat.slice(i, i + size));
  return groups;
}

/** Whether a plan fits a value's shape, to pick a union's alternative. */
function fits(plan: ReplyPlan, value: unknown): boolean {
  if (plan === 0) return true;
  if (plan === 'root') return Array.isArray(value) || isPlainObject(value);
  if (plan === 'double' || plan === 'integer')
    return (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'bigint' ||
      Buffer.isBuffer(value)
    );
  if (plan === 'again') return fits(loops.at(-1) ?? 0, value);
  if (typeof plan === 'object' && ('record' in plan || 'records' in plan))
    return typeof value === 'string' || Buffer.isBuffer(value);
  if ('loop' in plan) return fits(plan.loop, value);
  if ('map' in plan || 'object' in plan) return Array.isArray(value) || isPlainObject(value);
  if (!Array.isArray(value)) return false;
  if ('array' in plan && typeof plan.array === 'object' && 'tuple' in plan.array) {
    // Flat RESP2 arrays are ambiguous inside a union: only already-nested tuples match.
    return value.length === 0 || Array.isArray(value[0]);
  }
  return 'array' in plan || 'tuple' in plan;
}

/** Whether the running `normalizeReply` is in a bigint mode (synchronous, like `rootPlan`). */
let bigints = false;
/** The plan `'root'` stands for: the one passed to the running `normalizeReply` (synchronous). */
let rootPlan: ReplyPlan = 0;
/** The plans `'again'` stands for: the enclosing `{ loop }` plans, innermost last. */
const loops: ReplyPlan[] = [];

/** A text record's fields: strings, or by their plan (`'integer'` for counts). */
const textFields =
  (fields: { readonly [field: string]: ReplyPlan }) =>
  (name: string, value: string): unknown => {
    const plan = fields[name];
    return plan === undefined || plan === 0 ? value : normalize(value, plan);
  };

function inLoop(value: unknown, plan: ReplyPlan): unknown {
  loops.push(plan);
  try {
    return normalize(value, plan);
  } finally {
    loops.pop();
  }
}

function normalize(value: unknown, plan: ReplyPlan): unknown {
  if (plan === 0 || value === null || value === undefined || value instanceof Error) return value;
  if (plan === 'root') return normalize(value, rootPlan);
  if (plan === 'double') return toDouble(value);
  if (plan === 'integer') return toInteger(value);
  if (plan === 'again') return normalize(value, loops.at(-1) ?? 0);
  if ('loop' in plan) return inLoop(value, plan.loop);
  if ('record' in plan)
    return typeof value === 'string' || Buffer.isBuffer(value)
      ? parseTextRecord(value.toString(), textFields(plan.record))
      : value;
  if ('records' in plan)
    return typeof value === 'string' || Buffer.isBuffer(value)
      ? parseTextRecords(value.toString(), textFields(plan.records))
      : value;
  if ('map' in plan) return toObject(value, () => plan.map);
  if ('object' in plan) return toObject(value, (field) => plan.object[field] ?? plan.rest ?? 0);
  if ('array' in plan) return toArray(value, plan.array);
  if ('tuple' in plan) {
    return Array.isArray(value)
      ? value.map((item, i) => normalize(item, plan.tuple[i] ?? plan.rest ?? 0))
      : value;
  }
  const chosen = plan.union.find((alternative) => alternative !== 0 && fits(alternative, value));
  return chosen === undefined ? value : normalize(value, chosen);
}

/**
 * Shapes a decoded reply (RESP2 or RESP3) into the RESP3-shaped value the command's type
 * promises. In a bigint mode (`inBigInts`), integers the server sends as text become bigints,
 * as the decoder makes its integer replies.
 */
export function normalizeReply(value: RespValue, plan: ReplyPlan, inBigInts = false): unknown {
  if (plan === 0) return value;
  const outer = rootPlan;
  const outerBigInts = bigints;
  rootPlan = plan;
  bigints = inBigInts;
  try {
    return normalize(value, plan);
  } finally {
    rootPlan = outer;
    bigints = outerBigInts;
  }
}

/** `options.withscores` reads a nested option; `#1` the second positional. */
function readParam(params: ArrayLike<unknown>, optionsIndex: number, path: string): unknown {
  if (path.startsWith('#')) return params[Number(path.slice(1))];
  let value: unknown = params[optionsIndex];
  for (const key of path.split('.')) {
    value = isPlainObject(value) ? value[key] : undefined;
  }
  return value;
}

function holds(condition: ReplyCondition, value: unknown): boolean {
  if (condition.absent === true) return value === undefined || value === false;
  if (condition.has !== undefined) return isPlainObject(value) && condition.has in value;
  if (condition.equals !== undefined) return value === condition.equals;
  return value !== undefined && value !== false;
}

/** The plan for one call: the first overlay variant whose conditions all hold, else the default. */
export function selectReplyPlan(
  plan: ReplyPlan,
  variants: readonly ReplyVariant[] | undefined,
  params: ArrayLike<unknown>,
  optionsIndex: number,
): ReplyPlan {
  if (variants === undefined) return plan;
  for (const variant of variants) {
    if (
      variant.when.every((condition) =>
        holds(condition, readParam(params, optionsIndex, condition.path)),
      )
    ) {
      return variant.plan;
    }
  }
  return plan;
}
