import { commandTable } from '@redspec/types/internal';
import { describe, expect, it } from 'vitest';
import { mergeSplitReplies, splitBySlot } from './split-by-slot.js';

describe('splitBySlot', () => {
  it('gives each key its step of arguments', () => {
    const groups = splitBySlot(
      commandTable.mset,
      ['MSET', 'a', '1', 'b', '2', 'c', '3'],
      [1, 3, 5],
      [7, 9, 7],
    );
    expect(groups).toEqual([
      { slot: 7, wire: ['MSET', 'a', '1', 'c', '3'], keyIndexes: [0, 2] },
      { slot: 9, wire: ['MSET', 'b', '2'], keyIndexes: [1] },
    ]);
  });

  it('declines shapes with arguments around the keys', () => {
    const wire = ['SUNIONSTORE', 'd', 'a', 'b'];
    expect(splitBySlot(commandTable.sunionstore, wire, [1, 2, 3], [1, 2, 3])).toBeUndefined();
  });
});

describe('mergeSplitReplies', () => {
  const groups = [
    { slot: 7, wire: [], keyIndexes: [0, 2] },
    { slot: 9, wire: [], keyIndexes: [1] },
  ];

  it('puts MGET values back at their keys', () => {
    expect(mergeSplitReplies(commandTable.mget, groups, [['a', null], ['b']])).toEqual([
      'a',
      'b',
      null,
    ]);
  });

  it('sums agg_sum replies and keeps the first all_succeeded one', () => {
    expect(mergeSplitReplies(commandTable.del, groups, [2, 1])).toBe(3);
    expect(mergeSplitReplies(commandTable.mset, groups, ['OK', 'OK'])).toBe('OK');
  });
});
