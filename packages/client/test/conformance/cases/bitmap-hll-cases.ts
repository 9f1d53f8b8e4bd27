import { expect } from 'vitest';
import { conformanceCase, type CaseContext, type ConformanceCase } from '../conformance-case.js';

const bits = ({ client, key }: CaseContext): Promise<unknown> => client.set(key('bits'), 'foobar');

/** Bitmap and HyperLogLog commands. */
export const bitmapHllCases: readonly ConformanceCase[] = [
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
];
