import { describe, expect, it } from 'vitest';
import { encodeCommand } from './command-encoder.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';
import { normalizeReply, selectReplyPlan } from './reply-normalizer.js';
import type { RespValue } from './resp-values.js';

/** The reply of `method(...params)` as the client returns it: the plan its options select. */
function normalized(method: CommandMethod, params: unknown[], decoded: RespValue): unknown {
  const spec = commandTable[method];
  const plan = selectReplyPlan(spec.reply, spec.replyVariants, params, spec.params);
  return normalizeReply(decoded, plan);
}

const encode = (method: CommandMethod, ...params: unknown[]): unknown[] =>
  encodeCommand(commandTable[method], params);

// Decoded replies as redis-server 7.0.15 sent them: RESP2 flattens pairs and sends doubles as
// strings, RESP3 nests pairs and sends doubles as numbers.
const scored = {
  resp2: ['a', '1', 'b', '2.5'],
  resp3: [
    ['a', 1],
    ['b', 2.5],
  ],
  value: [
    ['a', 1],
    ['b', 2.5],
  ],
};

describe('option-dependent replies from specs/overlay', () => {
  it.each<[CommandMethod, unknown[]]>([
    ['zrange', ['z', 0, -1, { withscores: true }]],
    ['zrange', ['z', '(1', '+inf', { sortby: 'BYSCORE', withscores: true }]],
    ['zrangebyscore', ['z', 1, 3, { withscores: true }]],
    ['zrevrange', ['z', 0, -1, { withscores: true }]],
    ['zrevrangebyscore', ['z', 3, 1, { withscores: true }]],
    ['zunion', [['z', 'y'], { withscores: true }]],
    ['zinter', [['z', 'y'], { withscores: true }]],
    ['zdiff', [['z', 'y'], { withscores: true }]],
    ['zrandmember', ['z', { options: { count: 2, withscores: true } }]],
    ['zpopmin', ['z', 2]],
    ['zpopmax', ['z', 2]],
  ])('%s with scores gives [member, score] pairs', (method, params) => {
    expect(normalized(method, params, scored.resp2)).toEqual(scored.value);
    expect(normalized(method, params, scored.resp3)).toEqual(scored.value);
    expect(normalized(method, params, [])).toEqual([]);
  });

  it('keeps replies without scores as lists of members', () => {
    expect(normalized('zrange', ['z', 0, -1], ['a', 'b'])).toEqual(['a', 'b']);
    expect(normalized('zrange', ['z', 0, -1, { withscores: false }], ['a', 'b'])).toEqual([
      'a',
      'b',
    ]);
    expect(normalized('zrandmember', ['z', { options: { count: 2 } }], ['a', 'b'])).toEqual([
      'a',
      'b',
    ]);
  });

  it('reads ZPOPMIN without a count as one flat pair, or none', () => {
    expect(normalized('zpopmin', ['z'], ['a', '1'])).toEqual(['a', 1]);
    expect(normalized('zpopmin', ['z'], ['a', 1])).toEqual(['a', 1]);
    expect(normalized('zpopmax', ['z'], [])).toEqual([]);
  });

  it('pairs HRANDFIELD fields with their values', () => {
    const params = ['h', { options: { count: 2, withvalues: true } }];
    const value = [
      ['f1', 'v1'],
      ['f2', 'v2'],
    ];
    expect(normalized('hrandfield', params, ['f1', 'v1', 'f2', 'v2'])).toEqual(value);
    expect(normalized('hrandfield', params, value)).toEqual(value);
  });

  it('returns the old value for SET with GET', () => {
    expect(normalized('set', ['k', 'v', { get: true }], 'old')).toBe('old');
    expect(normalized('set', ['k', 'v', { get: true }], null)).toBeNull();
    expect(normalized('set', ['k', 'v'], 'OK')).toBe('OK');
  });

  it('parses the new score of ZADD INCR', () => {
    const params = ['z', [[1.5, 'a']], { incr: true }];
    expect(normalized('zadd', params, '4.5')).toBe(4.5);
    expect(normalized('zadd', params, 4.5)).toBe(4.5);
    expect(normalized('zadd', params, null)).toBeNull();
    expect(normalized('zadd', ['z', [[1, 'a']]], 1)).toBe(1);
  });

  it('parses the score of ZRANK and ZREVRANK WITHSCORE', () => {
    for (const method of ['zrank', 'zrevrank'] as const) {
      const params = ['z', 'a', { withscore: true }];
      expect(normalized(method, params, [0, '2.5'])).toEqual([0, 2.5]);
      expect(normalized(method, params, [0, 2.5])).toEqual([0, 2.5]);
      expect(normalized(method, params, null)).toBeNull();
    }
  });

  it('returns lists for SPOP, SRANDMEMBER, LPOP and RPOP with a count', () => {
    expect(normalized('spop', ['s', 2], ['a', 'b'])).toEqual(['a', 'b']);
    expect(normalized('srandmember', ['s', -2], ['a', 'a'])).toEqual(['a', 'a']);
    expect(normalized('lpop', ['l', 2], ['a', 'b'])).toEqual(['a', 'b']);
    expect(normalized('rpop', ['missing', 2], null)).toBeNull();
    expect(normalized('lpop', ['l'], 'a')).toBe('a');
  });

  it('shapes LCS by LEN and IDX', () => {
    expect(normalized('lcs', ['a', 'b', { len: true }], 6)).toBe(6);
    const value = {
      matches: [
        [[4, 7], [5, 8], 4],
        [[2, 3], [0, 1], 2],
      ],
      len: 6,
    };
    const params = ['a', 'b', { idx: true, withmatchlen: true }];
    expect(normalized('lcs', params, ['matches', value.matches, 'len', 6])).toEqual(value);
    expect(normalized('lcs', params, value)).toEqual(value);
    expect(normalized('lcs', ['a', 'b'], 'mytext')).toBe('mytext');
  });

  it('keeps GEO WITH* matches as [member, ...extras]', () => {
    const byRadius = { circle: { byradius: 200, unit: 'km' } };
    const params = ['g', { frommember: 'Palermo' }, byRadius, { withdist: true, withhash: true }];
    const matches = [['Palermo', '0.0000', 3479099956230698]];
    // The distance comes as a string and is returned as a number; the hash stays as it came.
    expect(normalized('geosearch', params, matches)).toEqual([['Palermo', 0, 3479099956230698]]);
    const plain = ['g', 15, 37, 200, 'km'];
    expect(normalized('georadiusRo', plain, ['Palermo', 'Catania'])).toEqual([
      'Palermo',
      'Catania',
    ]);
  });

  it('returns only IDs for XCLAIM and XAUTOCLAIM with JUSTID', () => {
    const claim = ['s', 'g', 'c', 0, '1-1', { justid: true }];
    expect(normalized('xclaim', claim, ['1-1'])).toEqual(['1-1']);
    const autoclaim = ['s', 'g', 'c', 0, '0', { justid: true }];
    expect(normalized('xautoclaim', autoclaim, ['0-0', ['1-1'], []])).toEqual(['0-0', ['1-1'], []]);
  });

  it('reads both WAITAOF counts as integers', () => {
    expect(commandTable.waitaof.reply).toBe(0);
    expect(normalized('waitaof', [1, 0, 0], [1, 0])).toEqual([1, 0]);
  });
});

