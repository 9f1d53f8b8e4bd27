import { describe, expect, it } from 'vitest';
import { encodeCommand } from './command-encoder.js';
import { commandKeyPositions, commandKeys, soleKeyPosition } from './command-keys.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';
import type { RedisArgument } from './resp-values.js';

/** The keys of a real call, encoded by the real encoder from the generated table. */
const keysOf = (method: CommandMethod, ...params: unknown[]): RedisArgument[] =>
  commandKeys(commandTable[method], encodeCommand(commandTable[method], params));

describe('commandKeys', () => {
  it('finds single keys by index', () => {
    expect(keysOf('get', 'k')).toEqual(['k']);
    expect(keysOf('set', 'k', 'v', { expiration: { ex: 10 } })).toEqual(['k']);
    expect(keysOf('get', Buffer.from('bin'))).toEqual([Buffer.from('bin')]);
  });

  it('counts positions from the command name, so subcommands start at index 2', () => {
    expect(keysOf('objectEncoding', 'k')).toEqual(['k']);
    expect(keysOf('xinfoStream', 's', { full: { count: 5 } })).toEqual(['s']);
    expect(keysOf('memoryUsage', 'm', { samples: 3 })).toEqual(['m']);
    expect(keysOf('xgroupCreate', 's', 'g', { id: '$' }, { mkstream: true })).toEqual(['s']);
  });

  it('follows ranges to the last argument, with a step', () => {
    expect(keysOf('del', ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(keysOf('mget', ['a', 'b'])).toEqual(['a', 'b']);
    expect(keysOf('mset', { a: '1', b: '2', c: '3' })).toEqual(['a', 'b', 'c']);
    expect(keysOf('sunionstore', 'dst', ['x', 'y'])).toEqual(['dst', 'x', 'y']);
    expect(keysOf('bitop', 'AND', 'dst', ['x', 'y'])).toEqual(['dst', 'x', 'y']);
    expect(keysOf('lcs', 'k1', 'k2', { len: true })).toEqual(['k1', 'k2']);
  });

  it('keeps several specs in spec order', () => {
    expect(keysOf('lmove', 'src', 'dst', 'LEFT', 'RIGHT')).toEqual(['src', 'dst']);
    expect(keysOf('rename', 'a', 'b')).toEqual(['a', 'b']);
  });

  it('reads key counts (keynum)', () => {
    expect(keysOf('eval', 'return 1', ['k1', 'k2'], ['a1'])).toEqual(['k1', 'k2']);
    expect(keysOf('eval', 'return 1')).toEqual([]);
    expect(keysOf('zunionstore', 'dst', ['z1', 'z2'], { aggregate: 'MAX' })).toEqual([
      'dst',
      'z1',
      'z2',
    ]);
    expect(keysOf('blmpop', 1.5, ['l1', 'l2'], 'LEFT', { count: 2 })).toEqual(['l1', 'l2']);
    expect(keysOf('sintercard', ['s1', 's2'], { limit: 1 })).toEqual(['s1', 's2']);
  });

  it('searches keywords: XREAD STREAMS keys are the first half of what follows', () => {
    expect(keysOf('xread', { key: ['a', 'b'], id: ['0', '$'] }, { count: 1 })).toEqual(['a', 'b']);
    expect(
      keysOf('xreadgroup', { group: 'g', consumer: 'c' }, { key: 's1', id: '>' }, { count: 2 }),
    ).toEqual(['s1']);
    // A stream named like the keyword: the first STREAMS from the start is the token.
    expect(keysOf('xread', { key: ['STREAMS', 'x'], id: ['0', '0'] })).toEqual(['STREAMS', 'x']);
  });

  it('finds optional keyword keys such as GEORADIUS STORE', () => {
    const spec = commandTable.georadius;
    expect(commandKeys(spec, ['GEORADIUS', 'g', 1, 2, 3, 'km', 'STORE', 'dst'])).toEqual([
      'g',
      'dst',
    ]);
    expect(commandKeys(spec, ['GEORADIUS', 'g', 1, 2, 3, 'km'])).toEqual(['g']);
  });

  it('finds the SORT STORE destination, which the specs leave unknown', () => {
    const options = { by: 'w_*', limit: { offset: 0, count: 2 }, get: ['#', 'o_*'], store: 'dst' };
    expect(keysOf('sort', 'k', options)).toEqual(['k', 'dst']);
    expect(keysOf('sort', 'k', { get: ['store'] })).toEqual(['k']);
    expect(keysOf('sortRo', 'k', { by: 'w_*' })).toEqual(['k']);
  });

  it('finds MIGRATE keys in both forms', () => {
    expect(keysOf('migrate', 'h', 6379, 'k', 0, 100)).toEqual(['k']);
    const spec = commandTable.migrate;
    const wire = ['MIGRATE', 'h', 6379, '', 0, 100, 'AUTH2', 'u', 'keys', 'KEYS', 'a', 'b'];
    expect(commandKeys(spec, wire)).toEqual(['a', 'b']);
  });

  it('skips channels (NOT_KEY) and keyless commands', () => {
    expect(keysOf('spublish', 'chan', 'msg')).toEqual([]);
    const wire = ['SPUBLISH', 'chan', 'msg'];
    expect(commandKeyPositions(commandTable.spublish, wire, { channels: true })).toEqual([1]);
    expect(keysOf('dbsize')).toEqual([]);
    expect(keysOf('ping')).toEqual([]);
  });

  it('returns wire positions for splitting multi-key commands', () => {
    const spec = commandTable.mset;
    expect(commandKeyPositions(spec, ['MSET', 'a', '1', 'b', '2'])).toEqual([1, 3]);
  });

  it('finds nothing where the wire contradicts the spec', () => {
    expect(commandKeys(commandTable.eval, ['EVAL', 'return 1', 'x'])).toEqual([]);
    expect(commandKeys(commandTable.eval, ['EVAL', 'return 1', 5, 'k'])).toEqual([]);
    expect(commandKeys(commandTable.get, ['GET'])).toEqual([]);
  });
});

describe('soleKeyPosition', () => {
  it('agrees with commandKeyPositions for every command it answers, and declines the rest', () => {
    let answered = 0;
    for (const spec of Object.values(commandTable)) {
      // Wires of every length up to nine arguments: some key specs only apply to longer calls.
      for (let extra = 0; extra <= 9; extra++) {
        const wire = [...spec.words, ...Array.from({ length: extra }, (_, i) => `arg${i}`)];
        const sole = soleKeyPosition(spec, wire.length);
        const positions = commandKeyPositions(spec, wire);
        if (sole === -1) continue;
        answered++;
        expect({ name: spec.name, positions }).toEqual({ name: spec.name, positions: [sole] });
      }
    }
    // GET, SET, INCR and the other single-key commands: most of the table.
    expect(answered).toBeGreaterThan(1000);
  });

  it('declines commands whose keys the specs find elsewhere or Redis corrects', () => {
    const wire = (method: CommandMethod, ...args: string[]): string[] => [
      ...commandTable[method].words,
      ...args,
    ];
    expect(soleKeyPosition(commandTable.mget, wire('mget', 'a', 'b').length)).toBe(-1);
    expect(soleKeyPosition(commandTable.sort, wire('sort', 'k', 'STORE', 'dst').length)).toBe(-1);
    expect(soleKeyPosition(commandTable.spublish, wire('spublish', 'ch', 'm').length)).toBe(-1);
    expect(soleKeyPosition(commandTable.get, 1)).toBe(-1); // GET without its key
    expect(soleKeyPosition(commandTable.get, 2)).toBe(1);
    expect(soleKeyPosition(commandTable.objectEncoding, 3)).toBe(2);
  });
});
