import { describe, expect, it } from 'vitest';
import { isPlainObject, setField } from './plain-object.js';

describe('isPlainObject', () => {
  it('accepts object literals and null-prototype objects only', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const other of [
      [],
      Buffer.from('x'),
      new Map(),
      new Set(),
      new Date(),
      Promise.resolve(),
      new Error('x'),
      null,
      'x',
      1,
    ]) {
      expect(isPlainObject(other), String(other)).toBe(false);
    }
  });
});

describe('setField', () => {
  it('keeps __proto__ an ordinary field', () => {
    const target: Record<string, unknown> = {};
    setField(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__']);
    expect((target as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
