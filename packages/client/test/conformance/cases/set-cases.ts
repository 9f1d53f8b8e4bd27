import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const fill = async ({ client, key }: CaseContext): Promise<void> => {
  await client.del([key('set1'), key('set2')]);
  await client.sadd(key('set1'), ['a', 'b', 'c']);
  await client.sadd(key('set2'), ['b', 'c', 'd']);
};

/** Set commands; set replies (RESP3 `~`) arrive as arrays on both protocols. */
export const setCases: readonly ConformanceCase[] = [
  conformanceCase('sadd', {
    setup: ({ client, key }) => client.del(key('set1')),
    args: ({ key }) => [key('set1'), ['a', 'b', 'c']],
    check: (reply) => expect(reply).toBe(3),
  }),
  conformanceCase('scard', { setup: fill, args: ({ key }) => [key('set1')] }),
  conformanceCase('smembers', {
    setup: fill,
    args: ({ key }) => [key('set1')],
    check: (reply) => expect([...reply].sort()).toEqual(['a', 'b', 'c']),
  }),
  conformanceCase('sismember', { setup: fill, args: ({ key }) => [key('set1'), 'a'] }),
  conformanceCase('smismember', {
    setup: fill,
    args: ({ key }) => [key('set1'), ['a', 'z']],
    check: (reply) => expect(reply).toEqual([1, 0]),
  }),
  conformanceCase('sdiff', { setup: fill, args: ({ key }) => [[key('set1'), key('set2')]] }),
  conformanceCase('sinter', { setup: fill, args: ({ key }) => [[key('set1'), key('set2')]] }),
  conformanceCase('sunion', { setup: fill, args: ({ key }) => [[key('set1'), key('set2')]] }),
  conformanceCase('sintercard', {
    setup: fill,
    args: ({ key }) => [[key('set1'), key('set2')], { limit: 10 }],
    check: (reply) => expect(reply).toBe(2),
  }),
  conformanceCase('sdiffstore', {
    setup: fill,
    args: ({ key }) => [key('setd'), [key('set1'), key('set2')]],
  }),
  conformanceCase('sinterstore', {
    setup: fill,
    args: ({ key }) => [key('setd'), [key('set1'), key('set2')]],
  }),
  conformanceCase('sunionstore', {
    setup: fill,
    args: ({ key }) => [key('setd'), [key('set1'), key('set2')]],
  }),
  conformanceCase('smove', { setup: fill, args: ({ key }) => [key('set1'), key('set2'), 'a'] }),
  conformanceCase('srem', { setup: fill, args: ({ key }) => [key('set1'), ['a', 'z']] }),
  conformanceCase('spop', { setup: fill, args: ({ key }) => [key('set1')], volatile: true }),
  conformanceCase('spop', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('spop', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('set1'), 2],
    volatile: true,
    check: (reply) => expect(reply).toHaveLength(2),
  }),
  conformanceCase('spop', { label: 'count missing', args: ({ key }) => [key('missing'), 2] }),
  conformanceCase('srandmember', { setup: fill, args: ({ key }) => [key('set1')], volatile: true }),
  conformanceCase('srandmember', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('srandmember', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('set1'), -5],
    volatile: true,
    check: (reply) => expect(reply).toHaveLength(5),
  }),
  conformanceCase('sscan', {
    setup: fill,
    args: ({ key }) => [key('set1'), 0, { match: '*', count: 100 }],
    check: (reply) => expect(reply[0]).toBe('0'),
  }),
];
