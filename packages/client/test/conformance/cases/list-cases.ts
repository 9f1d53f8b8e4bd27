import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const fill = ({ client, key }: CaseContext, name = 'list'): Promise<unknown> =>
  client.del(key(name)).then(() => client.rpush(key(name), ['a', 'b', 'c', 'b', 'd']));

/** List commands; the blocking ones find data waiting, so they answer at once. */
export const listCases: readonly ConformanceCase[] = [
  conformanceCase('rpush', {
    setup: ({ client, key }) => client.del(key('list')),
    args: ({ key }) => [key('list'), ['a', 'b', 'c', 'b', 'd']],
    check: (reply) => expect(reply).toBe(5),
  }),
  conformanceCase('lpush', { args: ({ key }) => [key('list2'), 'x'] }),
  conformanceCase('rpushx', { args: ({ key }) => [key('list2'), ['y', 'z']] }),
  conformanceCase('lpushx', {
    args: ({ key }) => [key('missing'), 'x'],
    check: (reply) => expect(reply).toBe(0),
  }),
  conformanceCase('llen', { setup: fill, args: ({ key }) => [key('list')] }),
  conformanceCase('lrange', {
    setup: fill,
    args: ({ key }) => [key('list'), 0, -1],
    check: (reply) => expect(reply).toEqual(['a', 'b', 'c', 'b', 'd']),
  }),
  conformanceCase('lindex', { setup: fill, args: ({ key }) => [key('list'), 1] }),
  conformanceCase('lindex', { label: 'out of range', args: ({ key }) => [key('list'), 99] }),
  conformanceCase('linsert', {
    setup: fill,
    args: ({ key }) => [key('list'), 'BEFORE', 'c', 'bb'],
    check: (reply) => expect(reply).toBe(6),
  }),
  conformanceCase('lpos', { setup: fill, args: ({ key }) => [key('list'), 'b'] }),
  conformanceCase('lpos', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('list'), 'b', { count: 0, rank: 1, maxlen: 10 }],
    check: (reply) => expect(reply).toEqual([1, 3]),
  }),
  conformanceCase('lpos', { label: 'missing', args: ({ key }) => [key('list'), 'nope'] }),
  conformanceCase('lpos', {
    label: 'count missing',
    args: ({ key }) => [key('missing'), 'a', { count: 2 }],
    check: (reply) => expect(reply).toEqual([]),
  }),
  conformanceCase('lset', { setup: fill, args: ({ key }) => [key('list'), 0, 'A'] }),
  conformanceCase('lrem', { setup: fill, args: ({ key }) => [key('list'), 0, 'b'] }),
  conformanceCase('ltrim', { setup: fill, args: ({ key }) => [key('list'), 0, 2] }),
  conformanceCase('lpop', { setup: fill, args: ({ key }) => [key('list')] }),
  conformanceCase('lpop', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('list'), 2],
    check: (reply) => expect(reply).toEqual(['a', 'b']),
  }),
  conformanceCase('lpop', { label: 'count missing', args: ({ key }) => [key('missing'), 2] }),
  conformanceCase('rpop', { setup: fill, args: ({ key }) => [key('list')] }),
  conformanceCase('rpop', { label: 'count', setup: fill, args: ({ key }) => [key('list'), 3] }),
  conformanceCase('rpop', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('rpoplpush', { setup: fill, args: ({ key }) => [key('list'), key('list2')] }),
  conformanceCase('lmove', {
    setup: fill,
    args: ({ key }) => [key('list'), key('list2'), 'LEFT', 'RIGHT'],
  }),
  conformanceCase('lmpop', {
    setup: fill,
    args: ({ key }) => [[key('missing'), key('list')], 'LEFT', { count: 2 }],
    check: (reply, { key }) => expect(reply).toEqual([key('list'), ['a', 'b']]),
  }),
  conformanceCase('lmpop', { label: 'empty', args: ({ key }) => [key('missing'), 'RIGHT'] }),
  conformanceCase('blpop', {
    setup: fill,
    args: ({ key }) => [[key('missing'), key('list')], 1],
    check: (reply, { key }) => expect(reply).toEqual([key('list'), 'a']),
  }),
  conformanceCase('brpop', { setup: fill, args: ({ key }) => [key('list'), 1] }),
  conformanceCase('brpop', { label: 'timeout', args: ({ key }) => [key('missing'), 0.01] }),
  conformanceCase('brpoplpush', {
    setup: fill,
    args: ({ key }) => [key('list'), key('list2'), 1],
  }),
  conformanceCase('blmove', {
    setup: fill,
    args: ({ key }) => [key('list'), key('list2'), 'RIGHT', 'LEFT', 1],
  }),
  conformanceCase('blmpop', {
    setup: fill,
    args: ({ key }) => [1, key('list'), 'RIGHT', { count: 10 }],
  }),
  conformanceCase('blmpop', {
    label: 'timeout',
    args: ({ key }) => [0.01, key('missing'), 'LEFT'],
  }),
];
