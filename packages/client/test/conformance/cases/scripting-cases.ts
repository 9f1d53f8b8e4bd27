import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const SCRIPT = "return {KEYS[1], ARGV[1], 3, redis.call('EXISTS', KEYS[1])}";
const sha1 = createHash('sha1').update(SCRIPT).digest('hex');

/** A function library per protocol (`conf_<protocol>_lib`), so the two runs never clash. */
const library = ({ name }: CaseContext): string => name('lib', '_');
const libraryCode = (ctx: CaseContext): string =>
  [
    `#!lua name=${library(ctx)}`,
    `redis.register_function('${ctx.name('echo', '_')}', function(keys, args) return args[1] end)`,
    `redis.register_function{function_name='${ctx.name('count', '_')}', callback=function(keys, args) return #keys end, flags={'no-writes'}}`,
  ].join('\n');

const deleteLibraryLater = (ctx: CaseContext): Promise<void> => {
  ctx.onCleanup(() => ctx.client.functionDelete(library(ctx)).catch(() => 'already deleted'));
  return Promise.resolve();
};

const loadLibrary = async (ctx: CaseContext): Promise<void> => {
  await ctx.client.functionLoad(libraryCode(ctx), { replace: true });
  await deleteLibraryLater(ctx);
};

/** EVAL and friends, the script cache, and functions (one library of our own, removed after). */
export const scriptingCases: readonly ConformanceCase[] = [
  conformanceCase('scriptLoad', {
    args: () => [SCRIPT],
    check: (reply) => expect(reply).toBe(sha1),
  }),
  conformanceCase('scriptExists', {
    args: () => [[sha1, '0'.repeat(40)]],
    check: (reply) => expect(reply).toEqual([1, 0]),
  }),
  conformanceCase('scriptHelp'),
  // NO is the default: the shared connection's state stays as it was.
  conformanceCase('scriptDebug', { args: () => ['NO'] }),
  conformanceCase('eval', {
    args: ({ key }) => [SCRIPT, key('k'), 'arg'],
    check: (reply, { key }) => expect(reply).toEqual([key('k'), 'arg', 3, 0]),
  }),
  // The read-only and by-digest forms run the same script: the same keys, arguments and reply.
  conformanceCase('evalRo', {
    args: ({ key }) => [SCRIPT, [key('k')], ['arg']],
    check: (reply, { key }) => expect(reply).toEqual([key('k'), 'arg', 3, 0]),
  }),
  conformanceCase('evalsha', {
    args: ({ key }) => [sha1, key('k'), 'arg'],
    check: (reply, { key }) => expect(reply).toEqual([key('k'), 'arg', 3, 0]),
  }),
  conformanceCase('evalshaRo', {
    // The digest SCRIPT LOAD returned above; this key exists, so EXISTS counts it.
    setup: ({ client, key }) => client.set(key('script'), 'v'),
    args: ({ key }) => [sha1, key('script'), 'arg'],
    check: (reply, { key }) => expect(reply).toEqual([key('script'), 'arg', 3, 1]),
  }),
  conformanceCase('functionLoad', {
    setup: deleteLibraryLater,
    args: (ctx) => [libraryCode(ctx), { replace: true }],
    check: (reply, ctx) => expect(reply).toBe(library(ctx)),
  }),
  conformanceCase('fcall', {
    setup: loadLibrary,
    args: ({ name, key }) => [name('echo', '_'), key('k'), 'hi'],
    check: (reply) => expect(reply).toBe('hi'),
  }),
  conformanceCase('fcallRo', {
    args: ({ name, key }) => [name('count', '_'), [key('a'), key('b')]],
    check: (reply) => expect(reply).toBe(2),
  }),
  conformanceCase('functionList', {
    args: (ctx) => [{ libraryname: library(ctx), withcode: true }],
    // Functions are listed in hash order, and their names differ by protocol.
    volatile: true,
    check: (reply, ctx) =>
      expect(reply).toMatchObject([{ library_name: library(ctx), engine: 'LUA' }]),
  }),
  conformanceCase('functionList', { label: 'all', volatile: true }),
  conformanceCase('functionStats', { volatile: true }),
  conformanceCase('functionDump', { volatile: true }),
  conformanceCase('functionHelp'),
  conformanceCase('functionDelete', { setup: loadLibrary, args: (ctx) => [library(ctx)] }),
];
