import { describe, expectTypeOf, it } from 'vitest';
import type { PromiseContext } from './command-context.js';
import type { RedisCommands } from './generated/redis-commands.js';

/**
 * What each call returns, written by hand from what the server sends (not read from the
 * generated code): a broad sample of everyday commands with only their required arguments, and
 * every family of overloads from specs/overlay, plain call first. Issue 15.
 */
declare const client: RedisCommands<PromiseContext>;
declare const binary: RedisCommands<PromiseContext<Buffer>>;

type Scored = [string, number][];
type Entry = [string, string[]];
type GeoMatch = [string, ...Array<number | [number, number]>];
/** A match's extras, checked apart: type identity is loose inside a tuple's rest element. */
type Extras<T> = T extends Promise<Array<[string, ...infer R]>> ? R[number] : never;

describe('plain calls of everyday commands', () => {
  it('strings', () => {
    expectTypeOf(client.get('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.set('k', 'v')).toEqualTypeOf<Promise<'OK' | null>>();
    expectTypeOf(client.getdel('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.getex('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.getrange('k', 0, -1)).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.mget(['a', 'b'])).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(client.mset({ a: '1' })).toEqualTypeOf<Promise<'OK'>>();
    expectTypeOf(client.msetnx({ a: '1' })).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.incr('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.incrby('k', 2)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.decr('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.append('k', 'v')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.strlen('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.setnx('k', 'v')).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.lcs('a', 'b')).toEqualTypeOf<Promise<string>>();
    // The server keeps the long double's digits in the text: left a string on purpose.
    expectTypeOf(client.incrbyfloat('k', 0.5)).toEqualTypeOf<Promise<string>>();
  });

  it('keys', () => {
    expectTypeOf(client.del('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.exists(['a', 'b'])).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.expire('k', 10)).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.ttl('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.pttl('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.persist('k')).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.type('k')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.rename('a', 'b')).toEqualTypeOf<Promise<'OK'>>();
    expectTypeOf(client.renamenx('a', 'b')).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.keys('*')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.randomkey()).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.scan('0')).toEqualTypeOf<Promise<[string, string[]]>>();
    expectTypeOf(client.dump('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.objectEncoding('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.objectFreq('k')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.objectIdletime('k')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.objectRefcount('k')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.unlink('k')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.touch('k')).toEqualTypeOf<Promise<number>>();
  });

  it('hashes', () => {
    expectTypeOf(client.hget('h', 'f')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.hset('h', { f: 'v' })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.hgetall('h')).toEqualTypeOf<Promise<Record<string, string>>>();
    expectTypeOf(client.hmget('h', ['a', 'b'])).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(client.hdel('h', 'f')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.hexists('h', 'f')).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.hincrby('h', 'f', 1)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.hkeys('h')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.hvals('h')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.hlen('h')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.hscan('h', '0')).toEqualTypeOf<Promise<[string, [string, string][]]>>();
  });

  it('lists', () => {
    expectTypeOf(client.lpush('l', 'a')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.rpush('l', ['a', 'b'])).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.lpop('l')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.rpop('l')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.lrange('l', 0, -1)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.llen('l')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.lindex('l', 0)).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.lset('l', 0, 'v')).toEqualTypeOf<Promise<'OK'>>();
    expectTypeOf(client.lmove('a', 'b', 'LEFT', 'RIGHT')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.rpoplpush('a', 'b')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.blpop('l', 1)).toEqualTypeOf<Promise<[string, string] | null>>();
    expectTypeOf(client.lmpop('l', 'LEFT')).toEqualTypeOf<Promise<[string, string[]] | null>>();
  });

  it('sets', () => {
    expectTypeOf(client.sadd('s', 'm')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.smembers('s')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.sismember('s', 'm')).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.smismember('s', ['a'])).toEqualTypeOf<Promise<(0 | 1)[]>>();
    expectTypeOf(client.scard('s')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.sinter(['a', 'b'])).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.sscan('s', '0')).toEqualTypeOf<Promise<[string, string[]]>>();
  });

  it('sorted sets', () => {
    expectTypeOf(client.zadd('z', [[1, 'm']])).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zscore('z', 'm')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.zmscore('z', ['a'])).toEqualTypeOf<Promise<(number | null)[]>>();
    expectTypeOf(client.zincrby('z', 1, 'm')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zcard('z')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zcount('z', '-inf', '+inf')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zrem('z', 'm')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zrangebylex('z', '-', '+')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zmpop('z', 'MIN')).toEqualTypeOf<Promise<[string, Scored] | null>>();
    expectTypeOf(client.bzpopmin('z', 1)).toEqualTypeOf<Promise<[string, string, number] | null>>();
  });

  it('streams', () => {
    expectTypeOf(client.xadd('s', '*', { f: 'v' })).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.xlen('s')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.xrange('s', '-', '+')).toEqualTypeOf<Promise<Entry[]>>();
    expectTypeOf(client.xrevrange('s', '+', '-')).toEqualTypeOf<Promise<Entry[]>>();
    expectTypeOf(client.xdel('s', '1-1')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.xack('s', 'g', '1-1')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.xread({ key: 's', id: '0' })).toEqualTypeOf<
      Promise<Record<string, Entry[]> | null>
    >();
  });

  it('geo, bitmaps and HyperLogLog', () => {
    expectTypeOf(client.geopos('g', ['a'])).toEqualTypeOf<Promise<([number, number] | null)[]>>();
    expectTypeOf(client.geodist('g', 'a', 'b')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.geohash('g', ['a'])).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(client.setbit('b', 0, 1)).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.getbit('b', 0)).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.bitcount('b')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.pfadd('p')).toEqualTypeOf<Promise<0 | 1>>();
    expectTypeOf(client.pfcount('p')).toEqualTypeOf<Promise<number>>();
  });

  it('server, connection and pub/sub', () => {
    expectTypeOf(client.ping()).toEqualTypeOf<Promise<'PONG'>>();
    expectTypeOf(client.echo('x')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.dbsize()).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.time()).toEqualTypeOf<Promise<[string, string]>>();
    expectTypeOf(client.info()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.lastsave()).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.configGet('maxmemory')).toEqualTypeOf<Promise<Record<string, string>>>();
    expectTypeOf(client.clientId()).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.clientGetname()).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(
      client.clientInfo().then((info) => [info.id, info.addr, info.flags]),
    ).toEqualTypeOf<Promise<(string | number)[]>>();
    expectTypeOf(client.clientList().then((list) => list[0]!.idle)).toEqualTypeOf<
      Promise<number>
    >();
    expectTypeOf(client.publish('c', 'm')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.pubsubNumsub(['c'])).toEqualTypeOf<Promise<Record<string, number>>>();
    expectTypeOf(client.pubsubShardnumsub(['c'])).toEqualTypeOf<Promise<Record<string, number>>>();
    expectTypeOf(client.pubsubNumpat()).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.scriptExists(['sha'])).toEqualTypeOf<Promise<(0 | 1)[]>>();
    expectTypeOf(client.waitaof(1, 0, 0)).toEqualTypeOf<Promise<[number, number]>>();
    expectTypeOf(client.bgrewriteaof()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.memoryStats().then((s) => s['db.0'])).toEqualTypeOf<
      Promise<
        | {
            'overhead.hashtable.main'?: number;
            'overhead.hashtable.expires'?: number;
            'overhead.hashtable.slot-to-keys'?: number;
          }
        | undefined
      >
    >();
    expectTypeOf(client.memoryStats().then((s) => s['peak.allocated'])).toEqualTypeOf<
      Promise<number | undefined>
    >();
  });

  it('keeps simple-string status replies strings in binary mode', () => {
    expectTypeOf(binary.type('k')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(binary.get('k')).toEqualTypeOf<Promise<Buffer | null>>();
  });
});

