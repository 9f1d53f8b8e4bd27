import { KeyFlag, type CommandSpec, type KeySpecPlan } from './command-spec.js';
import type { RedisArgument } from './resp-values.js';

/** Options of `commandKeyPositions`. */
export interface KeyPositionOptions {
  /** Also find `NOT_KEY` arguments: shard channels (SPUBLISH), which hash to slots like keys. */
  channels?: boolean;
}

/**
 * The wire positions of an encoded command's keys, in key spec order, found the way Redis
 * itself does (`getKeysUsingKeySpecs` in `src/db.c`): positions count from the command name,
 * so `wire[index]` is the first key (`OBJECT ENCODING key` has index 2). Channels (`NOT_KEY`)
 * are skipped unless asked for. Cluster routing uses it to pick a slot and to split multi-key
 * commands per slot.
 *
 * @example
 * commandKeyPositions(commandTable.eval, ['EVAL', 'return 1', 2, 'a', 'b', 'x']); // [3, 4]
 */
export function commandKeyPositions(
  spec: CommandSpec,
  wire: readonly RedisArgument[],
  options?: KeyPositionOptions,
): number[] {
  const positions: number[] = [];
  const skip = options?.channels === true ? 0 : KeyFlag.NOT_KEY;
  for (const plan of spec.keys ?? []) {
    if ((plan.flags & skip) !== 0) continue;
    const first = beginSearch(plan, wire);
    if (first !== undefined) positions.push(...findKeys(plan, wire, first));
  }
  const correct = corrections[spec.name];
  return correct === undefined ? positions : correct(positions, wire);
}

/**
 * The wire position of a command's only key when its key specs name exactly one, at a fixed
 * index (GET k, SET k v, INCR k, HGET k f: most commands of a batch), else -1. Cluster routing
 * asks it first, so those commands need none of the arrays `commandKeyPositions` builds; the
 * answer is the same (its first and only position), tested over every such command of the table.
 * It needs only the number of wire words, so a plain call is routed without building them.
 */
export function soleKeyPosition(spec: CommandSpec, wireLength: number): number {
  const keys = spec.keys;
  if (keys === undefined || keys.length !== 1) return -1;
  const plan = keys[0]!;
  const index = plan.index;
  if (index === undefined || index >= wireLength || (plan.flags & KeyFlag.NOT_KEY) !== 0) return -1;
  const range = plan.range;
  if (range === undefined || range[0] !== 0 || range[1] < 1 || corrections[spec.name] !== undefined)
    return -1;
  return index;
}

/**
 * The keys of an encoded command (see `commandKeyPositions`).
 *
 * @example
 * commandKeys(commandTable.mset, ['MSET', 'a', '1', 'b', '2']); // ['a', 'b']
 */
export function commandKeys(spec: CommandSpec, wire: readonly RedisArgument[]): RedisArgument[] {
  return commandKeyPositions(spec, wire).map((position) => wire[position]!);
}

/** Where the first key is, or undefined when the spec finds none in this call. */
function beginSearch(plan: KeySpecPlan, wire: readonly RedisArgument[]): number | undefined {
  if (plan.index !== undefined) return plan.index < wire.length ? plan.index : undefined;
  if (plan.keyword === undefined || plan.startFrom === undefined) return undefined;
  const keyword = plan.keyword.toUpperCase();
  const forward = plan.startFrom > 0;
  const start = forward ? plan.startFrom : wire.length + plan.startFrom;
  // As Redis: forward searches stop before the last argument, backward ones before the name.
  const end = forward ? wire.length - 1 : 0;
  for (let i = start; i !== end; i += start <= end ? 1 : -1) {
    if (i >= wire.length || i < 0) break;
    if (String(wire[i]).toUpperCase() === keyword) return i + 1;
  }
  return undefined;
}

function findKeys(plan: KeySpecPlan, wire: readonly RedisArgument[], start: number): number[] {
  const argc = wire.length;
  let first = start;
  let last: number;
  let step: number;
  if (plan.range !== undefined) {
    const [lastKey, keyStep, limit] = plan.range;
    step = keyStep;
    if (lastKey >= 0) last = first + lastKey;
    else if (limit === 0) last = argc + lastKey;
    // `limit` splits the rest: XREAD STREAMS a b 0 0 has keys in the first half.
    else last = first + Math.floor((argc - first) / limit) + lastKey;
  } else if (plan.keynum !== undefined) {
    const [keyNumIdx, firstKey, keyStep] = plan.keynum;
    step = keyStep;
    if (keyNumIdx >= argc - first) return [];
    const count = Number(String(wire[first + keyNumIdx]));
    if (!Number.isInteger(count) || count < 0) return [];
    first += firstKey;
    last = first + count - 1;
  } else {
    return [];
  }
  if (last >= argc || last < first || first >= argc || step < 1) return [];
  const positions: number[] = [];
  for (let i = first; i <= last; i += step) positions.push(i);
  return positions;
}

type Correction = (positions: number[], wire: readonly RedisArgument[]) => number[];

/**
 * Where the specs fall short, keys are found as Redis' own `getkeys_proc` callbacks find them
 * (`src/db.c`). SORT's `STORE` destination has a spec of unknown shape (its `BY`/`GET`
 * patterns too, but those are not keys to route by). MIGRATE's `KEYS` spec is `INCOMPLETE`:
 * searched backwards, it can stop at a key named `KEYS`.
 */
const corrections: Readonly<Record<string, Correction>> = {
  SORT: (positions, wire) => {
    const store = sortStorePosition(wire);
    return store === undefined ? positions : [...positions, store];
  },
  MIGRATE: (_positions, wire) => migrateKeyPositions(wire),
};

/** `sortGetKeys`: the last `STORE` outside `LIMIT`/`BY`/`GET` operands. */
function sortStorePosition(wire: readonly RedisArgument[]): number | undefined {
  const operands: Readonly<Record<string, number>> = { LIMIT: 2, GET: 1, BY: 1 };
  let found: number | undefined;
  for (let i = 2; i < wire.length; i++) {
    const word = String(wire[i]).toUpperCase();
    if (word === 'STORE' && i + 1 < wire.length) found = i + 1;
    else i += operands[word] ?? 0;
  }
  return found;
}

/** `migrateGetKeys`: argument 3, or with `KEYS` (argument 3 then empty) every key after it. */
function migrateKeyPositions(wire: readonly RedisArgument[]): number[] {
  const operands: Readonly<Record<string, number>> = { AUTH: 1, AUTH2: 2 };
  for (let i = 6; i < wire.length; i++) {
    const word = String(wire[i]).toUpperCase();
    if (word === 'KEYS') return Array.from({ length: wire.length - i - 1 }, (_, k) => i + 1 + k);
    i += operands[word] ?? 0;
  }
  return wire.length > 3 ? [3] : [];
}
