import { redisUrl } from '@redspec/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplyError, type RedisArgument } from '../../src/index.js';
import {
  commandKeys,
  commandTable,
  encodeCommand,
  prepareRawCommand,
  type CommandMethod,
} from '@redspec/types/internal';
import { RedisConnection } from '../../src/connection/redis-connection.js';

/** Calls whose keys the server itself finds with COMMAND GETKEYS, against ours. */
const calls: [CommandMethod, ...unknown[]][] = [
  ['get', 'k'],
  ['set', 'k', 'v', { expiration: { px: 10 } }],
  ['mset', { a: '1', b: '2' }],
  ['del', ['a', 'b', 'c']],
  ['eval', 'return 1', ['k1', 'k2'], ['x']],
  ['eval', 'return 1'],
  ['xread', { key: ['s1', 's2'], id: ['0', '0'] }, { count: 5 }],
  ['xreadgroup', { group: 'g', consumer: 'c' }, { key: ['s1'], id: ['>'] }, { noack: true }],
  ['zunionstore', 'dst', ['z1', 'z2'], { aggregate: 'SUM' }],
  ['lmove', 'src', 'dst', 'LEFT', 'RIGHT'],
  ['blmpop', 1, ['l1', 'l2'], 'RIGHT', { count: 3 }],
  ['sort', 'k', { by: 'w_*', limit: { offset: 0, count: 5 }, get: ['#'], store: 'dst' }],
  ['objectEncoding', 'k'],
  ['xinfoStream', 's', { full: { count: 2 } }],
  ['memoryUsage', 'k'],
  ['georadius', 'g', 1, 2, 3, 'km', { store: { storedist: 'dst' } }],
  ['bitop', 'OR', 'dst', ['a', 'b']],
  ['lcs', 'k1', 'k2'],
  ['sintercard', ['s1', 's2'], { limit: 1 }],
  ['spublish', 'chan', 'msg'],
  ['dbsize'],
];

describe('commandKeys agrees with COMMAND GETKEYS', () => {
  let connection: RedisConnection;
  beforeAll(async () => {
    const { port, hostname } = new URL(redisUrl());
    connection = await new RedisConnection({ host: hostname, port: Number(port) }).connect();
  });
  afterAll(() => connection?.quit());

  const serverKeys = async (wire: readonly RedisArgument[]): Promise<string[]> => {
    const getkeys = prepareRawCommand(['COMMAND', 'GETKEYS', ...wire]);
    const reply = await connection.send(getkeys).catch((e: unknown) => e);
    // Keyless commands are an error reply ("no key arguments", "Invalid arguments").
    return reply instanceof ReplyError ? [] : (reply as string[]);
  };

  it.each(calls)('%s', async (method, ...params) => {
    const wire = encodeCommand(commandTable[method], params);
    const ours = commandKeys(commandTable[method], wire).map(String);
    expect(ours).toEqual(await serverKeys(wire));
  });

  it('MIGRATE with KEYS', async () => {
    const wire = ['MIGRATE', 'h', 6379, '', 0, 100, 'AUTH2', 'u', 'p', 'KEYS', 'a', 'b'];
    expect(commandKeys(commandTable.migrate, wire)).toEqual(await serverKeys(wire));
  });
});
