import type { CommandSpec, RedisArgument, RespValue } from '@redspec/types/internal';

/** The part of a split multi-key command that goes to one slot. */
export interface SlotGroup {
  readonly slot: number;
  /** The command words, then the keys of this slot with the arguments each one owns. */
  readonly wire: RedisArgument[];
  /** For each key of this group, its index among all the command's keys. */
  readonly keyIndexes: number[];
}

/**
 * Splits a `multi_shard` command (MGET, MSET, DEL …) into one command per slot, keeping key
 * order within each. Every key owns the `step` arguments starting at it (`MSET k v`). Returns
 * undefined for shapes this cannot split safely (several key specs, arguments around the keys).
 */
export function splitBySlot(
  spec: CommandSpec,
  wire: readonly RedisArgument[],
  positions: readonly number[],
  slots: readonly number[],
): SlotGroup[] | undefined {
  const plan = spec.keys?.length === 1 ? spec.keys[0] : undefined;
  const step = plan?.range?.[1] ?? 0;
  const first = positions[0] ?? 0;
  const end = (positions[positions.length - 1] ?? 0) + step;
  if (step < 1 || first !== spec.words.length || end !== wire.length) return undefined;
  const groups = new Map<number, SlotGroup>();
  positions.forEach((position, index) => {
    const slot = slots[index]!;
    let group = groups.get(slot);
    if (group === undefined) {
      group = { slot, wire: wire.slice(0, first), keyIndexes: [] };
      groups.set(slot, group);
    }
    group.wire.push(...wire.slice(position, position + step));
    group.keyIndexes.push(index);
  });
  return [...groups.values()];
}

/**
 * One reply from the groups' replies, by the command's response policy: `agg_sum` adds
 * (DEL, EXISTS, TOUCH, UNLINK), `all_succeeded` is the first (MSET's `OK`), and without a policy
 * array items go back to their keys' places (MGET).
 */
export function mergeSplitReplies(
  spec: CommandSpec,
  groups: readonly SlotGroup[],
  replies: readonly RespValue[],
): RespValue {
  switch (spec.responsePolicy) {
    case 'agg_sum':
      return replies.reduce<number>((sum, reply) => sum + Number(reply), 0);
    case 'all_succeeded':
      return replies[0] ?? null;
    default: {
      const merged: RespValue[] = [];
      groups.forEach((group, g) => {
        const items = replies[g] as RespValue[];
        group.keyIndexes.forEach((keyIndex, i) => (merged[keyIndex] = items[i] ?? null));
      });
      return merged;
    }
  }
}
