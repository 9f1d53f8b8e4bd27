import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

/** A stream of three entries (ids 1-1, 2-1, 3-1); group `g` has delivered them all to `alice`. */
const fill = async ({ client, key }: CaseContext): Promise<void> => {
  const stream = key('stream');
  await client.del(stream);
  for (const id of ['1-1', '2-1', '3-1']) await client.xadd(stream, id, { field: id });
  await client.xgroupCreate(stream, 'g', '0');
  await client.xreadgroup({ group: 'g', consumer: 'alice' }, { key: stream, id: '>' });
};

const entry = (id: string): [string, string[]] => [id, ['field', id]];

/** Stream commands, their entry, group and consumer introspection, and the JUSTID variants. */
export const streamCases: readonly ConformanceCase[] = [
  conformanceCase('xadd', {
    setup: ({ client, key }) => client.del(key('stream')),
    args: ({ key }) => [
      key('stream'),
      '*',
      [
        ['a', '1'],
        ['b', '2'],
      ],
      { trim: { strategy: 'MAXLEN', operator: '~', threshold: 100 } },
    ],
    volatile: true,
  }),
  conformanceCase('xadd', {
    label: 'nomkstream',
    args: ({ key }) => [key('missing'), '*', { a: '1' }, { nomkstream: true }],
    check: (reply) => expect(reply).toBeNull(),
  }),
  conformanceCase('xlen', { setup: fill, args: ({ key }) => [key('stream')] }),
  conformanceCase('xrange', {
    setup: fill,
    args: ({ key }) => [key('stream'), '-', '+', { count: 2 }],
    check: (reply) => expect(reply).toEqual([entry('1-1'), entry('2-1')]),
  }),
  conformanceCase('xrevrange', {
    setup: fill,
    args: ({ key }) => [key('stream'), '+', '-'],
    check: (reply) => expect(reply).toEqual([entry('3-1'), entry('2-1'), entry('1-1')]),
  }),
  conformanceCase('xread', {
    setup: fill,
    args: ({ key }) => [{ key: key('stream'), id: '1-1' }, { count: 1 }],
    check: (reply, { key }) => expect(reply).toEqual({ [key('stream')]: [entry('2-1')] }),
  }),
  conformanceCase('xread', {
    label: 'nothing new',
    setup: fill,
    args: ({ key }) => [{ key: key('stream'), id: '3-1' }],
    check: (reply) => expect(reply).toBeNull(),
  }),
  conformanceCase('xreadgroup', {
    setup: async (ctx) => {
      await fill(ctx);
      await ctx.client.xadd(ctx.key('stream'), '4-1', { field: '4-1' });
    },
    args: ({ key }) => [
      { group: 'g', consumer: 'bob' },
      { key: key('stream'), id: '>' },
      { count: 10, noack: true },
    ],
    check: (reply, { key }) => expect(reply).toEqual({ [key('stream')]: [entry('4-1')] }),
  }),
  conformanceCase('xreadgroup', {
    label: 'history with a deleted entry',
    setup: async (ctx) => {
      await fill(ctx);
      await ctx.client.xdel(ctx.key('stream'), '2-1');
    },
    args: ({ key }) => [
      { group: 'g', consumer: 'alice' },
      { key: key('stream'), id: '0' },
    ],
    check: (reply, { key }) =>
      expect(reply).toEqual({ [key('stream')]: [entry('1-1'), ['2-1', null], entry('3-1')] }),
  }),
  conformanceCase('xpending', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g'],
    check: (reply) => expect(reply).toEqual([3, '1-1', '3-1', [['alice', 3]]]),
  }),
  conformanceCase('xpending', {
    label: 'extended',
    setup: fill,
    args: ({ key }) => [
      key('stream'),
      'g',
      { filters: { idle: 0, start: '-', end: '+', count: 10, consumer: 'alice' } },
    ],
    volatile: true,
    check: (reply) => expect(reply).toHaveLength(3),
  }),
  conformanceCase('xpending', {
    label: 'empty group',
    setup: async (ctx) => {
      await fill(ctx);
      await ctx.client.xgroupCreate(ctx.key('stream'), 'idle', '$');
    },
    args: ({ key }) => [key('stream'), 'idle'],
    check: (reply) => expect(reply).toEqual([0, null, null, null]),
  }),
  conformanceCase('xclaim', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', 'bob', 0, ['1-1', '2-1'], { retrycount: 5 }],
    check: (reply) => expect(reply).toEqual([entry('1-1'), entry('2-1')]),
  }),
  conformanceCase('xclaim', {
    label: 'justid',
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', 'bob', 0, '3-1', { justid: true }],
    check: (reply) => expect(reply).toEqual(['3-1']),
  }),
  conformanceCase('xautoclaim', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', 'bob', 0, '0', { count: 2 }],
    check: (reply) => expect(reply).toEqual(['3-1', [entry('1-1'), entry('2-1')], []]),
  }),
  conformanceCase('xautoclaim', {
    label: 'justid',
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', 'bob', 0, '0', { justid: true }],
    check: (reply) => expect(reply).toEqual(['0-0', ['1-1', '2-1', '3-1'], []]),
  }),
  conformanceCase('xautoclaim', {
    label: 'deleted entry',
    setup: async (ctx) => {
      await fill(ctx);
      await ctx.client.xdel(ctx.key('stream'), '2-1');
    },
    args: ({ key }) => [key('stream'), 'g', 'bob', 0, '0'],
    check: (reply) => expect(reply).toEqual(['0-0', [entry('1-1'), entry('3-1')], ['2-1']]),
  }),
  conformanceCase('xack', { setup: fill, args: ({ key }) => [key('stream'), 'g', ['1-1', '9-9']] }),
  conformanceCase('xdel', { setup: fill, args: ({ key }) => [key('stream'), '3-1'] }),
  conformanceCase('xtrim', {
    setup: fill,
    args: ({ key }) => [key('stream'), { strategy: 'MINID', operator: '=', threshold: '2-1' }],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('xsetid', {
    setup: fill,
    args: ({ key }) => [key('stream'), '5-0', { entriesadded: 10, maxdeletedid: '1-0' }],
  }),
  conformanceCase('xgroupCreate', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g2', '$', { entriesread: 3 }],
  }),
  conformanceCase('xgroupCreate', {
    label: 'mkstream',
    setup: ({ client, key }) => client.del(key('stream2')),
    args: ({ key }) => [key('stream2'), 'g', '0', { mkstream: true }],
  }),
  conformanceCase('xgroupCreateconsumer', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', 'carol'],
  }),
  conformanceCase('xgroupDelconsumer', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', 'alice'],
    check: (reply) => expect(reply).toBe(3),
  }),
  conformanceCase('xgroupSetid', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g', '1-1', { entriesread: 1 }],
  }),
  conformanceCase('xgroupDestroy', { setup: fill, args: ({ key }) => [key('stream'), 'g'] }),
  conformanceCase('xgroupHelp'),
  conformanceCase('xinfoStream', {
    setup: fill,
    args: ({ key }) => [key('stream')],
    check: (reply) => expect(reply).toMatchObject({ length: 3, 'first-entry': entry('1-1') }),
  }),
  conformanceCase('xinfoStream', {
    label: 'full',
    setup: fill,
    args: ({ key }) => [key('stream'), { full: { count: 10 } }],
    volatile: true,
    check: (reply) =>
      expect(reply).toMatchObject({
        length: 3,
        entries: [entry('1-1'), entry('2-1'), entry('3-1')],
      }),
  }),
  conformanceCase('xinfoStream', {
    label: 'empty',
    setup: ({ client, key }) =>
      client
        .del(key('stream2'))
        .then(() => client.xgroupCreate(key('stream2'), 'g', '$', { mkstream: true })),
    args: ({ key }) => [key('stream2')],
    check: (reply) => expect(reply).toMatchObject({ length: 0, groups: 1, 'first-entry': null }),
  }),
  conformanceCase('xinfoStream', {
    label: 'full empty',
    args: ({ key }) => [key('stream2'), { full: {} }],
    check: (reply) =>
      expect(reply).toMatchObject({ entries: [], groups: [{ name: 'g', 'entries-read': null }] }),
  }),
  conformanceCase('xinfoGroups', {
    setup: fill,
    args: ({ key }) => [key('stream')],
    check: (reply) => expect(reply).toMatchObject([{ name: 'g', pending: 3 }]),
  }),
  conformanceCase('xinfoConsumers', {
    setup: fill,
    args: ({ key }) => [key('stream'), 'g'],
    check: (reply) => expect(reply).toMatchObject([{ name: 'alice', pending: 3 }]),
    volatile: true,
  }),
  conformanceCase('xinfoHelp'),
];
