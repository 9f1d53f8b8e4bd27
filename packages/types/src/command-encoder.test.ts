import { describe, expect, it } from 'vitest';
import { encodeCommand, isPlainCall, plainArgs } from './command-encoder.js';
import { CommandArgumentError, UnsupportedCommandError } from './errors.js';
import { commandTable, type CommandMethod } from './generated/command-table.js';
import { minimalParams } from '../test/minimal-params.js';

const encode = (method: CommandMethod, ...params: unknown[]): unknown[] =>
  encodeCommand(commandTable[method], params);

const redis7 = { product: 'redis', version: '7.0.15', protocol: 3 } as const;

describe('encodeCommand', () => {
  it('encodes positional arguments in wire order', () => {
    expect(encode('incr', 'counter')).toEqual(['INCR', 'counter']);
    expect(encode('get', Buffer.from('k'))).toEqual(['GET', Buffer.from('k')]);
    expect(encode('clientKill', { newFormat: [{ id: 7 }] })).toEqual(['CLIENT', 'KILL', 'ID', 7]);
  });

  it('encodes SET options: oneof alternatives, literal tokens and flags', () => {
    expect(encode('set', 'k', 'v', { condition: 'NX', get: true, expiration: { ex: 10 } })).toEqual(
      ['SET', 'k', 'v', 'NX', 'GET', 'EX', 10],
    );
    expect(encode('set', 'k', 'v', { expiration: 'KEEPTTL' })).toEqual([
      'SET',
      'k',
      'v',
      'KEEPTTL',
    ]);
    expect(encode('set', 'k', 1.5)).toEqual(['SET', 'k', 1.5]);
  });

  it('accepts field/value pairs as Record, Map or pairs', () => {
    const wire = ['HSET', 'h', 'a', '1', 'b', '2'];
    expect(encode('hset', 'h', { a: '1', b: '2' })).toEqual(wire);
    expect(
      encode(
        'hset',
        'h',
        new Map([
          ['a', '1'],
          ['b', '2'],
        ]),
      ),
    ).toEqual(wire);
    expect(
      encode('hset', 'h', [
        ['a', '1'],
        ['b', '2'],
      ]),
    ).toEqual(wire);
    expect(encode('mset', { x: 1 })).toEqual(['MSET', 'x', 1]);
  });

  it('derives numkeys from the keys array', () => {
    expect(encode('eval', 'return 1', ['a', 'b'], ['x'])).toEqual([
      'EVAL',
      'return 1',
      2,
      'a',
      'b',
      'x',
    ]);
    expect(encode('eval', 'return 1')).toEqual(['EVAL', 'return 1', 0]);
    expect(encode('zunionstore', 'd', ['a', 'b'])).toEqual(['ZUNIONSTORE', 'd', 2, 'a', 'b']);
  });

  it('takes a single value or an array for repeated arguments', () => {
    expect(encode('del', 'a')).toEqual(['DEL', 'a']);
    expect(encode('del', ['a', 'b'])).toEqual(['DEL', 'a', 'b']);
    expect(
      encode(
        'zadd',
        'z',
        [
          [1, 'a'],
          [2.5, 'b'],
        ],
        { condition: 'NX' },
      ),
    ).toEqual(['ZADD', 'z', 'NX', 1, 'a', 2.5, 'b']);
  });

  it('writes a block token once and repeated tokens before each item', () => {
    expect(encode('scan', 0, { match: 'user:*', count: 100 })).toEqual([
      'SCAN',
      0,
      'MATCH',
      'user:*',
      'COUNT',
      100,
    ]);
    expect(encode('sort', 'l', { get: ['#', 'w_*'], store: 'dst' }).slice(2)).toEqual([
      'GET',
      '#',
      'GET',
      'w_*',
      'STORE',
      'dst',
    ]);
  });

  it('writes infinities and exclusive bounds for doubles', () => {
    expect(encode('zcount', 'z', -Infinity, '(5')).toEqual(['ZCOUNT', 'z', '-inf', '(5']);
  });

  it('rejects bad input naming the command and the argument', () => {
    const bad: [CommandMethod, unknown[], RegExp][] = [
      ['get', [undefined], /GET: argument 'key' is required/],
      ['get', [null], /GET: argument 'key' must be a string, Buffer or number, got null/],
      ['get', [{}], /GET: argument 'key' must be a string, Buffer or number, got an object/],
      ['incrby', ['k', Number.NaN], /INCRBY: argument 'increment' must be an integer, got NaN/],
      ['incrby', ['k', 1.5], /INCRBY: argument 'increment' must be an integer/],
      [
        'set',
        ['k', 'v', { condition: 'MAYBE' }],
        /SET: argument 'condition' must be one of 'NX', 'XX'/,
      ],
      ['set', ['k', 'v', { get: 'yes' }], /SET: argument 'get' must be true or false/],
      ['set', ['k', 'v', 'EX'], /SET: argument 'options' must be an object/],
      ['del', [[]], /DEL: argument 'key' needs at least one value/],
      ['get', ['a', 'b'], /GET: argument '#1' is one too many/],
      [
        'set',
        ['k', 'v', { nx: true }],
        /SET: argument 'options.nx' is not an option of SET \(options: condition, get, expiration\)/,
      ],
      // An old-shape call (start as a second positional) fails here, not at the server.
      ['bitcount', ['k', 0], /BITCOUNT: argument 'options' must be an object, got 0/],
      ['bitcount', ['k', 0, 7], /BITCOUNT: argument '#2' is one too many/],
      // Unknown fields of nested objects, positional or optional, at any depth.
      [
        'xadd',
        ['s', '*', { f: 'v' }, { trim: { strategy: 'MAXLEN', threshold: 1, limt: 5 } }],
        /XADD: argument 'trim.limt' is not a field of trim \(fields: strategy, operator, threshold, limit\)/,
      ],
      [
        'xreadgroup',
        [
          { group: 'g', consumer: 'c', noack: true },
          { key: 's', id: '>' },
        ],
        /XREADGROUP: argument 'group-block.noack' is not a field of group-block/,
      ],
      [
        'geosearch',
        ['g', { frommember: 'm' }, { circle: { byradius: 1, unit: 'km', count: 3 } }],
        /GEOSEARCH: argument 'circle.count' is not a field of circle/,
      ],
      [
        'hrandfield',
        ['h', { options: { count: 2, withvalue: true } }],
        /HRANDFIELD: argument 'options.withvalue' is not a field of options/,
      ],
      [
        'geoadd',
        ['g', [{ longitude: 1, latitude: 2, member: 'm', radius: 3 }]],
        /GEOADD: argument 'data.radius' is not a field of data/,
      ],
    ];
    for (const [method, params, message] of bad) {
      expect(() => encode(method, ...params)).toThrow(CommandArgumentError);
      expect(() => encode(method, ...params)).toThrow(message);
    }
  });

  it('refuses commands and arguments newer than the server', () => {
    expect(() => encodeCommand(commandTable.hexpire, ['h', 10, ['f']], redis7)).toThrow(
      UnsupportedCommandError,
    );
    expect(() => encodeCommand(commandTable.hexpire, ['h', 10, ['f']], redis7)).toThrow(
      'HEXPIRE needs redis 7.4.0 or newer; the server runs 7.0.15',
    );
    expect(encodeCommand(commandTable.get, ['k'], redis7)).toEqual(['GET', 'k']);
    expect(() =>
      encodeCommand(commandTable.zrank, ['z', 'm', { withscore: true }], redis7),
    ).toThrow("ZRANK argument 'withscore' needs redis 7.2.0 or newer; the server runs 7.0.15");
    expect(() => encodeCommand(commandTable.clientCapa, ['redirect'], redis7)).toThrow(
      'CLIENT CAPA exists only on valkey (since 8.0.0); the server runs redis 7.0.15',
    );
    expect(() => encodeCommand(commandTable.zscan, ['z', 0, { noscores: true }], redis7)).toThrow(
      "ZSCAN argument 'noscores' exists only on valkey (since 8.1.0); the server runs redis 7.0.15",
    );
  });
});

