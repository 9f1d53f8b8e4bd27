import { expect } from 'vitest';
import type { CommandEntry } from '@redspec/types';
import { conformanceCase, type ConformanceCase } from '../conformance-case.js';

/** COMMAND's entries, and each one's subcommands, by name: the server lists them in hash order. */
const byName = (entries: CommandEntry[]): CommandEntry[] =>
  entries
    .map((entry): CommandEntry => {
      const copy = [...entry] as CommandEntry;
      copy[9] = byName(entry[9]);
      return copy;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The current slowlog-max-len, read by CONFIG SET's setup. */
let slowlogMaxLen = '128';

/** Server introspection that reads state or changes nothing other test files rely on. */
export const serverCases: readonly ConformanceCase[] = [
  conformanceCase('dbsize', { volatile: true }),
  conformanceCase('time', {
    volatile: true,
    check: (reply) =>
      expect(reply).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]),
  }),
  conformanceCase('lastsave', { volatile: true }),
  conformanceCase('info', {
    volatile: true,
    check: (reply) => expect(reply).toContain('redis_version:'),
  }),
  conformanceCase('info', {
    label: 'sections',
    volatile: true,
    args: () => [['server', 'clients']],
  }),
  conformanceCase('lolwut', { args: () => [{ version: 5 }], volatile: true }),
  conformanceCase('role', { check: (reply) => expect(reply[0]).toBe('master') }),
  conformanceCase('configGet', {
    args: () => [['maxmemory', 'slowlog-*']],
    volatile: true,
    check: (reply) => expect(reply).toMatchObject({ maxmemory: expect.any(String) }),
  }),
  conformanceCase('configSet', {
    // Sets slowlog-max-len to the value it already has.
    setup: ({ client }) =>
      client
        .configGet('slowlog-max-len')
        .then((found) => (slowlogMaxLen = found['slowlog-max-len']!)),
    args: () => [{ 'slowlog-max-len': slowlogMaxLen }],
  }),
  conformanceCase('configHelp'),
  conformanceCase('command', {
    check: (reply) => {
      expect(reply.length).toBeGreaterThan(200);
      // Subcommands have the entry shape too, key specs as objects on either protocol.
      const xinfo = reply.find((entry) => entry[0] === 'xinfo')!;
      expect(xinfo[9].find((sub) => sub[0] === 'xinfo|stream')![8]).toMatchObject([
        { flags: ['RO', 'access'], begin_search: { type: 'index', spec: { index: 2 } } },
      ]);
    },
    comparable: byName,
  }),
  conformanceCase('commandCount'),
  conformanceCase('commandInfo', {
    args: () => [['get', 'xinfo', 'no-such-command']],
    check: (reply) => {
      expect(reply[2]).toBeNull();
      expect(reply[1]![9].map((sub) => sub[8][0]?.begin_search)).toContainEqual({
        type: 'index',
        spec: { index: 2 },
      });
    },
  }),
  conformanceCase('commandInfo', { label: 'all', volatile: true }),
  conformanceCase('commandDocs', {
    args: () => [['get', 'client', 'georadius']],
    check: (reply) => {
      expect(Object.keys(reply).sort()).toEqual(['client', 'georadius', 'get']);
      // GEORADIUS' unit is a oneof whose choices are arguments too: objects on either protocol.
      const unit = reply.georadius!.arguments!.find((arg) => arg.name === 'unit');
      expect(unit?.arguments?.[0]).toMatchObject({ name: 'm', type: 'pure-token' });
    },
  }),
  conformanceCase('commandList', { args: () => [{ filterby: { aclcat: 'hyperloglog' } }] }),
  conformanceCase('commandList', { label: 'all', volatile: true }),
  conformanceCase('commandGetkeys', {
    args: () => ['sort', ['a', 'store', 'b']],
    check: (reply) => expect(reply).toEqual(['a', 'b']),
  }),
  conformanceCase('commandGetkeysandflags', {
    args: () => ['lmove', ['a', 'b', 'LEFT', 'RIGHT']],
    check: (reply) =>
      expect(reply).toEqual([
        ['a', ['RW', 'access', 'delete']],
        ['b', ['RW', 'insert']],
      ]),
  }),
  conformanceCase('commandHelp'),
  conformanceCase('memoryUsage', {
    setup: ({ client, key }) => client.set(key('k'), 'v'),
    args: ({ key }) => [key('k'), { samples: 5 }],
  }),
  conformanceCase('memoryUsage', { label: 'missing', args: ({ key }) => [key('missing')] }),
  conformanceCase('memoryStats', { volatile: true }),
  conformanceCase('memoryDoctor', { volatile: true }),
  conformanceCase('memoryMallocStats', { volatile: true }),
  conformanceCase('memoryPurge'),
  conformanceCase('memoryHelp'),
  conformanceCase('slowlogGet', { args: () => [10], volatile: true }),
  conformanceCase('slowlogLen', { volatile: true }),
  conformanceCase('slowlogHelp'),
  conformanceCase('latencyLatest', { volatile: true }),
  conformanceCase('latencyHistory', { args: () => ['command'], volatile: true }),
  conformanceCase('latencyHistogram', { args: () => [['set', 'get']], volatile: true }),
  conformanceCase('latencyDoctor', { volatile: true }),
  conformanceCase('latencyReset', {
    args: () => ['conf-no-such-event'],
    check: (reply) => expect(reply).toBe(0),
  }),
  conformanceCase('latencyHelp'),
  conformanceCase('moduleList', { check: (reply) => expect(reply).toEqual([]) }),
  conformanceCase('moduleHelp'),
];
