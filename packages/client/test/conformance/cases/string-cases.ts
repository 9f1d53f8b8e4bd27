import { expect } from 'vitest';
import { conformanceCase, type ConformanceCase } from '../conformance-case.js';

/** String commands, with SET's GET and LCS's LEN / IDX reply variants. */
export const stringCases: readonly ConformanceCase[] = [
  conformanceCase('set', {
    args: ({ key }) => [key('str'), 'hello', { expiration: { ex: 100 } }],
    check: (reply) => expect(reply).toBe('OK'),
  }),
  conformanceCase('set', {
    label: 'nx (not set)',
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), 'other', { condition: 'NX' }],
    check: (reply) => expect(reply).toBeNull(),
  }),
  conformanceCase('set', {
    label: 'get',
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), 'world', { get: true }],
    check: (reply) => expect(reply).toBe('hello'),
  }),
  conformanceCase('get', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str')],
    check: (reply) => expect(reply).toBe('hello'),
  }),
  conformanceCase('get', {
    label: 'missing',
    args: ({ key }) => [key('missing')],
    check: (reply) => expect(reply).toBeNull(),
  }),
  conformanceCase('append', { args: ({ key }) => [key('append'), 'abc'] }),
  conformanceCase('strlen', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str')],
    check: (reply) => expect(reply).toBe(5),
  }),
  conformanceCase('getrange', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), 1, 3],
    check: (reply) => expect(reply).toBe('ell'),
  }),
  conformanceCase('substr', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), 0, 1],
  }),
  conformanceCase('setrange', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), 1, 'a'],
  }),
  conformanceCase('getset', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), 'new'],
  }),
  conformanceCase('getdel', {
    setup: ({ client, key }) => client.set(key('gone'), 'x'),
    args: ({ key }) => [key('gone')],
  }),
  conformanceCase('getex', {
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), { expiration: { px: 100_000 } }],
  }),
  conformanceCase('getex', {
    label: 'persist',
    setup: ({ client, key }) => client.set(key('str'), 'hello'),
    args: ({ key }) => [key('str'), { expiration: 'PERSIST' }],
  }),
  conformanceCase('incr', {
    setup: ({ client, key }) => client.set(key('n'), '10'),
    args: ({ key }) => [key('n')],
    check: (reply) => expect(reply).toBe(11),
  }),
  conformanceCase('incrby', { args: ({ key }) => [key('n'), 5] }),
  conformanceCase('decr', { args: ({ key }) => [key('n')] }),
  conformanceCase('decrby', { args: ({ key }) => [key('n'), 3] }),
  conformanceCase('incrbyfloat', {
    setup: ({ client, key }) => client.set(key('f'), '1.5'),
    args: ({ key }) => [key('f'), 0.25],
    check: (reply) => expect(reply).toBe('1.75'),
  }),
  conformanceCase('mset', { args: ({ key }) => [{ [key('m1')]: 'a', [key('m2')]: 'b' }] }),
  conformanceCase('msetnx', { args: ({ key }) => [[[key('m3'), 'c']]] }),
  conformanceCase('mget', {
    args: ({ key }) => [[key('m1'), key('missing'), key('m2')]],
    check: (reply) => expect(reply).toEqual(['a', null, 'b']),
  }),
  conformanceCase('setnx', { args: ({ key }) => [key('m1'), 'z'] }),
  conformanceCase('setex', { args: ({ key }) => [key('ex'), 100, 'v'] }),
  conformanceCase('psetex', { args: ({ key }) => [key('ex'), 100_000, 'v'] }),
  conformanceCase('lcs', {
    setup: ({ client, key }) =>
      client.mset({ [key('lcs1')]: 'ohmytext', [key('lcs2')]: 'mynewtext' }),
    args: ({ key }) => [key('lcs1'), key('lcs2')],
    check: (reply) => expect(reply).toBe('mytext'),
  }),
  conformanceCase('lcs', {
    label: 'len',
    args: ({ key }) => [key('lcs1'), key('lcs2'), { len: true }],
    check: (reply) => expect(reply).toBe(6),
  }),
  conformanceCase('lcs', {
    label: 'idx withmatchlen',
    args: ({ key }) => [
      key('lcs1'),
      key('lcs2'),
      { idx: true, minmatchlen: 2, withmatchlen: true },
    ],
    check: (reply) => expect(reply).toMatchObject({ len: 6 }),
  }),
  conformanceCase('lcs', {
    label: 'idx no match',
    setup: ({ client, key }) => client.mset({ [key('lcs3')]: 'abc', [key('lcs4')]: 'xyz' }),
    args: ({ key }) => [key('lcs3'), key('lcs4'), { idx: true }],
    check: (reply) => expect(reply).toEqual({ matches: [], len: 0 }),
  }),
];
