import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const fill = ({ client, key }: CaseContext): Promise<unknown> =>
  client.del(key('hash')).then(() => client.hset(key('hash'), { f1: 'v1', f2: 'v2', n: '5' }));

/** Hash commands; HGETALL is a map on RESP3 and a flat array on RESP2, an object on both here. */
export const hashCases: readonly ConformanceCase[] = [
  conformanceCase('hset', {
    setup: ({ client, key }) => client.del(key('hash')),
    args: ({ key }) => [key('hash'), { f1: 'v1', f2: 'v2', n: '5' }],
    check: (reply) => expect(reply).toBe(3),
  }),
  conformanceCase('hmset', { args: ({ key }) => [key('hash2'), new Map([['a', '1']])] }),
  conformanceCase('hsetnx', { setup: fill, args: ({ key }) => [key('hash'), 'f1', 'x'] }),
  conformanceCase('hget', { setup: fill, args: ({ key }) => [key('hash'), 'f1'] }),
  conformanceCase('hget', { label: 'missing', args: ({ key }) => [key('hash'), 'nope'] }),
  conformanceCase('hmget', {
    setup: fill,
    args: ({ key }) => [key('hash'), ['f1', 'nope']],
    check: (reply) => expect(reply).toEqual(['v1', null]),
  }),
  conformanceCase('hgetall', {
    setup: fill,
    args: ({ key }) => [key('hash')],
    check: (reply) => expect(reply).toEqual({ f1: 'v1', f2: 'v2', n: '5' }),
  }),
  conformanceCase('hgetall', {
    label: 'missing',
    args: ({ key }) => [key('missing')],
    check: (reply) => expect(reply).toEqual({}),
  }),
  conformanceCase('hkeys', { setup: fill, args: ({ key }) => [key('hash')] }),
  conformanceCase('hvals', { setup: fill, args: ({ key }) => [key('hash')] }),
  conformanceCase('hlen', { setup: fill, args: ({ key }) => [key('hash')] }),
  conformanceCase('hexists', { setup: fill, args: ({ key }) => [key('hash'), 'f2'] }),
  conformanceCase('hstrlen', { setup: fill, args: ({ key }) => [key('hash'), 'f2'] }),
  conformanceCase('hdel', { setup: fill, args: ({ key }) => [key('hash'), ['f1', 'nope']] }),
  conformanceCase('hincrby', {
    setup: fill,
    args: ({ key }) => [key('hash'), 'n', 2],
    check: (reply) => expect(reply).toBe(7),
  }),
  conformanceCase('hincrbyfloat', {
    setup: fill,
    args: ({ key }) => [key('hash'), 'n', 0.5],
    check: (reply) => expect(reply).toBe('5.5'),
  }),
  conformanceCase('hrandfield', { setup: fill, args: ({ key }) => [key('hash')], volatile: true }),
  conformanceCase('hrandfield', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('hrandfield', {
    label: 'count',
    setup: fill,
    args: ({ key }) => [key('hash'), { options: { count: 2 } }],
    volatile: true,
    check: (reply) => expect(reply).toHaveLength(2),
  }),
  conformanceCase('hrandfield', {
    label: 'withvalues',
    setup: fill,
    args: ({ key }) => [key('hash'), { options: { count: 3, withvalues: true } }],
    volatile: true,
    check: (reply) => expect(reply).toHaveLength(3),
  }),
  conformanceCase('hrandfield', {
    label: 'withvalues missing',
    args: ({ key }) => [key('missing'), { options: { count: 2, withvalues: true } }],
    check: (reply) => expect(reply).toEqual([]),
  }),
  conformanceCase('hscan', {
    setup: fill,
    args: ({ key }) => [key('hash'), 0, { match: 'f*', count: 10 }],
    check: (reply) =>
      expect(reply).toEqual([
        '0',
        [
          ['f1', 'v1'],
          ['f2', 'v2'],
        ],
      ]),
  }),
];
