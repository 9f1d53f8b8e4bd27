import { redisUrl } from '@redspec/test-utils';
import { expect } from 'vitest';
import { RawConnection } from '../../helpers/raw-connection.js';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

/** This connection's id, read by CLIENT LIST ID's setup. */
let ownId = 0;

/** A connection of our own for CLIENT KILL to end: its id and address. */
let victim = { id: 0, addr: '' };
const connectVictim = async ({ protocol, onCleanup }: CaseContext): Promise<void> => {
  const { hostname, port } = new URL(redisUrl());
  const options = { host: hostname, port: Number(port), protocol, reconnect: false } as const;
  const connection = await new RawConnection(options).connect();
  onCleanup(() => Promise.resolve(connection.disconnect()));
  const info = String(await connection.call(['CLIENT', 'INFO']));
  victim = { id: Number(/\bid=(\d+)/.exec(info)![1]), addr: /\baddr=(\S+)/.exec(info)![1]! };
};

/** Connection and ACL introspection; the one user created is deleted again. */
export const connectionCases: readonly ConformanceCase[] = [
  conformanceCase('ping', { check: (reply) => expect(reply).toBe('PONG') }),
  conformanceCase('ping', {
    label: 'message',
    args: () => ['hi'],
    check: (reply) => expect(reply).toBe('hi'),
  }),
  conformanceCase('echo', { args: () => ['hello'], check: (reply) => expect(reply).toBe('hello') }),
  conformanceCase('hello', {
    volatile: true,
    check: (reply, { protocol }) =>
      expect(reply).toMatchObject({ server: 'redis', proto: protocol }),
  }),
  conformanceCase('hello', {
    label: 'protover',
    volatile: true,
    args: ({ protocol }) => [{ arguments: { protover: protocol } }],
    check: (reply, { protocol }) =>
      expect(reply).toMatchObject({ proto: protocol, role: 'master' }),
  }),
  conformanceCase('clientId', { volatile: true }),
  conformanceCase('clientSetname', { args: ({ name }) => [name('client')] }),
  conformanceCase('clientGetname', {
    check: (reply, { name }) => expect(reply).toBe(name('client')),
  }),
  conformanceCase('clientInfo', {
    volatile: true,
    // Parsed from the `id=… addr=…` line, which String() gives back.
    check: (reply) => {
      expect(reply).toMatchObject({ id: expect.any(Number), addr: expect.any(String), db: 0 });
      expect(String(reply)).toMatch(/^id=\d+ addr=/);
    },
  }),
  conformanceCase('clientList', { volatile: true }),
  conformanceCase('clientList', {
    label: 'type',
    volatile: true,
    args: () => [{ type: 'normal' }],
  }),
  conformanceCase('clientList', {
    label: 'id',
    volatile: true,
    setup: ({ client }) => client.clientId().then((id) => (ownId = id)),
    args: () => [{ id: [ownId] }],
  }),
  conformanceCase('clientGetredir', { check: (reply) => expect(reply).toBe(-1) }),
  conformanceCase('clientTrackinginfo', {
    check: (reply) => expect(reply).toMatchObject({ flags: ['off'], redirect: -1 }),
  }),
  conformanceCase('clientNoEvict', { args: () => ['OFF'] }),
  conformanceCase('clientUnblock', {
    args: () => [ownId, { unblockType: 'TIMEOUT' }],
    check: (reply) => expect(reply).toBe(0),
  }),
  conformanceCase('clientKill', {
    label: 'new format',
    setup: connectVictim,
    args: () => [{ newFormat: [{ id: victim.id }, { skipme: 'YES' }] }],
    check: (reply) => expect(reply).toBe(1),
  }),
  conformanceCase('clientKill', {
    label: 'old format',
    setup: connectVictim,
    args: () => [victim.addr],
    check: (reply) => expect(reply).toBe('OK'),
  }),
  conformanceCase('clientHelp'),
  conformanceCase('aclWhoami', { check: (reply) => expect(reply).toBe('default') }),
  conformanceCase('aclCat'),
  conformanceCase('aclCat', { label: 'category', args: () => ['hyperloglog'] }),
  conformanceCase('aclSetuser', {
    setup: ({ client, name, onCleanup }) => {
      onCleanup(() => client.aclDeluser(name('user')));
      return Promise.resolve();
    },
    args: ({ name }) => [
      name('user'),
      ['reset', 'on', '>secret', '~conf:*', '&conf:*', '+get', '(+set ~conf:w:*)'],
    ],
  }),
  conformanceCase('aclGetuser', {
    args: ({ name }) => [name('user')],
    check: (reply) =>
      expect(reply).toMatchObject({
        flags: expect.arrayContaining(['on']),
        selectors: [expect.any(Object)],
      }),
  }),
  conformanceCase('aclGetuser', { label: 'missing', args: () => ['conf-no-such-user'] }),
  conformanceCase('aclDryrun', {
    args: ({ name }) => [name('user'), 'get', 'conf:x'],
    check: (reply) => expect(reply).toBe('OK'),
  }),
  conformanceCase('aclDryrun', {
    label: 'denied',
    args: ({ name }) => [name('user'), 'del', 'conf:x'],
  }),
  conformanceCase('aclList', { volatile: true }),
  conformanceCase('aclUsers', { volatile: true }),
  conformanceCase('aclLog', {
    // A failed AUTH leaves an entry; the connection stays logged in as before.
    setup: ({ client, name }) =>
      client.auth('wrong', { username: name('user') }).catch(() => 'denied'),
    args: () => [{ operation: 10 }],
    volatile: true,
    check: (reply) => expect(reply).toContainEqual(expect.objectContaining({ reason: 'auth' })),
  }),
  conformanceCase('aclGenpass', {
    volatile: true,
    args: () => [64],
    check: (reply) => expect(reply).toMatch(/^[0-9a-f]{16}$/),
  }),
  conformanceCase('aclHelp'),
  conformanceCase('aclDeluser', {
    args: ({ name }) => [[name('user'), 'conf-no-such-user']],
    check: (reply) => expect(reply).toBe(1),
  }),
];
