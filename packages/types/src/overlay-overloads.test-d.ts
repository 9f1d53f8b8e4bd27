import { describe, expectTypeOf, it } from 'vitest';
import type { PromiseContext } from './command-context.js';
import type { RedisCommands } from './generated/redis-commands.js';

declare const client: RedisCommands<PromiseContext>;
declare const binary: RedisCommands<PromiseContext<Buffer>>;
declare const flag: boolean;
declare const maybeCount: number | undefined;

type Scored = [string, number][];
type GeoMatches = Array<[string, ...Array<number | [number, number]>]>;
/** The extras of a match: checked apart, since type identity is loose inside a rest element. */
type Extras<T> = T extends Promise<Array<[string, ...infer R]>> ? R[number] : never;
const circle = { circle: { byradius: 10, unit: 'km' } } as const;

describe('overloads from specs/overlay', () => {
  it('narrow the reply when a flag is set', () => {
    expectTypeOf(client.set('k', 'v', { get: true })).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(binary.set('k', 'v', { get: true })).toEqualTypeOf<Promise<Buffer | null>>();
    expectTypeOf(client.zrange('k', 0, -1, { withscores: true })).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.zrangebyscore('k', 0, 1, { withscores: true })).toEqualTypeOf<
      Promise<Scored>
    >();
    expectTypeOf(client.zunion(['a', 'b'], { withscores: true })).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.zadd('z', [[1, 'm']], { incr: true })).toEqualTypeOf<
      Promise<number | null>
    >();
    expectTypeOf(client.zrank('z', 'm', { withscore: true })).toEqualTypeOf<
      Promise<[number, number] | null>
    >();
    expectTypeOf(client.lcs('a', 'b', { len: true })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.lcs('a', 'b', { idx: true }).then((r) => r.len)).toEqualTypeOf<
      Promise<number>
    >();
    expectTypeOf(client.xclaim('s', 'g', 'c', 0, '1-1', { justid: true })).toEqualTypeOf<
      Promise<string[]>
    >();
  });

  it('narrow by a flag nested in an options block', () => {
    expectTypeOf(
      client.zrandmember('z', { options: { count: 2, withscores: true } }),
    ).toEqualTypeOf<Promise<Scored>>();
    expectTypeOf(client.hrandfield('h', { options: { count: 2, withvalues: true } })).toEqualTypeOf<
      Promise<[string, string][]>
    >();
  });

  it('narrow the reply when a count is passed', () => {
    expectTypeOf(client.lpop('k', 2)).toEqualTypeOf<Promise<string[] | null>>();
    expectTypeOf(client.rpop('k', 2)).toEqualTypeOf<Promise<string[] | null>>();
    expectTypeOf(client.spop('k', 2)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.srandmember('k', 2)).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(client.zpopmin('k', 2)).toEqualTypeOf<Promise<Scored>>();
  });

  it('give every GEO WITH* flag, alone or combined, the [member, ...extras] shape', () => {
    expectTypeOf(
      client.geosearch('g', { frommember: 'm' }, circle, { withdist: true }),
    ).toEqualTypeOf<Promise<GeoMatches>>();
    expectTypeOf(
      client.georadius('g', 15, 37, 10, 'km', { withcoord: true, withhash: true }),
    ).toEqualTypeOf<Promise<GeoMatches>>();
    // Distances come as strings and are returned as numbers (issue 15).
    const _withdist = client.geosearch('g', { frommember: 'm' }, circle, { withdist: true });
    expectTypeOf<Extras<typeof _withdist>>().toEqualTypeOf<number | [number, number]>();
  });

  it('narrow when the flag or count is absent, and keep the general reply when unknown', () => {
    expectTypeOf(client.lpop('k')).toEqualTypeOf<Promise<string | null>>();
    expectTypeOf(client.set('k', 'v')).toEqualTypeOf<Promise<'OK' | null>>();
    expectTypeOf(client.sort('l', { store: 'dst' })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.sort('l')).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(client.clientKill({ newFormat: [{ id: 1 }] })).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zcount('z', '-inf', '(5')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.lpop('k', maybeCount)).toEqualTypeOf<Promise<string | string[] | null>>();
    expectTypeOf(client.set('k', 'v', { get: flag })).toEqualTypeOf<
      Promise<'OK' | string | null>
    >();
    expectTypeOf(client.zrange('k', 0, -1, { withscores: flag })).toEqualTypeOf<
      Promise<string[] | Scored>
    >();
  });

  it('reject a narrowed reply type the server does not send', () => {
    const rank = client.zrank('z', 'm', { withscore: true });
    // @ts-expect-error WITHSCORE replies [rank, score], not the rank alone
    expectTypeOf(rank).toEqualTypeOf<Promise<number | null>>();
    // @ts-expect-error LPOP with a count returns a list
    expectTypeOf(client.lpop('k', 2)).toEqualTypeOf<Promise<string | null>>();
  });
});

describe('reply errata from specs/overlay', () => {
  it('type replies the spec gets wrong', () => {
    expectTypeOf(client.geohash('g', ['a', 'b'])).toEqualTypeOf<Promise<(string | null)[]>>();
    expectTypeOf(client.hello().then((r) => r.proto)).toEqualTypeOf<Promise<2 | 3 | undefined>>();
    expectTypeOf(client.waitaof(1, 0, 0)).toEqualTypeOf<Promise<[number, number]>>();
    expectTypeOf(client.command().then((r) => r[0]![0])).toEqualTypeOf<Promise<string>>();
  });
});

describe('argument errata from specs/overlay', () => {
  type Page = Promise<[string, string[]]>;
  it('take the cursor string SCAN returned', () => {
    expectTypeOf(client.scan('18446744073709551615')).toEqualTypeOf<Page>();
    expectTypeOf(client.sscan('s', '0', { count: 10 })).toEqualTypeOf<Page>();
    expectTypeOf(client.hscan('h', 0)).toEqualTypeOf<Promise<[string, [string, string][]]>>();
    expectTypeOf(client.hscan('h', 0, { novalues: true })).toEqualTypeOf<Page>();
    expectTypeOf(client.zscan('z', Buffer.from('0'))).toEqualTypeOf<
      Promise<[string, [string, number][]]>
    >();
  });

  it('take fractional weights and increments', () => {
    expectTypeOf(client.zunion(['a', 'b'], { weights: [1.5, 0.5] })).toEqualTypeOf<
      Promise<string[]>
    >();
    expectTypeOf(client.zinterstore('d', ['a', 'b'], { weights: [0.25, 2] })).toEqualTypeOf<
      Promise<number>
    >();
    expectTypeOf(client.zincrby('z', 0.5, 'm')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(client.zunionstore)
      .parameter(2)
      .toEqualTypeOf<
        { weights?: number | readonly number[]; aggregate?: 'SUM' | 'MIN' | 'MAX' } | undefined
      >();
  });
});
