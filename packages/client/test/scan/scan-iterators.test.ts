import { rawCommand, startRedisServer, type RedisServerHandle } from '@redspec/test-utils';
import { compareVersions } from '@redspec/types/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  CommandArgumentError,
  UnsupportedCommandError,
  createClient,
  type RedisClient,
} from '../../src/index.js';

const KEYS = 100_000;

/** SCAN calls so far, from INFO commandstats. */
async function scanCalls(server: RedisServerHandle): Promise<number> {
  const info = String(await rawCommand(server, ['INFO', 'commandstats']));
  return Number(/^cmdstat_scan:calls=(\d+)/m.exec(info)?.[1] ?? 0);
}

/** A server of its own: a stable keyspace, which SCAN's no-duplicate checks need. */
describe('scan iterators on a real server', () => {
  let server: RedisServerHandle;
  let client: RedisClient;

  beforeAll(async () => {
    server = await startRedisServer();
    client = createClient(server.url);
    for (let start = 0; start < KEYS; start += 10_000) {
      const batch: Record<string, string> = {};
      for (let i = start; i < start + 10_000; i++) batch[`k:${i}`] = String(i);
      await client.mset(batch);
    }
    await client.hset('other:h', { f: 'v' });
  }, 60_000);
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });

  it(`sees each of ${KEYS} keys exactly once in a stable keyspace`, async () => {
    const seen = new Map<string, number>();
    for await (const key of client.scanIterator({ match: 'k:*', count: 1000 })) {
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(KEYS);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    expect(seen.has('k:0') && seen.has(`k:${KEYS - 1}`)).toBe(true);
  }, 60_000);

  it('yields pages from batches(), and honours count', async () => {
    const before = await scanCalls(server);
    let total = 0;
    let pages = 0;
    for await (const page of client.scanIterator({ match: 'k:*', count: 10_000 }).batches()) {
      expect(page.length).toBeGreaterThan(0);
      total += page.length;
      pages++;
    }
    const calls = (await scanCalls(server)) - before;
    expect(total).toBe(KEYS);
    // COUNT is a hint of work per call: 10,000 per call over ~100k keys takes about ten calls,
    // where the default (10) would take thousands.
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(calls).toBeLessThan(30);
    expect(pages).toBeLessThanOrEqual(calls);
  }, 60_000);

  it('honours match and type', async () => {
    const few: string[] = [];
    for await (const key of client.scanIterator({ match: 'k:1234?' })) few.push(key);
    expect(few.sort()).toEqual([...Array(10).keys()].map((i) => `k:1234${i}`));
    const hashes: string[] = [];
    for await (const key of client.scanIterator({ type: 'hash', count: 5000 })) hashes.push(key);
    expect(hashes).toEqual(['other:h']);
  }, 60_000);

  it('yields [field, value] pairs from hscanIterator', async () => {
    const fields = Object.fromEntries([...Array(1000).keys()].map((i) => [`f${i}`, `v${i}`]));
    await client.hset('h:big', fields);
    const seen = new Map<string, string>();
    for await (const [field, value] of client.hscanIterator('h:big', { count: 100 })) {
      expect(seen.has(field)).toBe(false);
      seen.set(field, value);
    }
    expect(Object.fromEntries(seen)).toEqual(fields);
    // The command returns the same pairs, also over a small (listpack) hash in one page.
    expect(await client.hscan('other:h', '0')).toEqual(['0', [['f', 'v']]]);
  });

  it('yields the fields alone with novalues where the server has it, else refuses first', async () => {
    await client.hset('h:nv', { a: '1', b: '2' });
    if (compareVersions(client.server!.version, '7.4.0') >= 0) {
      const names: string[] = [];
      for await (const field of client.hscanIterator('h:nv', { novalues: true })) names.push(field);
      expect(names.sort()).toEqual(['a', 'b']);
    } else {
      expect(() => client.hscanIterator('h:nv', { novalues: true })).toThrow(
        UnsupportedCommandError,
      );
    }
  });

  it('yields members from sscanIterator', async () => {
    const members = [...Array(500).keys()].map((i) => `m${i}`);
    await client.sadd('s:big', members);
    const seen: string[] = [];
    for await (const member of client.sscanIterator('s:big', { match: 'm*' })) seen.push(member);
    expect(seen.sort()).toEqual(members.sort());
  });

  it('yields [member, score] with numeric scores from zscanIterator', async () => {
    const entries = [...Array(300).keys()].map((i): [number, string] => [i + 0.5, `z${i}`]);
    await client.zadd('z:big', entries);
    const seen = new Map<string, number>();
    for await (const [member, score] of client.zscanIterator('z:big', { count: 50 })) {
      expect(typeof score).toBe('number');
      seen.set(member, score);
    }
    expect(seen.size).toBe(300);
    expect(seen.get('z7')).toBe(7.5);
  });

  it('yields Buffers in binary mode, and follows a binary cursor', async () => {
    const raw = Buffer.from([0xff, 0x00, 0x80]);
    await client.set(Buffer.concat([Buffer.from('bin:'), raw]), 'x');
    const keys: Buffer[] = [];
    for await (const key of client.withBuffers().scanIterator({ match: 'bin:*', count: 5000 })) {
      keys.push(key);
    }
    expect(keys).toEqual([Buffer.concat([Buffer.from('bin:'), raw])]);
    const pairs: [Buffer, Buffer][] = [];
    for await (const pair of client.withBuffers().hscanIterator('other:h')) pairs.push(pair);
    expect(pairs).toEqual([[Buffer.from('f'), Buffer.from('v')]]);
  });

  it('stops with AbortError when its signal fires mid-way', async () => {
    const controller = new AbortController();
    const reason = new Error('enough');
    let seen = 0;
    const walk = async (): Promise<void> => {
      const scan = client.scanIterator({ match: 'k:*', count: 100, signal: controller.signal });
      for await (const page of scan.batches()) {
        seen += page.length;
        if (seen >= 1000) controller.abort(reason);
      }
    };
    const error = await walk().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ name: 'AbortError', command: 'SCAN', cause: reason });
    expect(seen).toBeGreaterThanOrEqual(1000);
    expect(seen).toBeLessThan(KEYS);
    // The connection is still in step: the next command gets its own reply.
    expect(await client.get('k:42')).toBe('42');
  });

  it('starts again on each iteration', async () => {
    const iterator = client.sscanIterator('s:big');
    let first = 0;
    for await (const _ of iterator) first++;
    let second = 0;
    for await (const _ of iterator) second++;
    expect([first, second]).toEqual([500, 500]);
  });

  it('refuses bad options before anything is sent', () => {
    expect(() => client.scanIterator({ count: 'many' as unknown as number })).toThrow(
      CommandArgumentError,
    );
    expect(() => client.scanIterator({ colour: 'red' } as never)).toThrow(CommandArgumentError);
    expect(() => client.scanIterator({ signal: 'stop' as never })).toThrow(/signal/);
  });
});
