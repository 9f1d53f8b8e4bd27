import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const fill = async ({ client, key }: CaseContext): Promise<void> => {
  await client.del([key('z1'), key('z2')]);
  await client.zadd(key('z1'), [
    [1, 'a'],
    [2.5, 'b'],
    [3, 'c'],
  ]);
  await client.zadd(key('z2'), [
    [10, 'b'],
    [20, 'c'],
    [30, 'd'],
  ]);
};

const fillLex = ({ client, key }: CaseContext): Promise<unknown> =>
  client.zadd(key('zlex'), [
    [0, 'a'],
    [0, 'b'],
    [0, 'c'],
    [0, 'd'],
  ]);

/** Sorted-set commands, each WITHSCORES variant included: pairs with number scores on both protocols. */
export const sortedSetCases: readonly ConformanceCase[] = [
  conformanceCase('zadd', {
    setup: ({ client, key }) => client.del(key('z1')),
    args: ({ key }) => [
      key('z1'),
      [
        [1, 'a'],
        [2.5, 'b'],
        [3, 'c'],
      ],
      { ch: true },
    ],
    check: (reply) => expect(reply).toBe(3),
  }),
  conformanceCase('zadd', {
    label: 'incr',
    setup: fill,
    args: ({ key }) => [key('z1'), [[0.5, 'a']], { incr: true }],
    check: (reply) => expect(reply).toBe(1.5),
  }),
  conformanceCase('zadd', {
    label: 'incr blocked by nx',
    setup: fill,
    args: ({ key }) => [key('z1'), [[1, 'a']], { incr: true, condition: 'NX' }],
    check: (reply) => expect(reply).toBeNull(),
  }),
  conformanceCase('zcard', { setup: fill, args: ({ key }) => [key('z1')] }),
  conformanceCase('zcount', { setup: fill, args: ({ key }) => [key('z1'), 1, 2.5] }),
  conformanceCase('zscore', {
    setup: fill,
    args: ({ key }) => [key('z1'), 'b'],
    check: (reply) => expect(reply).toBe(2.5),
  }),
  conformanceCase('zscore', { label: 'missing', args: ({ key }) => [key('z1'), 'nope'] }),
  conformanceCase('zscore', {
    label: 'infinite',
    setup: ({ client, key }) =>
      client.zadd(key('zinf'), [
        [-Infinity, 'low'],
        [Infinity, 'high'],
      ]),
    args: ({ key }) => [key('zinf'), 'high'],
    check: (reply) => expect(reply).toBe(Infinity),
  }),
  conformanceCase('zmscore', {
    setup: fill,
    args: ({ key }) => [key('z1'), ['a', 'nope', 'b']],
    check: (reply) => expect(reply).toEqual([1, null, 2.5]),
  }),
  conformanceCase('zincrby', {
    setup: fill,
    args: ({ key }) => [key('z1'), 1.25, 'a'],
    check: (reply) => expect(reply).toBe(2.25),
  }),
  conformanceCase('zrank', { setup: fill, args: ({ key }) => [key('z1'), 'b'] }),
  conformanceCase('zrank', { label: 'missing', args: ({ key }) => [key('z1'), 'nope'] }),
  conformanceCase('zrevrank', { setup: fill, args: ({ key }) => [key('z1'), 'b'] }),
  conformanceCase('zrange', {
    setup: fill,
    args: ({ key }) => [key('z1'), 0, -1],
    check: (reply) => expect(reply).toEqual(['a', 'b', 'c']),
  }),
  conformanceCase('zrange', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [key('z1'), 0, -1, { withscores: true }],
    check: (reply) =>
      expect(reply).toEqual([
        ['a', 1],
        ['b', 2.5],
        ['c', 3],
      ]),
  }),
  conformanceCase('zrange', {
    label: 'byscore rev limit withscores',
    setup: fill,
    args: ({ key }) => [
      key('z1'),
      '+inf',
      '(1',
      { sortby: 'BYSCORE', rev: true, limit: { offset: 0, count: 1 }, withscores: true },
    ],
    check: (reply) => expect(reply).toEqual([['c', 3]]),
  }),
  conformanceCase('zrange', {
    label: 'withscores infinite',
    args: ({ key }) => [key('zinf'), 0, -1, { withscores: true }],
    check: (reply) =>
      expect(reply).toEqual([
        ['low', -Infinity],
        ['high', Infinity],
      ]),
  }),
  conformanceCase('zrangebyscore', { setup: fill, args: ({ key }) => [key('z1'), 1, 3] }),
  conformanceCase('zrangebyscore', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [key('z1'), -Infinity, Infinity, { withscores: true }],
    check: (reply) =>
      expect(reply).toEqual([
        ['a', 1],
        ['b', 2.5],
        ['c', 3],
      ]),
  }),
  conformanceCase('zrevrangebyscore', { setup: fill, args: ({ key }) => [key('z1'), 3, 1] }),
  conformanceCase('zrevrangebyscore', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [key('z1'), 3, 1, { withscores: true, limit: { offset: 0, count: 2 } }],
    check: (reply) =>
      expect(reply).toEqual([
        ['c', 3],
        ['b', 2.5],
      ]),
  }),
  conformanceCase('zrevrange', { setup: fill, args: ({ key }) => [key('z1'), 0, -1] }),
  conformanceCase('zrevrange', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [key('z1'), 0, 0, { withscores: true }],
    check: (reply) => expect(reply).toEqual([['c', 3]]),
  }),
  conformanceCase('zrangebylex', {
    setup: fillLex,
    args: ({ key }) => [key('zlex'), '[b', '+', { limit: { offset: 0, count: 10 } }],
    check: (reply) => expect(reply).toEqual(['b', 'c', 'd']),
  }),
  conformanceCase('zrevrangebylex', { setup: fillLex, args: ({ key }) => [key('zlex'), '+', '-'] }),
  conformanceCase('zlexcount', { setup: fillLex, args: ({ key }) => [key('zlex'), '-', '(c'] }),
  conformanceCase('zremrangebylex', {
    setup: fillLex,
    args: ({ key }) => [key('zlex'), '[a', '[b'],
  }),
  conformanceCase('zrangestore', {
    setup: fill,
    args: ({ key }) => [key('zdst'), key('z1'), 0, -1],
    check: (reply) => expect(reply).toBe(3),
  }),
  conformanceCase('zrem', { setup: fill, args: ({ key }) => [key('z1'), ['a', 'nope']] }),
  conformanceCase('zremrangebyrank', { setup: fill, args: ({ key }) => [key('z1'), 0, 0] }),
  conformanceCase('zremrangebyscore', { setup: fill, args: ({ key }) => [key('z1'), 2, 3] }),
  conformanceCase('zdiff', { setup: fill, args: ({ key }) => [[key('z1'), key('z2')]] }),
  conformanceCase('zdiff', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [[key('z1'), key('z2')], { withscores: true }],
    check: (reply) => expect(reply).toEqual([['a', 1]]),
  }),
  conformanceCase('zdiffstore', {
    setup: fill,
    args: ({ key }) => [key('zdst'), [key('z1'), key('z2')]],
  }),
  conformanceCase('zinter', { setup: fill, args: ({ key }) => [[key('z1'), key('z2')]] }),
  conformanceCase('zinter', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [
      [key('z1'), key('z2')],
      { weights: [2, 1], aggregate: 'SUM', withscores: true },
    ],
    check: (reply) =>
      expect(reply).toEqual([
        ['b', 15],
        ['c', 26],
      ]),
  }),
  conformanceCase('zintercard', {
    setup: fill,
    args: ({ key }) => [[key('z1'), key('z2')], { limit: 0 }],
  }),
  conformanceCase('zinterstore', {
    setup: fill,
    args: ({ key }) => [key('zdst'), [key('z1'), key('z2')], { aggregate: 'MAX' }],
  }),
  conformanceCase('zunion', { setup: fill, args: ({ key }) => [[key('z1'), key('z2')]] }),
  conformanceCase('zunion', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [[key('z1'), key('z2')], { aggregate: 'MIN', withscores: true }],
    check: (reply) =>
      expect(reply).toEqual([
        ['a', 1],
        ['b', 2.5],
        ['c', 3],
        ['d', 30],
      ]),
  }),
  conformanceCase('zunionstore', {
    setup: fill,
    args: ({ key }) => [key('zdst'), [key('z1'), key('z2')], { weights: [1, 0.5] }],
  }),
  conformanceCase('zpopmin', {
    setup: fill,
    args: ({ key }) => [key('z1')],
    check: (reply) => expect(reply).toEqual(['a', 1]),
  }),
  conformanceCase('zpopmin', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('z1'), 2],
    check: (reply) =>
      expect(reply).toEqual([
        ['a', 1],
        ['b', 2.5],
      ]),
  }),
  conformanceCase('zpopmax', {
    setup: fill,
    args: ({ key }) => [key('z1')],
    check: (reply) => expect(reply).toEqual(['c', 3]),
  }),
  conformanceCase('zpopmax', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('z1'), 1],
    check: (reply) => expect(reply).toEqual([['c', 3]]),
  }),
  conformanceCase('zpopmax', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('zpopmin', { label: 'count missing', args: ({ key }) => [key('missing'), 2] }),
  conformanceCase('zmpop', {
    setup: fill,
    args: ({ key }) => [[key('missing'), key('z1')], 'MAX', { count: 2 }],
    check: (reply, { key }) =>
      expect(reply).toEqual([
        key('z1'),
        [
          ['c', 3],
          ['b', 2.5],
        ],
      ]),
  }),
  conformanceCase('zmpop', { label: 'empty', args: ({ key }) => [key('missing'), 'MIN'] }),
  conformanceCase('bzmpop', {
    setup: fill,
    args: ({ key }) => [1, key('z1'), 'MIN'],
    check: (reply, { key }) => expect(reply).toEqual([key('z1'), [['a', 1]]]),
  }),
  conformanceCase('bzmpop', { label: 'timeout', args: ({ key }) => [0.01, key('missing'), 'MIN'] }),
  conformanceCase('bzpopmin', {
    setup: fill,
    args: ({ key }) => [key('z1'), 1],
    check: (reply, { key }) => expect(reply).toEqual([key('z1'), 'a', 1]),
  }),
  conformanceCase('bzpopmax', { setup: fill, args: ({ key }) => [[key('missing'), key('z1')], 1] }),
  conformanceCase('bzpopmax', { label: 'timeout', args: ({ key }) => [key('missing'), 0.01] }),
  conformanceCase('zrandmember', { setup: fill, args: ({ key }) => [key('z1')], volatile: true }),
  conformanceCase('zrandmember', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('zrandmember', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('z1'), { options: { count: 2 } }],
    volatile: true,
    check: (reply) => expect(reply).toHaveLength(2),
  }),
  conformanceCase('zrandmember', {
    label: 'withscores',
    setup: fill,
    args: ({ key }) => [key('z1'), { options: { count: -2, withscores: true } }],
    volatile: true,
    check: (reply) => expect(reply).toEqual([expect.any(Array), expect.any(Array)]),
  }),
  conformanceCase('zscan', {
    setup: fill,
    args: ({ key }) => [key('z1'), 0, { match: '*', count: 10 }],
    check: (reply) =>
      expect(reply).toEqual([
        '0',
        [
          ['a', 1],
          ['b', 2.5],
          ['c', 3],
        ],
      ]),
  }),
];
