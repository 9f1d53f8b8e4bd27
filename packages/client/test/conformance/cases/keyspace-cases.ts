import { redisUrl } from '@redspec/test-utils';
import { expect } from 'vitest';
import { createClient } from '../../../src/index.js';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const fill = ({ client, key }: CaseContext): Promise<unknown> => client.set(key('k'), 'v');

const fillList = ({ client, key }: CaseContext): Promise<unknown> =>
  client
    .del([key('sortme'), key('w_1'), key('w_2'), key('w_3')])
    .then(() => client.rpush(key('sortme'), ['3', '1', '2']))
    .then(() => client.mset({ [key('w_1')]: 'c', [key('w_2')]: 'b', [key('w_3')]: 'a' }));

/** MOVE and COPY … DB target database 9; a client of its own there removes what they put. */
const OTHER_DB = 9;
const inOtherDb = async ({ protocol, key, onCleanup }: CaseContext): Promise<void> => {
  const other = await createClient({ url: redisUrl(), protocol, db: OTHER_DB }).connect();
  await other.del(key('k'));
  onCleanup(() => other.del(key('k')).then(() => other.quit()));
};

/** DUMP's payload, binary, read by RESTORE's setup for its arguments. */
let dumped: Buffer = Buffer.alloc(0);

const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

/** Generic keyspace commands: expiry, introspection, DUMP/RESTORE, COPY/RENAME/MOVE, SCAN, SORT. */
export const keyspaceCases: readonly ConformanceCase[] = [
  conformanceCase('exists', {
    setup: fill,
    args: ({ key }) => [[key('k'), key('missing'), key('k')]],
  }),
  conformanceCase('type', {
    setup: fill,
    args: ({ key }) => [key('k')],
    check: (reply) => expect(reply).toBe('string'),
  }),
  conformanceCase('type', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('touch', { setup: fill, args: ({ key }) => [[key('k'), key('missing')]] }),
  conformanceCase('expire', {
    setup: fill,
    args: ({ key }) => [key('k'), 100, { condition: 'NX' }],
  }),
  conformanceCase('pexpire', {
    setup: fill,
    args: ({ key }) => [key('k'), 200_000, { condition: 'GT' }],
  }),
  conformanceCase('expireat', { setup: fill, args: ({ key }) => [key('k'), inSeconds(300)] }),
  conformanceCase('pexpireat', {
    setup: fill,
    args: ({ key }) => [key('k'), inSeconds(400) * 1000, { condition: 'XX' }],
  }),
  conformanceCase('ttl', {
    setup: fill,
    args: ({ key }) => [key('k')],
    check: (reply) => expect(reply).toBe(-1),
  }),
  conformanceCase('ttl', {
    label: 'missing',
    args: ({ key }) => [key('missing')],
    check: (reply) => expect(reply).toBe(-2),
  }),
  conformanceCase('pttl', {
    setup: ({ client, key }) => client.set(key('k'), 'v', { expiration: { ex: 100 } }),
    args: ({ key }) => [key('k')],
    check: (reply) => expect(reply).toBeGreaterThan(90_000),
    volatile: true,
  }),
  conformanceCase('expiretime', {
    setup: ({ client, key }) => client.set(key('k'), 'v', { expiration: { exat: inSeconds(100) } }),
    args: ({ key }) => [key('k')],
    volatile: true,
  }),
  conformanceCase('pexpiretime', { args: ({ key }) => [key('k')], volatile: true }),
  conformanceCase('persist', {
    args: ({ key }) => [key('k')],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('objectEncoding', {
    setup: fill,
    args: ({ key }) => [key('k')],
    check: (reply) => expect(reply).toBe('embstr'),
  }),
  conformanceCase('objectEncoding', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('objectIdletime', { setup: fill, args: ({ key }) => [key('k')], volatile: true }),
  conformanceCase('objectRefcount', { setup: fill, args: ({ key }) => [key('k')] }),
  conformanceCase('objectHelp'),
  conformanceCase('dump', { setup: fill, args: ({ key }) => [key('k')] }),
  conformanceCase('dump', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('restore', {
    setup: async ({ client, key }) => {
      await client.zadd(key('dumped'), [[1, 'a']]);
      dumped = (await client.withBuffers().dump(key('dumped')))!;
    },
    args: ({ key }) => [key('restored'), 0, dumped, { replace: true, idletime: 10 }],
    check: (reply) => expect(reply).toBe('OK'),
  }),
  conformanceCase('restoreAsking', {
    args: ({ key }) => [key('restored'), 0, dumped, { replace: true }],
    check: (reply) => expect(reply).toBe('OK'),
  }),
  conformanceCase('migrate', {
    // Nothing to move, so MIGRATE answers without opening a connection to the target.
    args: ({ key }) => ['127.0.0.1', 1, key('missing'), 0, 100],
    check: (reply) => expect(reply).toBe('NOKEY'),
  }),
  conformanceCase('copy', {
    setup: fill,
    args: ({ key }) => [key('k'), key('k2'), { replace: true }],
  }),
  conformanceCase('copy', {
    label: 'db',
    setup: async (ctx) => {
      await fill(ctx);
      await inOtherDb(ctx);
    },
    args: ({ key }) => [key('k'), key('k'), { db: OTHER_DB }],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('move', {
    setup: async (ctx) => {
      await fill(ctx);
      await inOtherDb(ctx);
    },
    args: ({ key }) => [key('k'), OTHER_DB],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('rename', { setup: fill, args: ({ key }) => [key('k'), key('k3')] }),
  conformanceCase('renamenx', {
    setup: fill,
    args: ({ key }) => [key('k'), key('k3')],
    check: (reply) => expect(reply).toBe(0),
  }),
  conformanceCase('randomkey', { volatile: true }),
  conformanceCase('keys', {
    setup: fill,
    args: ({ key }) => [key('k?')],
    volatile: true,
    check: (reply, { key }) =>
      expect(reply).toEqual(expect.arrayContaining([key('k2'), key('k3')])),
  }),
  conformanceCase('scan', {
    setup: fill,
    args: ({ key }) => [0, { match: key('*'), count: 10, type: 'string' }],
    volatile: true,
    check: (reply) => expect(reply[0]).toMatch(/^\d+$/),
  }),
  conformanceCase('sort', {
    setup: fillList,
    args: ({ key }) => [key('sortme')],
    check: (reply) => expect(reply).toEqual(['1', '2', '3']),
  }),
  conformanceCase('sort', {
    label: 'by get alpha limit',
    setup: fillList,
    args: ({ key }) => [
      key('sortme'),
      {
        by: key('w_*'),
        get: ['#', key('w_*'), key('nope_*')],
        alpha: true,
        limit: { offset: 0, count: 2 },
      },
    ],
    check: (reply) => expect(reply).toEqual(['3', 'a', null, '2', 'b', null]),
  }),
  conformanceCase('sort', {
    label: 'store',
    setup: fillList,
    args: ({ key }) => [key('sortme'), { order: 'DESC', store: key('sorted') }],
    check: (reply) => expect(reply).toBe(3),
  }),
  conformanceCase('sortRo', {
    setup: fillList,
    args: ({ key }) => [key('sortme'), { order: 'DESC' }],
  }),
  conformanceCase('del', {
    setup: fill,
    args: ({ key }) => [[key('k'), key('missing')]],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('unlink', { setup: fill, args: ({ key }) => [key('k')] }),
  conformanceCase('wait', { args: () => [0, 0] }),
];
