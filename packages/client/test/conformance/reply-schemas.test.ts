import { describe, expect, it } from 'vitest';
import { commandTable } from '@redspec/types';
import { ReplySchemas } from './reply-schemas.js';

// The suite is only as good as its validator: it must pick the right schema and reject replies
// of the wrong shape, such as a RESP2 reply the client forgot to normalize.
describe('ReplySchemas', () => {
  const schemas = new ReplySchemas();
  const accepts = (method: keyof typeof commandTable, params: unknown[], reply: unknown): boolean =>
    schemas.choose(commandTable[method], params)!.validate(reply);

  it('takes the spec reply when no overlay overload applies', () => {
    expect(schemas.choose(commandTable.get, ['k'])!.source).toBe('specs GET');
    expect(accepts('get', ['k'], 'v')).toBe(true);
    expect(accepts('get', ['k'], null)).toBe(true);
    expect(accepts('get', ['k'], 1)).toBe(false);
  });

  it('takes the overload whose option the call sets', () => {
    const params = ['z', 0, -1, { withscores: true }];
    expect(schemas.choose(commandTable.zrange, params)!.source).toMatch(/overlay ZRANGE overloads/);
    expect(accepts('zrange', params, [['a', 1.5]])).toBe(true);
    // RESP2's raw form: flat, scores as strings.
    expect(accepts('zrange', params, ['a', '1.5'])).toBe(false);
  });

  it('takes the overload whose positional parameter the call passes', () => {
    const withCount = schemas.choose(commandTable.lpop, ['l', 2])!.source;
    expect(withCount).toMatch(/overlay LPOP overloads/);
    expect(schemas.choose(commandTable.lpop, ['l'])!.source).not.toBe(withCount);
  });

  it('rejects a map reply left as a flat RESP2 array', () => {
    expect(accepts('hgetall', ['h'], { f: 'v' })).toBe(true);
    expect(accepts('hgetall', ['h'], ['f', 'v'])).toBe(false);
  });

  it('counts infinities as numbers (RESP3 doubles include them)', () => {
    expect(accepts('zscore', ['z', 'm'], Infinity)).toBe(true);
    expect(accepts('zscore', ['z', 'm'], 'inf')).toBe(false);
  });
});
