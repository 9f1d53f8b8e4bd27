import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const places = ({ client, key }: CaseContext): Promise<unknown> =>
  client.geoadd(key('geo'), [
    { longitude: 13.361389, latitude: 38.115556, member: 'Palermo' },
    { longitude: 15.087269, latitude: 37.502669, member: 'Catania' },
  ]);

const palermoNearby = { frommember: 'Palermo' } as const;
const within200km = { circle: { byradius: 200, unit: 'km' } } as const;

/** Geo commands, with the WITHDIST / WITHCOORD / WITHHASH and STORE variants. */
export const geoCases: readonly ConformanceCase[] = [
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
    check: (reply) => expect(reply).toBeCloseTo(166.27, 1),
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
  conformanceCase('geopos', {
    label: 'missing key',
    args: ({ key }) => [key('missing'), 'Palermo'],
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
          expect.any(Number),
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
        ['Catania', expect.any(Number)],
        ['Palermo', 0],
      ]),
  }),
  conformanceCase('georadiusbymember', {
    label: 'withcoord withhash',
    setup: places,
    args: ({ key }) => [key('geo'), 'Palermo', 100, 'km', { withcoord: true, withhash: true }],
    check: (reply) =>
      expect(reply).toEqual([
        ['Palermo', expect.any(Number), [expect.any(Number), expect.any(Number)]],
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
        ['Catania', expect.any(Number), [expect.any(Number), expect.any(Number)]],
        expect.any(Array),
      ]),
  }),
  conformanceCase('geosearch', {
    label: 'withhash',
    setup: places,
    args: ({ key }) => [key('geo'), palermoNearby, within200km, { withhash: true, order: 'DESC' }],
    check: (reply) =>
      expect(reply).toEqual([
        ['Catania', expect.any(Number)],
        ['Palermo', expect.any(Number)],
      ]),
  }),
  conformanceCase('geosearchstore', {
    setup: places,
    args: ({ key }) => [key('geodst'), key('geo'), palermoNearby, within200km, { storedist: true }],
  }),
];
