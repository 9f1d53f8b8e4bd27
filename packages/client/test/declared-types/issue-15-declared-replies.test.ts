import { createClient, type RedisClient } from '@redspec/client';
import { redisUrl } from '@redspec/test-utils';
import type { ClientInfoReply, MemoryStatsReply } from '@redspec/types';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';

/**
 * Issue 15: replies whose value the declared type used to exclude, or whose numbers came as
 * strings, found by running another client's per-command scenarios against Redspec. Each case
 * here says, in our words, what the server sends and what the caller now gets, on both
 * protocols, with the type the caller sees.
 */
describe.each([2, 3] as const)('issue 15 over RESP%i', (protocol) => {
  const key = (name: string): string => `issue15:${protocol}:${name}`;
  let client: RedisClient;

  beforeAll(async () => {
    client = await createClient({ url: redisUrl(), protocol }).connect();
    await client.del([key('list'), key('geo'), key('stream'), key('zset'), key('hash')]);
  });
  afterAll(async () => {
    await client.del([key('list'), key('geo'), key('stream'), key('zset'), key('hash')]);
    await client.quit();
  });

  it('OBJECT FREQ, IDLETIME, REFCOUNT and ENCODING give null for a key that does not exist', async () => {
    const missing = key('missing');
    const idle = await client.objectIdletime(missing);
    expectTypeOf(idle).toEqualTypeOf<number | null>();
    expect(idle).toBeNull();
    expect(await client.objectRefcount(missing)).toBeNull();
    expect(await client.objectEncoding(missing)).toBeNull();
    // FREQ needs an LFU eviction policy for a key that exists; a missing one is null first.
    expect(await client.objectFreq(missing)).toBeNull();
  });

  it('LMOVE, RPOPLPUSH and their blocking forms move nothing from an empty list: null', async () => {
    const [empty, other] = [key('empty'), key('other')];
    const moved = await client.lmove(empty, other, 'LEFT', 'RIGHT');
    expectTypeOf(moved).toEqualTypeOf<string | null>();
    expect(moved).toBeNull();
    expect(await client.rpoplpush(empty, other)).toBeNull();
    expect(await client.blmove(empty, other, 'LEFT', 'RIGHT', 0.01)).toBeNull();
    expect(await client.brpoplpush(empty, other, 0.01)).toBeNull();
  });

  it('ZPOPMIN without a count gives an empty list, not a pair, for a key that does not exist', async () => {
    const popped = await client.zpopmin(key('missing'));
    expectTypeOf(popped).toEqualTypeOf<[string, number] | []>();
    expect(popped).toEqual([]);
  });

  it('GEODIST and WITHDIST distances are numbers, not the strings the server sends', async () => {
    await client.geoadd(key('geo'), [
      { longitude: 13.361389, latitude: 38.115556, member: 'Palermo' },
      { longitude: 15.087269, latitude: 37.502669, member: 'Catania' },
    ]);
    const distance = await client.geodist(key('geo'), 'Palermo', 'Catania', { unit: 'km' });
    expectTypeOf(distance).toEqualTypeOf<number | null>();
    expect(distance).toBeCloseTo(166.27, 1);
    expect(await client.geodist(key('geo'), 'Palermo', 'Atlantis')).toBeNull();
    const near = await client.geosearch(
      key('geo'),
      { frommember: 'Palermo' },
      { circle: { byradius: 200, unit: 'km' } },
      { withdist: true, order: 'ASC' },
    );
    expect(near).toEqual([
      ['Palermo', 0],
      ['Catania', expect.closeTo(166.27, 1)],
    ]);
  });

  it("XPENDING's summary counts each consumer's entries as a number", async () => {
    await client.xgroupCreate(key('stream'), 'group', '$', { mkstream: true });
    await client.xadd(key('stream'), '*', { field: 'value' });
    await client.xreadgroup({ group: 'group', consumer: 'alice' }, { key: key('stream'), id: '>' });
    const [count, , , consumers] = await client.xpending(key('stream'), 'group');
    expect(count).toBe(1);
    expect(consumers).toEqual([['alice', 1]]);
  });

  it('ZSCAN returns [member, score] pairs with numeric scores, as ZRANGE WITHSCORES does', async () => {
    await client.zadd(key('zset'), [
      [1.5, 'a'],
      [2, 'b'],
    ]);
    const [cursor, members] = await client.zscan(key('zset'), '0');
    expectTypeOf(members).toEqualTypeOf<[string, number][]>();
    expect(cursor).toBe('0');
    expect(members).toEqual(await client.zrange(key('zset'), 0, -1, { withscores: true }));
  });

  it('PUBSUB NUMSUB maps each channel to its subscriber count', async () => {
    const counts = await client.pubsubNumsub([key('nobody'), key('none')]);
    expectTypeOf(counts).toEqualTypeOf<Record<string, number>>();
    expect(counts).toEqual({ [key('nobody')]: 0, [key('none')]: 0 });
  });

  it('CLIENT INFO and CLIENT LIST are parsed records; String() gives the line as sent', async () => {
    const info = await client.clientInfo();
    expectTypeOf(info).toEqualTypeOf<ClientInfoReply>();
    expect(info).toMatchObject({ id: expect.any(Number), db: 0, resp: protocol });
    expect(String(info)).toMatch(new RegExp(`^id=${info.id} addr=${info.addr} `));
    const list = await client.clientList();
    expect(list.map((entry) => entry.id)).toContain(info.id);
  });

  it('MEMORY STATS has a type a real reply satisfies', async () => {
    await client.set(key('k'), 'v');
    const stats: MemoryStatsReply = await client.memoryStats();
    expect(stats['keys.count']).toBeGreaterThan(0);
    expect(stats['db.0']).toMatchObject({ 'overhead.hashtable.main': expect.any(Number) });
    await client.del(key('k'));
  });

  it('TIME is a pair of digit strings', async () => {
    const time = await client.time();
    expectTypeOf(time).toEqualTypeOf<[string, string]>();
    expect(time).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/)]);
  });

  it('a plain HRANDFIELD, ZRANGE or LPOS is typed for the call it is', async () => {
    await client.hset(key('hash'), { a: '1' });
    const field = await client.hrandfield(key('hash'));
    expectTypeOf(field).toEqualTypeOf<string | null>();
    expect(field).toBe('a');
    expect(await client.hrandfield(key('hash'), { options: { count: 2 } })).toEqual(['a']);
    const members = await client.zrange(key('zset'), 0, -1);
    expectTypeOf(members).toEqualTypeOf<string[]>();
    await client.rpush(key('list'), ['x', 'y', 'x']);
    const first = await client.lpos(key('list'), 'x');
    expectTypeOf(first).toEqualTypeOf<number | null>();
    expect(first).toBe(0);
    expect(await client.lpos(key('list'), 'x', { count: 0 })).toEqual([0, 2]);
  });
});