describe('every overlay family: the plain call, then each overload', () => {
  it('WITHSCORES families', () => {
    expectTypeOf(client.zrange('z', 0, -1)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zrange('z', 0, -1, { withscores: true })).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.zrangebyscore('z', 0, 1)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zrangebyscore('z', 0, 1, { withscores: true })).toEqualTypeOf<
      Promise<Scored>
    >();
    expectTypeOf(client.zrevrange('z', 0, -1)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zrevrange('z', 0, -1, { withscores: true })).toEqualTypeOf<
      Promise<Scored>
    >();
    expectTypeOf(client.zrevrangebyscore('z', 1, 0)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zrevrangebyscore('z', 1, 0, { withscores: true })).toEqualTypeOf<
      Promise<Scored>
    >();
    expectTypeOf(client.zinter(['a', 'b'])).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zinter(['a', 'b'], { withscores: true })).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.zunion(['a', 'b'])).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zunion(['a', 'b'], { withscores: true })).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.zdiff(['a', 'b'])).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zdiff(['a', 'b'], { withscores: true })).toEqualTypeOf<Promise<Scored>>();
  });

  it('random picks: one, several, with values or scores', () => {
    expectTypeOf(client.hrandfield('h')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.hrandfield('h', { options: { count: 2 } })).toEqualTypeOf<
      Promise<string[]>
    >();
    expectTypeOf(client.hrandfield('h', { options: { count: 2, withvalues: true } })).toEqualTypeOf<
      Promise<[string, string][]>
    >();
    expectTypeOf(client.zrandmember('z')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.zrandmember('z', { options: { count: 2 } })).toEqualTypeOf<
      Promise<string[]>
    >();
    expectTypeOf(
      client.zrandmember('z', { options: { count: 2, withscores: true } }),
    ).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.srandmember('s')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.srandmember('s', 2)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.spop('s')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.spop('s', 2)).toEqualTypeOf<Promise<string[]>>();
  });

  it('pops with and without a count', () => {
    expectTypeOf(client.lpop('l', 2)).toEqualTypeOf<Promise<string[] | null>>();
    expectTypeOf(client.rpop('l', 2)).toEqualTypeOf<Promise<string[] | null>>();
    expectTypeOf(client.zpopmin('z')).toEqualTypeOf<Promise<[string, number] | []>>();
    expectTypeOf(client.zpopmin('z', 2)).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.zpopmax('z')).toEqualTypeOf<Promise<[string, number] | []>>();
    expectTypeOf(client.zpopmax('z', 2)).toEqualTypeOf<Promise<Scored>>();
  });

  it('LPOS: the first position, or every one with COUNT', () => {
    expectTypeOf(client.lpos('l', 'x')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.lpos('l', 'x', { rank: 2 })).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.lpos('l', 'x', { count: 0 })).toEqualTypeOf<Promise<number[]>>();
  });

  it('stream claims and the pending list', () => {
    expectTypeOf(client.xclaim('s', 'g', 'c', '0', '1-1')).toEqualTypeOf<Promise<Entry[]>>();
    expectTypeOf(client.xclaim('s', 'g', 'c', '0', '1-1', { justid: true })).toEqualTypeOf<
      Promise<string[]>
    >();
    expectTypeOf(client.xautoclaim('s', 'g', 'c', '0', '0-0')).toEqualTypeOf<
      Promise<[string, Entry[], string[]]>
    >();
    expectTypeOf(client.xautoclaim('s', 'g', 'c', '0', '0-0', { justid: true })).toEqualTypeOf<
      Promise<[string, string[], string[]]>
    >();
    expectTypeOf(client.xpending('s', 'g')).toEqualTypeOf<
      Promise<[number, string | null, string | null, [string, number][] | null]>
    >();
    expectTypeOf(
      client.xpending('s', 'g', { filters: { start: '-', end: '+', count: 10 } }),
    ).toEqualTypeOf<Promise<[string, string, number, number][]>>();
  });

  it('XINFO STREAM: the summary, or the full state', () => {
    expectTypeOf(client.xinfoStream('s').then((info) => info.length)).toEqualTypeOf<
      Promise<number | undefined>
    >();
    expectTypeOf(
      client.xinfoStream('s', { full: {} }).then((info) => info.groups),
    ).not.toEqualTypeOf<Promise<number | undefined>>();
  });

  it('GEO searches: members, or [member, ...extras] with WITH* flags, or a count with STORE', () => {
    const circle = { circle: { byradius: 10, unit: 'km' } } as const;
    expectTypeOf(client.geosearch('g', { frommember: 'm' }, circle)).toEqualTypeOf<
      Promise<string[]>
    >();
    expectTypeOf(
      client.geosearch('g', { frommember: 'm' }, circle, { withdist: true }),
    ).toEqualTypeOf<Promise<GeoMatch[]>>();
    const _near = client.geosearch('g', { frommember: 'm' }, circle, { withdist: true });
    expectTypeOf<Extras<typeof _near>>().toEqualTypeOf<number | [number, number]>();
    expectTypeOf(client.georadius('g', 15, 37, 10, 'km')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.georadius('g', 15, 37, 10, 'km', { withcoord: true })).toEqualTypeOf<
      Promise<GeoMatch[]>
    >();
    expectTypeOf(
      client.georadius('g', 15, 37, 10, 'km', { store: { store: 'dst' } }),
    ).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.georadiusRo('g', 15, 37, 10, 'km')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.georadiusbymember('g', 'm', 10, 'km')).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.georadiusbymember('g', 'm', 10, 'km', { withhash: true })).toEqualTypeOf<
      Promise<GeoMatch[]>
    >();
    expectTypeOf(client.georadiusbymemberRo('g', 'm', 10, 'km')).toEqualTypeOf<Promise<string[]>>();
  });

  it('SET, SORT, LCS, ZADD, ZRANK, ZREVRANK, ZSCAN, PING, ACL LOG, CLIENT KILL', () => {
    expectTypeOf(client.set('k', 'v', { get: true })).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.sort('l')).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(client.sort('l', { store: 'd' })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.lcs('a', 'b', { len: true })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.lcs('a', 'b', { idx: true }).then((r) => r.len)).toEqualTypeOf<
      Promise<number>
    >();
    expectTypeOf(client.zadd('z', [[1, 'm']], { incr: true })).toEqualTypeOf<
      Promise<number | null>
    >();
    expectTypeOf(client.zrank('z', 'm')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.zrank('z', 'm', { withscore: true })).toEqualTypeOf<
      Promise<[number, number] | null>
    >();
    expectTypeOf(client.zrevrank('z', 'm')).toEqualTypeOf<Promise<number | null>>();
    expectTypeOf(client.zscan('z', '0')).toEqualTypeOf<Promise<[string, Scored]>>();
    expectTypeOf(client.zscan('z', '0', { noscores: true })).toEqualTypeOf<
      Promise<[string, string[]]>
    >();
    expectTypeOf(client.ping('hi')).toEqualTypeOf<Promise<string>>();
    expectTypeOf(client.aclLog({ operation: 'RESET' })).toEqualTypeOf<Promise<'OK'>>();
    expectTypeOf(client.aclLog().then((log) => log[0]!.reason)).toEqualTypeOf<
      Promise<string | undefined>
    >();
    expectTypeOf(client.clientKill({ newFormat: [{ id: 1 }] })).toEqualTypeOf<Promise<number>>();
  });

  it('COMMAND, COMMAND INFO and COMMAND DOCS: subcommands and nested arguments keep their shape', () => {
    expectTypeOf(client.command().then((all) => all[0]![9][0]![0])).toEqualTypeOf<
      Promise<string>
    >();
    expectTypeOf(client.commandInfo(['get']).then((info) => info[0])).toMatchTypeOf<
      Promise<[string, number, ...unknown[]] | null | undefined>
    >();
    expectTypeOf(
      client.commandDocs(['set']).then((docs) => docs.set!.arguments![0]!.arguments?.[0]?.name),
    ).toEqualTypeOf<Promise<string | undefined>>();
  });
});
