import type { RedisArgument } from '@redspec/types';
import calculateSlot from 'cluster-key-slot';

/** Redis Cluster's fixed number of hash slots. */
export const SLOT_COUNT = 16_384;

/**
 * The hash slot of a key: CRC16 of the key, or of its `{hashtag}` when the key has a non-empty
 * one, modulo 16384. Numbers hash as their decimal form, as the encoder sends them.
 *
 * @example
 * keySlot('user:{42}:name') === keySlot('user:{42}:email'); // true: same hashtag
 */
export function keySlot(key: RedisArgument): number {
  return calculateSlot(typeof key === 'number' ? String(key) : key);
}
