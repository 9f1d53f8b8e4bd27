import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const bits = ({ client, key }: CaseContext): Promise<unknown> => client.set(key('bits'), 'foobar');

const places = ({ client, key }: CaseContext): Promise<unknown> =>
  client.geoadd(key('geo'), [
    { longitude: 13.361389, latitude: 38.115556, member: 'Palermo' },
    { longitude: 15.087269, latitude: 37.502669, member: 'Catania' },
  ]);

const palermoNearby = { frommember: 'Palermo' } as const;
const within200km = { circle: { byradius: 200, unit: 'km' } } as const;

/** Bitmap, HyperLogLog and geo commands, with the geo WITHDIST / WITHCOORD / WITHHASH variants. */
export const bitmapHllGeoCases: readonly ConformanceCase[] = [
  conformanceCase('setbit', { args: ({ key }) => [key('bits2'), 7, 1] }),
  conformanceCase('getbit', { setup: bits, args: ({ key }) => [key('bits'), 1] }),
  conformanceCase('bitcount', {
    setup: bits,
    args: ({ key }) => [key('bits')],
    check: (reply) => expect(reply).toBe(26),
  }),
  conformanceCase('bitcount', {
    label: 'range',
    setup: bits,
    args: ({ key }) => [key('bits'), { range: { start: 1, end: 1 } }],
    check: (reply) => expect(reply).toBe(6),
  }),
  conformanceCase('bitpos', {
    setup: bits,
    args: ({ key }) => [
      key('bits'),
      1,
      { range: { start: 2, endUnitBlock: { end: -1, unit: 'BYTE' } } },
    ],
  }),
  conformanceCase('bitop', {
    setup: bits,
    args: ({ key }) => ['AND', key('bitsdst'), [key('bits'), key('bits2')]],
  }),
  conformanceCase('bitfield', {
    setup: bits,
    args: ({ key }) => [
      key('bits'),
      {
        operation: [
          { get: { encoding: 'u8', offset: 0 } },
          {
            write: {
              overflow: 'FAIL',
              writeOperation: { incrby: { encoding: 'u2', offset: 100, increment: 5 } },
            },
          },
          { write: { writeOperation: { set: { encoding: 'i8', offset: 8, value: 1 } } } },
        ],
      },
    ],
    check: (reply) => expect(reply).toEqual([102, null, 111]),
  }),
  conformanceCase('bitfieldRo', {
    setup: bits,
    args: ({ key }) => [
      key('bits'),
      {
        get: [
          ['u8', 0],
          ['i4', 4],
        ],
      },
    ],
    check: (reply) => expect(reply).toEqual([102, 6]),
  }),
  conformanceCase('pfadd', { args: ({ key }) => [key('hll'), ['a', 'b', 'c']] }),
  conformanceCase('pfadd', { label: 'no elements', args: ({ key }) => [key('hll2')] }),
  conformanceCase('pfcount', { args: ({ key }) => [[key('hll'), key('hll2')]] }),
  conformanceCase('pfmerge', { args: ({ key }) => [key('hlldst'), [key('hll'), key('hll2')]] }),
  conformanceCase('geoadd', {
    setup: ({ client, key }) => client.del(key('geo')),
    args: ({ key }) => [
      key('geo'),
      [{ longitude: 13.361389, latitude: 38.115556, member: 'Palermo' }],
      { ch: true },
    ],
  }),
  conformanceCase('geodist', {
    setup: places,
    args: ({ key }) => [key('geo'), 'Palermo', 'Catania', { unit: 'km' }],
    check: (reply) => expect(Number(reply)).toBeCloseTo(166.27, 1),
  }),
  conformanceCase('geodist', {
    label: 'missing',
    args: ({ key }) => [key('geo'), 'Palermo', 'Nowhere'],
  }),
  conformanceCase('geohash', {
    setup: places,
    args: ({ key }) => [key('geo'), ['Palermo', 'Nowhere']],
  }),
  conformanceCase('geopos', {
    setup: places,
    args: ({ key }) => [key('geo'), ['Palermo', 'Nowhere']],
    check: (reply) => {
      expect(reply[0]![0]).toBeCloseTo(13.361389, 4);
      expect(reply[1]).toBeNull();
    },
  }),
  conformanceCase('georadius', {
    setup: places,
    args: ({ key }) => [key('geo'), 15, 37, 200, 'km'],
  }),
  conformanceCase('georadius', {
    label: 'withdist withcoord withhash',
    setup: places,
    args: ({ key }) => [
      key('geo'),
      15,
      37,
      200,
      'km',
      { withdist: true, withcoord: true, withhash: true, order: 'ASC' },
    ],
    check: (reply) =>
      expect(reply).toEqual([
        [
          'Catania',
          expect.any(String),
          expect.any(Number),
          [expect.any(Number), expect.any(Number)],
        ],
        expect.any(Array),
      ]),
  }),
  conformanceCase('georadius', {
    label: 'store',
    setup: places,
    args: ({ key }) => [key('geo'), 15, 37, 200, 'km', { store: { store: key('geodst') } }],
    check: (reply) => expect(reply).toBe(2),
  }),
  conformanceCase('georadiusRo', {
    setup: places,
    args: ({ key }) => [key('geo'), 15, 37, 200, 'km', { count: { count: 1, any: true } }],
  }),
  conformanceCase('georadiusRo', {
    label: 'withcoord',
    setup: places,
    args: ({ key }) => [key('geo'), 15, 37, 200, 'km', { withcoord: true }],
  }),
  conformanceCase('georadiusbymember', {
    setup: places,
    args: ({ key }) => [key('geo'), 'Palermo', 200, 'km'],
  }),
  conformanceCase('georadiusbymember', {
    label: 'withdist',
    setup: places,
    args: ({ key }) => [key('geo'), 'Palermo', 200, 'km', { withdist: true, order: 'DESC' }],
    check: (reply) =>
      expect(reply).toEqual([
        ['Catania', expect.any(String)],
        ['Palermo', '0.0000'],
      ]),
  }),
  conformanceCase('georadiusbymemberRo', {
    setup: places,
    args: ({ key }) => [key('geo'), 'Palermo', 200, 'km'],
  }),
  conformanceCase('georadiusbymemberRo', {
    label: 'withhash',
    setup: places,
    args: ({ key }) => [key('geo'), 'Palermo', 200, 'km', { withhash: true }],
  }),
  conformanceCase('geosearch', {
    setup: places,
    args: ({ key }) => [key('geo'), palermoNearby, within200km],
  }),
  conformanceCase('geosearch', {
    label: 'withdist withcoord',
    setup: places,
    args: ({ key }) => [
      key('geo'),
      { fromlonlat: { longitude: 15, latitude: 37 } },
      { box: { bybox: 400, height: 400, unit: 'km' } },
      { withdist: true, withcoord: true, count: { count: 5 }, order: 'ASC' },
    ],
    check: (reply) =>
      expect(reply).toEqual([
        ['Catania', expect.any(String), [expect.any(Number), expect.any(Number)]],
        expect.any(Array),
      ]),
  }),
  conformanceCase('geosearchstore', {
    setup: places,
    args: ({ key }) => [key('geodst'), key('geo'), palermoNearby, within200km, { storedist: true }],
  }),
];