describe('every command', () => {
  it.each(Object.keys(commandTable) as CommandMethod[])(
    '%s encodes its required arguments',
    (method) => {
      const spec = commandTable[method];
      const wire = encodeCommand(spec, minimalParams(spec));
      expect(wire.slice(0, spec.words.length)).toEqual(spec.words);
    },
  );
});

describe('the plain fast path', () => {
  const plain = (Object.keys(commandTable) as CommandMethod[]).filter((m) => commandTable[m].plain);

  it('covers the everyday commands', () => {
    expect(plain).toEqual(
      expect.arrayContaining(['get', 'set', 'incr', 'hget', 'incrby', 'expire']),
    );
  });

  it.each(plain)('%s encodes exactly as the general path does', (method) => {
    const spec = commandTable[method];
    const params = minimalParams(spec);
    expect(encodeCommand(spec, params)).toEqual(
      encodeCommand({ ...spec, plain: undefined }, params),
    );
  });
});

describe('plain calls', () => {
  const plainSpecs = Object.values(commandTable).filter((spec) => spec.plain === true);

  it('list their arguments in parameter order, so the wire is the words then the parameters', () => {
    for (const spec of plainSpecs) {
      const order = spec.args.flatMap((arg) => (arg.param === undefined ? [] : [arg.param]));
      expect(order, spec.name).toEqual(Array.from({ length: spec.params }, (_, i) => i));
    }
  });

  it('are told apart from calls the general path must encode or refuse', () => {
    const { get, set, expire, hget } = commandTable;
    expect(isPlainCall(get, ['k'], undefined)).toBe(true);
    expect(isPlainCall(set, ['k', 1.5], undefined)).toBe(true);
    expect(isPlainCall(set, ['k', 'v', { get: true }], undefined)).toBe(false);
    expect(isPlainCall(expire, ['k', 1.5], undefined)).toBe(false);
    expect(isPlainCall(expire, ['k', '10'], undefined)).toBe(false);
    expect(isPlainCall(get, [{}], undefined)).toBe(false);
    expect(isPlainCall(hget, ['k', 'f', 'extra', 'more'], undefined)).toBe(false);
    expect(plainArgs(hget, ['k', 'f'])).toEqual(['HGET', 'k', 'f']);
    const newer = { ...redis7, version: '6.0.0' };
    expect(() => isPlainCall(commandTable.getdel, ['k'], newer)).toThrow(UnsupportedCommandError);
  });
});