describe('reply errata from specs/overlay', () => {
  it('reads COMMAND key specs as objects on both protocols', () => {
    const head = ['get', 2, ['readonly', 'fast'], 1, 1, 1, ['@read'], []];
    const keySpec = {
      flags: ['RO'],
      begin_search: { type: 'index', spec: { index: 1 } },
      find_keys: { type: 'range', spec: { lastkey: 0, keystep: 1, limit: 0 } },
    };
    const flatKeySpec = [
      ...['flags', ['RO'], 'begin_search', ['type', 'index', 'spec', ['index', 1]]],
      ...['find_keys', ['type', 'range', 'spec', ['lastkey', 0, 'keystep', 1, 'limit', 0]]],
    ];
    const expected = [[...head, [keySpec], []]];
    expect(normalized('command', [], [[...head, [flatKeySpec], []]])).toEqual(expected);
    expect(normalized('command', [], expected)).toEqual(expected);
  });
});

describe('argument errata from specs/overlay', () => {
  it('sends fractional weights and increments', () => {
    expect(encode('zunion', ['a', 'b'], { weights: [1.5, 0.5] })).toEqual([
      'ZUNION',
      2,
      'a',
      'b',
      'WEIGHTS',
      1.5,
      0.5,
    ]);
    expect(encode('zinter', 'a', { weights: 2.5 })).toEqual(['ZINTER', 1, 'a', 'WEIGHTS', 2.5]);
    expect(encode('zunionstore', 'd', ['a'], { weights: [0.5] })).toEqual([
      'ZUNIONSTORE',
      'd',
      1,
      'a',
      'WEIGHTS',
      0.5,
    ]);
    expect(encode('zinterstore', 'd', ['a'], { weights: [0.5] })).toContain(0.5);
    expect(encode('zincrby', 'z', 0.25, 'm')).toEqual(['ZINCRBY', 'z', 0.25, 'm']);
  });

  it('sends exclusive and infinite score bounds', () => {
    expect(encode('zrangebyscore', 'z', '(1', '+inf')).toEqual([
      'ZRANGEBYSCORE',
      'z',
      '(1',
      '+inf',
    ]);
    expect(encode('zrevrangebyscore', 'z', '+inf', '(1')).toEqual([
      'ZREVRANGEBYSCORE',
      'z',
      '+inf',
      '(1',
    ]);
    expect(encode('zcount', 'z', -Infinity, Infinity)).toEqual(['ZCOUNT', 'z', '-inf', '+inf']);
    expect(encode('zremrangebyscore', 'z', '-inf', '(2.5')).toEqual([
      'ZREMRANGEBYSCORE',
      'z',
      '-inf',
      '(2.5',
    ]);
  });

  it('sends the cursor string the server returned', () => {
    const cursor = '18446744073709551615';
    expect(encode('scan', cursor, { count: 10 })).toEqual(['SCAN', cursor, 'COUNT', 10]);
    expect(encode('sscan', 's', cursor)).toEqual(['SSCAN', 's', cursor]);
    expect(encode('hscan', 'h', cursor)).toEqual(['HSCAN', 'h', cursor]);
    expect(encode('zscan', 'z', 0)).toEqual(['ZSCAN', 'z', 0]);
  });
});
