import { describe, expect, it } from 'vitest';
import type { ReplyPlan } from './command-spec.js';
import { normalizeReply, selectReplyPlan } from './reply-normalizer.js';

describe('normalizeReply', () => {
  it('turns RESP2 flat field/value arrays and RESP3 maps into the same object', () => {
    const plan: ReplyPlan = { map: 0 };
    expect(normalizeReply(['a', '1', 'b', '2'], plan)).toEqual({ a: '1', b: '2' });
    expect(normalizeReply({ a: '1', b: '2' }, plan)).toEqual({ a: '1', b: '2' });
  });

  it('parses RESP2 doubles, including infinities', () => {
    expect(normalizeReply('1.5', 'double')).toBe(1.5);
    expect(normalizeReply('inf', 'double')).toBe(Infinity);
    expect(normalizeReply('-inf', 'double')).toBe(-Infinity);
    expect(normalizeReply(2, 'double')).toBe(2);
    expect(normalizeReply(null, 'double')).toBeNull();
  });

  it('regroups flat RESP2 tuple lists and keeps RESP3 nested ones', () => {
    const plan: ReplyPlan = { array: { tuple: [0, 'double'] } };
    expect(normalizeReply(['a', '1', 'b', '2.5'], plan)).toEqual([
      ['a', 1],
      ['b', 2.5],
    ]);
    expect(
      normalizeReply(
        [
          ['a', 1],
          ['b', 2.5],
        ],
        plan,
      ),
    ).toEqual([
      ['a', 1],
      ['b', 2.5],
    ]);
  });

  it('picks a union alternative by shape and never regroups an ambiguous flat array', () => {
    const plan: ReplyPlan = { union: [0, { array: { tuple: [0, 'double'] } }] };
    expect(normalizeReply(['a', 'b'], plan)).toEqual(['a', 'b']);
    expect(normalizeReply([['a', '1']], plan)).toEqual([['a', 1]]);
  });

  it('normalizes known object fields by their plans', () => {
    const plan: ReplyPlan = { object: { score: 'double' }, rest: 0 };
    expect(normalizeReply(['score', '2', 'name', 'x'], plan)).toEqual({ score: 2, name: 'x' });
  });

  it('keeps a __proto__ field as data', () => {
    const result = normalizeReply(['__proto__', 'x'], { map: 0 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
  });

  it('passes errors and nulls through untouched', () => {
    const error = new Error('x');
    expect(normalizeReply(error, { map: 0 })).toBe(error);
    expect(normalizeReply(null, { array: 'double' })).toBeNull();
  });
});

describe('selectReplyPlan', () => {
  const variants = [
    { when: [{ path: 'withscores' }], plan: 'double' as const },
    { when: [{ path: '#1' }], plan: { array: 0 } as const },
  ];
  it('selects by a truthy option or a present positional', () => {
    expect(selectReplyPlan(0, variants, ['k', undefined, { withscores: true }], 2)).toBe('double');
    expect(selectReplyPlan(0, variants, ['k', 3], 2)).toEqual({ array: 0 });
    expect(selectReplyPlan(0, variants, ['k', undefined, { withscores: false }], 2)).toBe(0);
  });

  it('reads nested options, absence, chosen alternatives, and needs every condition', () => {
    const nested = [{ when: [{ path: 'options.withscores' }], plan: 'double' as const }];
    expect(selectReplyPlan(0, nested, ['k', { options: { count: 1, withscores: true } }], 1)).toBe(
      'double',
    );
    const absent = [{ when: [{ path: '#1', absent: true as const }], plan: 'double' as const }];
    expect(selectReplyPlan(0, absent, ['k'], 2)).toBe('double');
    expect(selectReplyPlan(0, absent, ['k', 2], 2)).toBe(0);
    const has = [{ when: [{ path: '#0', has: 'newFormat' }], plan: 'double' as const }];
    expect(selectReplyPlan(0, has, [{ newFormat: [] }], 1)).toBe('double');
    expect(selectReplyPlan(0, has, ['1.2.3.4:5'], 1)).toBe(0);
    const both = [{ when: [{ path: 'a' }, { path: 'b' }], plan: 'double' as const }];
    expect(selectReplyPlan(0, both, [{ a: true }], 0)).toBe(0);
    expect(selectReplyPlan(0, both, [{ a: true, b: true }], 0)).toBe('double');
  });
});

describe('normalizeReply for RESP2-only shapes', () => {
  it('applies a tuple rest plan to the items past the fixed ones', () => {
    expect(
      normalizeReply(['m', '1.5', ['2', '3']], {
        tuple: [0],
        rest: { union: ['double', { tuple: ['double', 'double'] }] },
      }),
    ).toEqual(['m', 1.5, [2, 3]]);
  });

  it('applies the whole plan again where the schema refers to itself', () => {
    const plan: ReplyPlan = { map: { object: { since: 0, subcommands: 'root' } } };
    const resp2 = [
      'client',
      ['since', '2.4.0', 'subcommands', ['client|list', ['since', '2.4.0']]],
    ];
    expect(normalizeReply(resp2, plan)).toEqual({
      client: { since: '2.4.0', subcommands: { 'client|list': { since: '2.4.0' } } },
    });
  });

  it('builds a map from RESP2 [field, value] pairs', () => {
    expect(normalizeReply([['s1', [['1-0', ['f', 'v']]]]], { map: 0 })).toEqual({
      s1: [['1-0', ['f', 'v']]],
    });
  });
});

describe('normalizeReply for values sent as text', () => {
  it('reads an integer sent as a string', () => {
    expect(normalizeReply(['c', '2'], { tuple: [0, 'integer'] })).toEqual(['c', 2]);
    expect(normalizeReply(3, 'integer')).toBe(3);
    expect(normalizeReply('n/a', 'integer')).toBe('n/a');
  });

  it('parses k=v text into a record whose String() is the line', () => {
    const line = 'id=7 addr=127.0.0.1:5 name= age=3 cmd=client|info\n';
    const record = normalizeReply(line, { record: { id: 'integer', age: 'integer' } });
    expect(record).toStrictEqual({
      id: 7,
      addr: '127.0.0.1:5',
      name: '',
      age: 3,
      cmd: 'client|info',
    });
    expect(String(record)).toBe(line.trimEnd());
    expect(Object.keys(record as object)).not.toContain('toString');
  });

  it('parses one record per line', () => {
    const text = 'id=1 db=0\nid=2 db=3\n';
    expect(normalizeReply(text, { records: { id: 'integer', db: 'integer' } })).toEqual([
      { id: 1, db: 0 },
      { id: 2, db: 3 },
    ]);
  });
});

describe('normalizeReply for recursive shapes', () => {
  it("applies a loop's plan again wherever 'again' stands, at any depth", () => {
    const argument: ReplyPlan = { loop: { object: { arguments: { array: 'again' } } } };
    const resp2 = ['name', 'a', 'arguments', [['name', 'b', 'arguments', [['name', 'c']]]]];
    expect(normalizeReply([resp2], { array: argument })).toEqual([
      { name: 'a', arguments: [{ name: 'b', arguments: [{ name: 'c' }] }] },
    ]);
  });
});
