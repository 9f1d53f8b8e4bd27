import type { ReplyMode } from '../backend/command-backend.js';
import {
  CommandFlag,
  KeyFlag,
  type CommandSpec,
  type PreparedCommand,
  type RedisArgument,
} from '@redspec/types/internal';

/** Any flag that disqualifies a command: it writes, blocks, or belongs to pub/sub. */
const EXCLUDED_FLAGS =
  CommandFlag.WRITE |
  CommandFlag.BLOCKING |
  CommandFlag.PUBSUB |
  CommandFlag.TOUCHES_ARBITRARY_KEYS;
/** Any key spec flag that disqualifies it: not a plain read of a key the spec finds fully. */
const EXCLUDED_KEY_FLAGS =
  KeyFlag.RW |
  KeyFlag.OW |
  KeyFlag.RM |
  KeyFlag.NOT_KEY |
  KeyFlag.INCOMPLETE |
  KeyFlag.VARIABLE_FLAGS;

const decided = new WeakMap<CommandSpec, boolean>();

/**
 * Whether replies of this command may be served from the client-side cache, decided from the
 * spec alone (issue 14): flagged READONLY and none of WRITE, BLOCKING, PUBSUB,
 * TOUCHES_ARBITRARY_KEYS; without the NONDETERMINISTIC_OUTPUT tip (TTL, SRANDMEMBER); exactly one
 * key, at a fixed position, read-only (`RO`) in its key spec. One key keeps the invalidation
 * exact and, in a cluster, the entry on one node. The resulting list is in the guide and
 * checked against this rule by `cacheable-command.test.ts`.
 */
export function isCacheable(spec: CommandSpec | undefined): boolean {
  if (spec === undefined) return false;
  let verdict = decided.get(spec);
  if (verdict === undefined) {
    verdict = decide(spec);
    decided.set(spec, verdict);
  }
  return verdict;
}

function decide(spec: CommandSpec): boolean {
  if ((spec.flags & CommandFlag.READONLY) === 0 || (spec.flags & EXCLUDED_FLAGS) !== 0)
    return false;
  if (spec.nondeterministic === true || spec.keys?.length !== 1) return false;
  const [key] = spec.keys;
  const single = key!.index !== undefined && key!.range?.[0] === 0;
  return single && (key!.flags & KeyFlag.RO) !== 0 && (key!.flags & EXCLUDED_KEY_FLAGS) === 0;
}

/** The one key of a cacheable command, as invalidation messages name it (UTF-8 text). */
export function cachedKeyName(command: PreparedCommand): string {
  return keyText(command.args[command.spec!.keys![0]!.index!]!);
}

/** A key as the server's invalidation messages decode: the same text for the same bytes. */
export function keyText(key: RedisArgument): string {
  return typeof key === 'string' ? key : key.toString();
}

const planIds = new Map<unknown, number>();

/** A reply mode in a cache key: a Buffer or bigint view must never get a string view's entry. */
export function replyModeTag(mode: ReplyMode): string {
  return (mode.buffers ? 'B' : 'S') + (mode.bigints ? 'n' : '');
}

/**
 * The cache key of one call: the reply mode, the reply plan (a raw `sendCommand` reply is
 * shaped differently from the typed method's), and every argument, each tagged and
 * length-prefixed so that no two different calls share a key (Buffers as latin1: one char per byte).
 */
export function cacheKeyOf(command: PreparedCommand, modeTag: string): string {
  let plan = planIds.get(command.plan);
  if (plan === undefined) {
    plan = planIds.size;
    planIds.set(command.plan, plan);
  }
  let key = `${modeTag}${plan}`;
  for (const arg of command.args) {
    if (typeof arg === 'string') key += `|s${arg.length}:${arg}`;
    else if (typeof arg === 'number') key += `|n${arg}`;
    else key += `|b${arg.length}:${arg.toString('latin1')}`;
  }
  return key;
}
